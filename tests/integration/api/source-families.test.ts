/**
 * Source families on a real Neo4j: a hand-built seed (fictional) whose facts are cited by two
 * families, so each view and analysis can be checked with either family, both, or none.
 *
 * - fx-sov (SOVIET_ARCHIVES_AS_READ) and fx-dprk (DPRK_OFFICIAL).
 * - fx-p1 is in fx-red by fx-sov and in fx-blue by fx-dprk (the families disagree);
 *   fx-p2 and fx-p4 are in fx-red by fx-sov; fx-p3 is in fx-blue by fx-dprk (and only fx-dprk
 *   records anything about fx-p3).
 * - Ties in 1955: fx-p1 - fx-p2 and fx-p2 - fx-p4 (fx-sov), fx-p1 - fx-p3 (fx-dprk).
 * - fx-p2 is arrested 1957-03-01 by fx-dprk's account only; fx-dprk also records a tie
 *   fx-p2 - fx-p3 in 1956-1958, active at that fall.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { codes, useApiOnFixtureSeed } from './api.js';

const sov = [{ source: 'fx-sov', at: 'p. 1' }];
const dprk = [{ source: 'fx-dprk', at: 'p. 2' }];
const both = [...sov, ...dprk];

function writeFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-families-fixture-'));
  for (const sub of ['people', 'ties', 'events']) mkdirSync(path.join(dir, sub));
  writeFileSync(
    path.join(dir, 'sources.yaml'),
    stringify([
      { id: 'fx-sov', title: 'Fixture study of Soviet documents', kind: 'scholarly', family: 'soviet-archives-as-read' },
      { id: 'fx-dprk', title: 'Fixture DPRK official history', kind: 'official', family: 'dprk-official' },
    ]),
  );
  const faction = (id: string, name: string) => ({
    id,
    name,
    description: 'Fixture faction.',
    formed: { date: '1930', certainty: 'certain', cite: both },
    cite: both,
  });
  writeFileSync(path.join(dir, 'factions.yaml'), stringify([faction('fx-red', 'Red fixture faction'), faction('fx-blue', 'Blue fixture faction')]));
  const member = (factionId: string, cite: unknown) => ({ faction: factionId, from: '1950-01-01', to: '1960-12-31', certainty: 'certain', cite });
  const persons = [
    { id: 'fx-p1', cite: sov, memberships: [member('fx-red', sov), member('fx-blue', dprk)] },
    { id: 'fx-p2', cite: sov, memberships: [member('fx-red', sov)] },
    { id: 'fx-p3', cite: dprk, memberships: [member('fx-blue', dprk)] },
    { id: 'fx-p4', cite: sov, memberships: [member('fx-red', sov)] },
  ];
  for (const person of persons) {
    writeFileSync(path.join(dir, 'people', `${person.id}.yaml`), stringify({ ...person, name: `Fx ${person.id.slice(3).toUpperCase()}` }));
  }
  const tie = (a: string, b: string, cite: unknown) => ({
    id: `tie-${a}-${b}`,
    kind: 'comrades',
    a,
    b,
    from: '1955-01-01',
    to: '1955-12-31',
    certainty: 'certain',
    cite,
  });
  writeFileSync(
    path.join(dir, 'ties', 'fixture.yaml'),
    stringify([
      tie('fx-p1', 'fx-p2', sov),
      tie('fx-p2', 'fx-p4', sov),
      tie('fx-p1', 'fx-p3', dprk),
      { ...tie('fx-p2', 'fx-p3', dprk), kind: 'association', from: '1956-01-01', to: '1958-12-31' },
    ]),
  );
  writeFileSync(
    path.join(dir, 'events', 'falls.yaml'),
    stringify([
      {
        id: '1957-03-01-fx-p2-arrest',
        kind: 'arrest',
        title: 'Fixture arrest of fx-p2',
        date: '1957-03-01',
        certainty: 'certain',
        cite: dprk,
        participants: [{ person: 'fx-p2', role: 'target', cite: dprk }],
      },
    ]),
  );
  return dir;
}

const fixture = useApiOnFixtureSeed(writeFixture);

async function data<T>(query: string): Promise<T> {
  const response = await fixture.api.gql<T>(query);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const families = (list: string | null): string => (list === null ? '' : `, sourceFamilies: [${list}]`);

interface NetworkAnswer {
  network: {
    persons: { person: { id: string }; faction: { id: string } | null; status: { state: string } }[];
    ties: { id: string }[];
    events: { id: string }[];
  };
}

async function network(at: string, list: string | null): Promise<NetworkAnswer['network']> {
  return (
    await data<NetworkAnswer>(
      `{ network(at: "${at}"${families(list)}, windowMonths: 6) { persons { person { id } faction { id } status { state } } ties { id } events { id } } }`,
    )
  ).network;
}

describe('the network with a source-family filter', () => {
  it('shows every fact without a filter', async () => {
    const frame = await network('1955-06', null);
    expect(frame.persons.map((p) => p.person.id)).toEqual(['fx-p1', 'fx-p2', 'fx-p3', 'fx-p4']);
    expect(frame.ties.map((t) => t.id).sort()).toEqual(['tie-fx-p1-fx-p2', 'tie-fx-p1-fx-p3', 'tie-fx-p2-fx-p4']);
  });

  it('keeps only the persons, memberships and ties one family cites', async () => {
    const soviet = await network('1955-06', 'SOVIET_ARCHIVES_AS_READ');
    expect(soviet.persons.map((p) => [p.person.id, p.faction?.id])).toEqual([
      ['fx-p1', 'fx-red'],
      ['fx-p2', 'fx-red'],
      ['fx-p4', 'fx-red'],
    ]);
    expect(soviet.ties.map((t) => t.id).sort()).toEqual(['tie-fx-p1-fx-p2', 'tie-fx-p2-fx-p4']);
    const official = await network('1955-06', 'DPRK_OFFICIAL');
    // fx-p2 counts through the arrest fx-dprk records, with no faction: fx-dprk gives none.
    expect(official.persons.map((p) => [p.person.id, p.faction?.id ?? null])).toEqual([
      ['fx-p1', 'fx-blue'],
      ['fx-p2', null],
      ['fx-p3', 'fx-blue'],
    ]);
    expect(official.ties.map((t) => t.id)).toEqual(['tie-fx-p1-fx-p3']);
  });

  it('takes a status only from events the chosen families cite', async () => {
    const official = await network('1957-06', 'DPRK_OFFICIAL');
    expect(official.events.map((e) => e.id)).toEqual(['1957-03-01-fx-p2-arrest']);
    const soviet = await network('1957-06', 'SOVIET_ARCHIVES_AS_READ');
    expect(soviet.persons.find((p) => p.person.id === 'fx-p2')?.status.state).toBe('ACTIVE');
    expect(soviet.events).toEqual([]);
    const all = await network('1957-06', null);
    expect(all.persons.find((p) => p.person.id === 'fx-p2')?.status.state).toBe('ARRESTED');
  });

  it('treats a list of both families as no filter, and an empty list as nothing', async () => {
    expect(await network('1955-06', 'SOVIET_ARCHIVES_AS_READ, DPRK_OFFICIAL')).toEqual(await network('1955-06', null));
    expect((await network('1955-06', '')).persons).toEqual([]);
  });

  it('filters the timeline the same way', async () => {
    const { timeline } = await data<{
      timeline: { persons: { person: { id: string }; memberships: { faction: { id: string } }[] }[]; ties: { id: string }[] };
    }>(`{ timeline(sourceFamilies: [DPRK_OFFICIAL]) { persons { person { id } memberships { faction { id } } } ties { id } } }`);
    expect(timeline.persons.map((p) => [p.person.id, p.memberships.map((m) => m.faction.id)])).toEqual([
      ['fx-p1', ['fx-blue']],
      ['fx-p2', []],
      ['fx-p3', ['fx-blue']],
    ]);
    expect(timeline.ties.map((t) => t.id)).toEqual(['tie-fx-p1-fx-p3', 'tie-fx-p2-fx-p3']);
  });

  it("lists a faction's members by the memberships the chosen families cite", async () => {
    const members = async (list: string | null): Promise<Record<string, string[]>> => {
      const { factions } = await data<{ factions: { id: string; members: { id: string }[] }[] }>(
        `{ factions { id members(at: "1955"${families(list)}) { id } } }`,
      );
      return Object.fromEntries(factions.map((f) => [f.id, f.members.map((p) => p.id).sort()]));
    };
    expect(await members(null)).toEqual({ 'fx-blue': ['fx-p1', 'fx-p3'], 'fx-red': ['fx-p1', 'fx-p2', 'fx-p4'] });
    expect(await members('SOVIET_ARCHIVES_AS_READ')).toEqual({ 'fx-blue': [], 'fx-red': ['fx-p1', 'fx-p2', 'fx-p4'] });
    expect(await members('DPRK_OFFICIAL')).toEqual({ 'fx-blue': ['fx-p1', 'fx-p3'], 'fx-red': [] });
  });

  it('refuses an unknown family', async () => {
    const response = await fixture.api.gql(`{ network(at: "1955", sourceFamilies: [RUMOUR]) { persons { person { id } } } }`);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('analysis with a source-family filter (cached per family set)', () => {
  const degree = async (list: string | null): Promise<Record<string, number>> => {
    const { centrality } = await data<{ centrality: { person: { id: string }; score: number }[] }>(
      `{ centrality(at: "1955-06", measure: DEGREE${families(list)}, limit: 100) { person { id } score } }`,
    );
    return Object.fromEntries(centrality.map((s) => [s.person.id, s.score]));
  };

  it('ranks over the ties of the chosen families only, each answer apart', async () => {
    expect(await degree(null)).toEqual({ 'fx-p1': 2, 'fx-p2': 2, 'fx-p3': 1, 'fx-p4': 1 });
    expect(await degree('SOVIET_ARCHIVES_AS_READ')).toEqual({ 'fx-p1': 1, 'fx-p2': 2, 'fx-p4': 1 });
    expect(await degree('DPRK_OFFICIAL')).toEqual({ 'fx-p1': 1, 'fx-p3': 1 });
    // Asked again after the others: the cache keeps each family set's own answer.
    expect(await degree('SOVIET_ARCHIVES_AS_READ')).toEqual({ 'fx-p1': 1, 'fx-p2': 2, 'fx-p4': 1 });
  });

  it('places community members in the factions the chosen families give', async () => {
    const query = (list: string) => `{ communities(at: "1955-06"${families(list)}) { communities { members { id } factions { faction { id } count } } } }`;
    const soviet = await data<{ communities: { communities: { members: { id: string }[]; factions: { faction: { id: string }; count: number }[] }[] } }>(
      query('SOVIET_ARCHIVES_AS_READ'),
    );
    expect(soviet.communities.communities.map((c) => c.factions.map((f) => [f.faction.id, f.count]))).toEqual([[['fx-red', 3]]]);
    const official = await data<typeof soviet>(query('DPRK_OFFICIAL'));
    expect(official.communities.communities.map((c) => c.factions.map((f) => [f.faction.id, f.count]))).toEqual([[['fx-blue', 2]]]);
  });

  it('counts a fall only when the chosen families record it', async () => {
    const fallen = async (list: string | null): Promise<number> => {
      const { survival } = await data<{ survival: { points: { fallen: number }[] }[] }>(
        `{ survival(factionIds: ["fx-red"]${families(list)}) { points { fallen } } }`,
      );
      return survival[0]!.points.reduce((sum, p) => sum + p.fallen, 0);
    };
    expect(await fallen(null)).toBe(1);
    expect(await fallen('SOVIET_ARCHIVES_AS_READ')).toBe(0);
  });
});

describe('exposure with a source-family filter', () => {
  it('counts only the falls and ties the chosen families cite', async () => {
    const query = (list: string | null) => `{ exposure(personId: "fx-p2"${families(list)}) { fall { id } activeTies { id } } }`;
    interface Answer {
      exposure: { fall: { id: string } | null; activeTies: { id: string }[] };
    }
    expect((await data<Answer>(query(null))).exposure).toEqual({ fall: { id: '1957-03-01-fx-p2-arrest' }, activeTies: [{ id: 'tie-fx-p2-fx-p3' }] });
    expect((await data<Answer>(query('DPRK_OFFICIAL'))).exposure).toEqual({ fall: { id: '1957-03-01-fx-p2-arrest' }, activeTies: [{ id: 'tie-fx-p2-fx-p3' }] });
    expect((await data<Answer>(query('SOVIET_ARCHIVES_AS_READ'))).exposure).toEqual({ fall: null, activeTies: [] });
  });
});

describe("a person's factions per family", () => {
  interface PersonAnswer {
    person: { factionsDisagree: boolean; factionsByFamily: { family: string; factions: { id: string }[] }[] };
  }
  const query = (id: string) => `{ person(id: "${id}") { factionsDisagree factionsByFamily { family factions { id } } } }`;

  it('shows where two families place a person differently, side by side', async () => {
    const { person } = await data<PersonAnswer>(query('fx-p1'));
    expect(person.factionsByFamily).toEqual([
      { family: 'SOVIET_ARCHIVES_AS_READ', factions: [{ id: 'fx-red' }] },
      { family: 'DPRK_OFFICIAL', factions: [{ id: 'fx-blue' }] },
    ]);
    expect(person.factionsDisagree).toBe(true);
  });

  it("says so when one family alone records the person's faction", async () => {
    const { person } = await data<PersonAnswer>(query('fx-p2'));
    expect(person.factionsByFamily).toEqual([{ family: 'SOVIET_ARCHIVES_AS_READ', factions: [{ id: 'fx-red' }] }]);
    expect(person.factionsDisagree).toBe(false);
  });

  it("exposes each source's family", async () => {
    const { sources } = await data<{ sources: { id: string; family: string }[] }>('{ sources { id family } }');
    expect(sources).toEqual([
      { id: 'fx-dprk', family: 'DPRK_OFFICIAL' },
      { id: 'fx-sov', family: 'SOVIET_ARCHIVES_AS_READ' },
    ]);
  });
});
