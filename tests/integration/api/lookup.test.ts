/** search, person, event, factions, sources, events against the curated seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchParams } from '../../../server/src/domain/search.js';
import { codes, fields, startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface Named {
  id: string;
  name: string;
}

describe('search', () => {
  const search = async (text: string, limit = 5) => {
    const response = await api.gql<{ search: Named[] }>('query($text: String!, $limit: Int) { search(text: $text, limit: $limit) { id name } }', {
      text,
      limit,
    });
    expect(response.errors).toBeUndefined();
    return response.data!.search.map((p) => p.id);
  };

  it.each(['Pak Hon Yong', 'Pak Hŏn-yŏng', 'Bak Heon-yeong', 'pak hon-yong', '박헌영', '朴憲永', 'Pak Hon Yogn', '박헌', '朴憲', 'Pakhonyong', 'Pak Honyong'])(
    '"%s" finds pak-hon-yong first',
    async (text) => {
      expect((await search(text))[0]).toBe('pak-hon-yong');
    },
  );

  it('finds the Soviet-document spelling "Li Pkhir-giu"', async () => {
    expect((await search('Li Pkhir-giu'))[0]).toBe('ri-pil-gyu');
  });

  it('"Choi Chang-ik" finds choe-chang-ik', async () => {
    expect((await search('Choi Chang-ik'))[0]).toBe('choe-chang-ik');
  });

  it('respects the limit and explains matches', async () => {
    expect((await search('Kim', 3)).length).toBeLessThanOrEqual(3);
    const response = await api.gql<{ searchMatches: { person: { id: string }; score: number; matched: string; how: string }[] }>(
      '{ searchMatches(text: "Bak Heon-yeong", limit: 2) { person { id } score matched how } }',
    );
    expect(response.data?.searchMatches[0]).toMatchObject({ person: { id: 'pak-hon-yong' }, matched: 'Bak Heon-yeong', how: 'EXACT', score: 1 });
  });

  it('"Kim" puts Kim Il-sung first: every Kim has the whole word, and the most connected comes first', async () => {
    const response = await api.gql<{ searchMatches: { person: { id: string }; score: number; how: string }[] }>(
      '{ searchMatches(text: "Kim", limit: 10) { person { id } score how } }',
    );
    const matches = response.data!.searchMatches;
    expect(matches[0]?.person.id).toBe('kim-il-sung');
    expect(matches.length).toBe(10);
    expect(new Set(matches.map((m) => m.score)).size).toBe(1);
    // Not the shortest name first, as before ("Kim Il", "Kim Kang").
    expect(await search('Kim Il', 2)).toEqual(['kim-il', 'kim-il-sung']);
  });

  it('joined syllables: "Sangjo" finds Ri Sang-jo as "Sang-jo" does', async () => {
    const matches = async (text: string) =>
      (
        await api.gql<{ searchMatches: { person: { id: string }; score: number }[] }>(
          'query($text: String!) { searchMatches(text: $text, limit: 3) { person { id } score } }',
          { text },
        )
      ).data!.searchMatches;
    const [joined] = await matches('Sangjo');
    const [hyphenated] = await matches('Sang-jo');
    expect(joined?.person.id).toBe('ri-sang-jo');
    expect(hyphenated).toEqual(joined);
    expect((await search('Ri Sangjo'))[0]).toBe('ri-sang-jo');
    expect((await search('Kim Tubong'))[0]).toBe('kim-tu-bong');
  });

  it('runs the fuzzy pass only when the exact pass finds fewer than the limit', async () => {
    // A fuzzy query Lucene cannot parse fails the request exactly when the fuzzy pass runs.
    const broken = (text: string, limit: number) => ({ ...searchParams(text, limit)!, fuzzy: 'pak AND (' });
    const kims = await api.db.read('queries/search', broken('Kim', 5));
    expect(kims.length).toBeGreaterThanOrEqual(5);
    expect(kims.every((row) => row['exact'] === true)).toBe(true);
    await expect(api.db.read('queries/search', broken('Kim', 20))).rejects.toThrow();
    await expect(api.db.read('queries/search', broken('Pak Hon Yogn', 1))).rejects.toThrow();
    // The typo is found by that pass.
    const rows = await api.db.read('queries/search', searchParams('Pak Hon Yogn', 1)!);
    expect(rows.map((row) => (row['person'] as { id: string }).id)).toContain('pak-hon-yong');
    expect(rows.every((row) => row['exact'] === false)).toBe(true);
  });

  it('a last word that begins another typed word must match a word of its own ("Kim K")', async () => {
    const rows = await api.db.read('queries/search', searchParams('Kim K', 10)!);
    const exact = rows.filter((row) => row['exact'] === true).map((row) => (row['person'] as { id: string }).id);
    // Kim Il-sung has "kim" but no second word in k: Lucene's "k*" is satisfied by "kim" alone.
    expect(exact).toEqual(expect.arrayContaining(['kim-kang', 'kim-kwang-hyop', 'kim-ku-kpa']));
    expect(exact).not.toContain('kim-il-sung');
    expect(await search('Kim K', 10)).toEqual(expect.arrayContaining(['kim-kang', 'kim-kwang-hyop', 'kim-ku-kpa']));
  });

  it('rejects an empty text and an out-of-range limit, naming the argument', async () => {
    const empty = await api.gql('{ search(text: "--") { id } }');
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(fields(empty)).toEqual(['text']);
    const limit = await api.gql('{ search(text: "Pak", limit: 0) { id } }');
    expect(fields(limit)).toEqual(['limit']);
  });
});

describe('person', () => {
  it('returns the full projection in one request', async () => {
    const response = await api.gql<{
      person: Record<string, unknown> & { memberships: { faction: { id: string } }[]; participations: unknown[]; ties: unknown[]; aliases: string[] };
    }>(`{
      person(id: "pak-hon-yong") {
        id name hangul hanja aliases died { iso precision approximate earliest latest }
        memberships { faction { id name } from { iso } certainty citations { source { id title } locator note } }
        offices { title } participations { role event { id kind date { iso } } }
        ties { id kind directed source { id } target { id } certainty }
        status(at: "1960") { state certain }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const person = response.data!.person;
    expect(person).toMatchObject({ id: 'pak-hon-yong', hangul: '박헌영', hanja: '朴憲永' });
    expect(person.aliases).toContain('Bak Heon-yeong');
    expect(person.memberships.map((m) => m.faction.id)).toContain('southern');
    expect(person.participations.length).toBeGreaterThan(0);
    expect(person.ties.length).toBeGreaterThan(0);
  });

  it('an unknown person is NOT_FOUND; a malformed id is BAD_USER_INPUT', async () => {
    const missing = await api.gql('{ person(id: "no-such-person") { id } }');
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.data?.person).toBeNull();
    const malformed = await api.gql('{ person(id: "Not An Id!") { id } }');
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(fields(malformed)).toEqual(['id']);
  });

  it('a malformed status date names the argument', async () => {
    const response = await api.gql('{ person(id: "pak-hon-yong") { status(at: "1956-13") { state } } }');
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(fields(response)).toEqual(['at']);
  });
});

describe('event, factions, sources', () => {
  it('an event with participants and links', async () => {
    const response = await api.gql<{ event: { kind: string; participants: { person: { id: string }; role: string }[]; ledTo: { id: string }[] } }>(
      '{ event(id: "1956-08-30-august-plenum") { id kind title date { iso precision } participants { person { id } role } ledTo { id } links { type to { id } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.event.kind).toBe('MEETING');
    expect(response.data?.event.participants.some((p) => p.person.id === 'choe-chang-ik' && p.role === 'TARGET')).toBe(true);
    expect(codes(await api.gql('{ event(id: "1999-no-such-event") { id } }'))).toEqual(['NOT_FOUND']);
  });

  it('factions with members at a date, and sources', async () => {
    const response = await api.gql<{ factions: { id: string; members: { id: string }[] }[]; sources: { id: string; title: string }[] }>(
      '{ factions { id name aliases members(at: "1956") { id } subgroups { id } parent { id } } sources { id title author year } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.factions.map((f) => f.id)).toEqual(expect.arrayContaining(['yanan', 'soviet', 'guerrilla', 'southern']));
    expect(response.data!.factions.find((f) => f.id === 'yanan')!.members.map((m) => m.id)).toContain('choe-chang-ik');
    expect(response.data!.sources.map((s) => s.id)).toContain('shen2008');
  });
});

describe('events', () => {
  it('are ordered by date and filtered by range, kind and person', async () => {
    const response = await api.gql<{ events: { id: string; kind: string; date: { earliest: string; latest: string } }[] }>(
      '{ events(from: "1956-08", to: "1956-09", kinds: [EXPULSION, FLIGHT, REMOVAL]) { id kind date { earliest latest } } }',
    );
    expect(response.errors).toBeUndefined();
    const events = response.data!.events;
    expect(events.map((e) => e.id)).toEqual(expect.arrayContaining(['1956-08-31-expulsion-of-four', '1956-08-30-flight-to-china']));
    for (const event of events) {
      expect(['EXPULSION', 'FLIGHT', 'REMOVAL']).toContain(event.kind);
      expect(event.date.latest >= '1956-08-01' && event.date.earliest <= '1956-09-30').toBe(true);
    }
    const sorted = [...events].sort((a, b) => a.date.earliest.localeCompare(b.date.earliest));
    expect(events.map((e) => e.date.earliest)).toEqual(sorted.map((e) => e.date.earliest));
    const mine = await api.gql<{ events: { participants: { person: { id: string } }[] }[] }>(
      '{ events(personId: "ri-pil-gyu") { id participants { person { id } } } }',
    );
    expect(mine.data!.events.length).toBeGreaterThan(0);
    expect(mine.data!.events.every((e) => e.participants.some((p) => p.person.id === 'ri-pil-gyu'))).toBe(true);
  });

  it('a malformed date or an unknown person is BAD_USER_INPUT naming the argument', async () => {
    const date = await api.gql('{ events(from: "August 1956") { id } }');
    expect(codes(date)).toEqual(['BAD_USER_INPUT']);
    expect(fields(date)).toEqual(['from']);
    const person = await api.gql('{ events(personId: "no-such-person") { id } }');
    expect(codes(person)).toEqual(['BAD_USER_INPUT']);
    expect(fields(person)).toEqual(['personId']);
  });
});
