/**
 * Facts taken from the sources, asserted against the curated graph as loaded into the suite's
 * Neo4j (tests/setup/global-setup.ts). Each test names the locator it checks; paragraphs are
 * counted by the convention in docs/seed-format.md ("Citations"). Every fact here was checked
 * against the source text, not against the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Params, Row } from '../../../server/src/db/database.js';
import { openTestDatabase } from '../../setup/database.js';

let db: Database;

beforeAll(() => {
  db = openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

async function rows(text: string, params: Params = {}): Promise<readonly Row[]> {
  const result = await db.readCapped(text, params, { timeoutMs: 5000, maxRows: 1000 });
  return result.rows;
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
  return value.map(str);
}

function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`expected a number, got ${JSON.stringify(value)}`);
}

interface EventFacts {
  kind: string;
  date: string;
  sourceIds: string[];
  citations: { source: string; locator: string; note: string }[];
}

async function event(id: string): Promise<EventFacts> {
  const found = await rows('MATCH (e:Event {id: $id}) RETURN e.kind AS kind, e.dateIso AS date, e.sourceIds AS sourceIds, e.citations AS citations', { id });
  expect(found, `event ${id}`).toHaveLength(1);
  const row = found[0] as Row;
  return {
    kind: str(row['kind']),
    date: str(row['date']),
    sourceIds: strings(row['sourceIds']),
    citations: JSON.parse(str(row['citations'])) as EventFacts['citations'],
  };
}

/** "person:ROLE" for every participant of an event, sorted. */
async function participants(eventId: string, role?: string): Promise<string[]> {
  const found = await rows(
    'MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event {id: $id}) WHERE $role IS NULL OR r.role = $role RETURN p.id AS person ORDER BY person',
    { id: eventId, role: role ?? null },
  );
  return found.map((r) => str(r['person']));
}

async function linked(from: string, type: string, to: string): Promise<boolean> {
  const found = await rows('MATCH (a:Event {id: $from})-[r]->(b:Event {id: $to}) WHERE type(r) = $type RETURN count(r) AS n', { from, to, type });
  return num((found[0] as Row)['n']) > 0;
}

async function memberships(person: string): Promise<{ faction: string; sourceIds: string[]; certainty: string }[]> {
  const found = await rows('MATCH (p:Person {id: $id})-[m:MEMBER_OF]->(f:Faction) RETURN f.id AS faction, m.sourceIds AS sourceIds, m.certainty AS certainty', {
    id: person,
  });
  return found.map((r) => ({ faction: str(r['faction']), sourceIds: strings(r['sourceIds']), certainty: str(r['certainty']) }));
}

async function personByForm(form: string): Promise<string[]> {
  const found = await rows('MATCH (p:Person) WHERE p.name = $form OR $form IN p.aliases RETURN p.id AS id ORDER BY id', { form });
  return found.map((r) => str(r['id']));
}

async function tie(a: string, b: string, kind: string): Promise<{ sourceIds: string[]; directed: boolean }[]> {
  const found = await rows(
    `MATCH (x:Person {id: $a})-[t:TIE]-(y:Person {id: $b}) WHERE t.kind = $kind
     RETURN t.sourceIds AS sourceIds, t.directed AS directed, startNode(t).id AS start`,
    { a, b, kind },
  );
  return found
    .filter((r) => r['directed'] !== true || str(r['start']) === a)
    .map((r) => ({ sourceIds: strings(r['sourceIds']), directed: r['directed'] === true }));
}

describe('the August 1956 plenum and its sanctions', () => {
  it('the plenum met on 30 August 1956 (shen2008 §V para 26)', async () => {
    const plenum = await event('1956-08-30-august-plenum');
    expect(plenum.kind).toBe('MEETING');
    expect(plenum.date).toBe('1956-08-30');
    expect(plenum.sourceIds).toContain('shen2008');
  });

  it('on 31 August it expelled Yun Kong-hum, So Hwi, Kim Gan and Li Pkhir-giu (shen2008 §V para 27; fn 104)', async () => {
    const expulsion = await event('1956-08-31-expulsion-of-four');
    expect(expulsion.kind).toBe('EXPULSION');
    expect(expulsion.date).toBe('1956-08-31');
    expect(await participants('1956-08-31-expulsion-of-four', 'TARGET')).toEqual(['kim-kang', 'ri-pil-gyu', 'so-hwi', 'yun-kong-hum']);
  });

  it('on 31 August it removed Choe Chang-ik from the Standing Committee and Pak Chang-ok from the Cabinet and CC (shen2008 §V para 27)', async () => {
    const choe = await event('1956-08-31-choe-chang-ik-removed');
    const pak = await event('1956-08-31-pak-chang-ok-removed');
    expect([choe.kind, choe.date, pak.kind, pak.date]).toEqual(['REMOVAL', '1956-08-31', 'REMOVAL', '1956-08-31']);
    expect(await participants('1956-08-31-choe-chang-ik-removed', 'TARGET')).toEqual(['choe-chang-ik']);
    expect(await participants('1956-08-31-pak-chang-ok-removed', 'TARGET')).toEqual(['pak-chang-ok']);
  });

  it('only Choe Chang-ik and Pak Chang-ok spoke up for Yun at the plenum, and Choe Yong-gon shouted him down (shen2008 §V para 26)', async () => {
    expect(await participants('1956-08-30-august-plenum', 'SUPPORTER')).toEqual(['choe-chang-ik', 'pak-chang-ok']);
    expect(await participants('1956-08-30-august-plenum', 'ACCUSER')).toContain('choe-yong-gon');
    expect(await tie('choe-yong-gon', 'yun-kong-hum', 'DENUNCIATION')).toHaveLength(1);
  });

  it('four fled to China during the lunch break of 30 August (shen2008 §V para 26; para 28, fn 105)', async () => {
    const flight = await event('1956-08-30-flight-to-china');
    expect([flight.kind, flight.date]).toEqual(['FLIGHT', '1956-08-30']);
    expect(await participants('1956-08-30-flight-to-china')).toEqual(['kim-kang', 'ri-pil-gyu', 'so-hwi', 'yun-kong-hum']);
  });

  it('the plenum led to the flight, the expulsions and both removals (shen2008 §V para 26-27)', async () => {
    for (const to of ['1956-08-30-flight-to-china', '1956-08-31-expulsion-of-four', '1956-08-31-choe-chang-ik-removed', '1956-08-31-pak-chang-ok-removed']) {
      expect(await linked('1956-08-30-august-plenum', 'LED_TO', to), to).toBe(true);
    }
  });

  it('Ambassador Qiao Xiaoguang refused on 3 September to send the four back (shen2008 §V para 28; fn 105)', async () => {
    const refusal = await event('1956-09-03-china-refuses-repatriation');
    expect(refusal.date).toBe('1956-09-03');
    expect(await participants('1956-09-03-china-refuses-repatriation', 'DEFENDER')).toEqual(['qiao-xiaoguang']);
    for (const exile of ['yun-kong-hum', 'so-hwi', 'kim-kang', 'ri-pil-gyu']) {
      expect(await tie('qiao-xiaoguang', exile, 'PROTECTION'), exile).toHaveLength(1);
    }
  });
});

describe('the September 1956 reversal', () => {
  it('the September plenum reversed the August plenum (shen2008 §V para 34; fn 114)', async () => {
    expect(await linked('1956-08-30-august-plenum', 'REVERSED_BY', '1956-09-22-september-plenum')).toBe(true);
    expect(await linked('1956-08-31-expulsion-of-four', 'REVERSED_BY', '1956-09-22-readmission-of-exiles')).toBe(true);
    expect(await linked('1956-08-31-choe-chang-ik-removed', 'REVERSED_BY', '1956-09-22-rehabilitation-choe-pak')).toBe(true);
    expect(await linked('1956-08-31-pak-chang-ok-removed', 'REVERSED_BY', '1956-09-22-rehabilitation-choe-pak')).toBe(true);
  });

  it("Shen dates it 22 September; Lankov's 23 September is kept beside it as a cited conflict (shen2008 §V para 34; lankov2005)", async () => {
    const plenum = await event('1956-09-22-september-plenum');
    expect(plenum.date).toBe('1956-09-22');
    expect(plenum.sourceIds).toEqual(['lankov2005', 'shen2008']);
    const lankov = plenum.citations.find((c) => c.source === 'lankov2005');
    expect(lankov?.note).toMatch(/23 September/);
    expect(lankov?.locator).toMatch(/pages not verified/);
  });

  it('Mikoyan and Peng Dehuai went to Pyongyang in September 1956 and led to the plenum (shen2008 §V para 33-34; fn 114)', async () => {
    const mission = await event('1956-09-mikoyan-peng-mission-to-pyongyang');
    expect([mission.kind, mission.date]).toEqual(['MISSION', '1956-09']);
    expect(await participants('1956-09-mikoyan-peng-mission-to-pyongyang', 'ENVOY')).toEqual(['anastas-mikoyan', 'peng-dehuai']);
    expect(await linked('1956-09-kim-mikoyan-peng-conversations', 'LED_TO', '1956-09-22-september-plenum')).toBe(true);
  });

  it('on 18 September Mao, Zhou Enlai and Peng Dehuai discussed Korea with Mikoyan (shen2008 §V para 31-32; fn 112)', async () => {
    const talks = await event('1956-09-18-mao-mikoyan-talks');
    expect(talks.date).toBe('1956-09-18');
    expect(await participants('1956-09-18-mao-mikoyan-talks')).toEqual(expect.arrayContaining(['anastas-mikoyan', 'mao-zedong', 'peng-dehuai', 'zhou-enlai']));
  });

  it('Kim promised Mikoyan and Peng to free Pak Il-u and did not (shen2008 §V para 34)', async () => {
    expect(await tie('anastas-mikoyan', 'pak-il-u', 'PROTECTION')).toHaveLength(1);
    expect(await tie('peng-dehuai', 'pak-il-u', 'PROTECTION')).toHaveLength(1);
  });
});

describe('the wartime and postwar purges', () => {
  it('Mu Chong was removed from his post in December 1950 (shen2008 §V para 6; fn 102)', async () => {
    const removal = await event('1950-12-mu-chong-removed');
    expect([removal.kind, removal.date]).toEqual(['REMOVAL', '1950-12']);
    expect(await participants('1950-12-mu-chong-removed', 'TARGET')).toEqual(['mu-chong']);
  });

  it('then Pak Il-u was removed and Pang Ho-san arrested, undated in the source (shen2008 §V para 6)', async () => {
    expect(await linked('1950-12-mu-chong-removed', 'LED_TO', '1951-pak-il-u-removed')).toBe(true);
    const arrest = await event('1951-pang-ho-san-arrested');
    expect(arrest.kind).toBe('ARREST');
    const certainty = await rows('MATCH (e:Event) WHERE e.id IN $ids RETURN collect(DISTINCT e.certainty) AS c', {
      ids: ['1951-pak-il-u-removed', '1951-pang-ho-san-arrested'],
    });
    expect(strings((certainty[0] as Row)['c'])).toEqual(['POSSIBLE']);
  });

  it('Ho Ka-i was expelled from the party in November 1951 (shen2008 §V para 6)', async () => {
    const expulsion = await event('1951-11-ho-ka-i-expelled');
    expect([expulsion.kind, expulsion.date]).toEqual(['EXPULSION', '1951-11']);
    expect(await participants('1951-11-ho-ka-i-expelled', 'TARGET')).toEqual(['ho-ka-i']);
  });

  it("the August 1953 trial of Ri Sung-yop was a preview of Pak Hon-yong's trial (shen2008 §V para 6)", async () => {
    const trial = await event('1953-08-southern-cadres-trial');
    expect([trial.kind, trial.date]).toEqual(['TRIAL', '1953-08']);
    expect(await linked('1953-08-southern-cadres-trial', 'PREVIEW_OF', '1955-pak-hon-yong-trial')).toBe(true);
    expect(await linked('1955-pak-hon-yong-trial', 'LED_TO', '1955-pak-hon-yong-death-sentence')).toBe(true);
  });

  it('after the Moscow Conference Kim Tu-bong was expelled, arrested and sent to the Sunan Farm (shen2008 §VI para 6; fn 124)', async () => {
    expect(await linked('1958-kim-tu-bong-expelled', 'LED_TO', '1958-kim-tu-bong-arrested')).toBe(true);
    expect(await linked('1958-kim-tu-bong-arrested', 'LED_TO', '1958-kim-tu-bong-sunan-farm')).toBe(true);
    expect((await event('1958-kim-tu-bong-sunan-farm')).kind).toBe('LABOUR_REFORM');
  });
});

describe('conflicting claims side by side', () => {
  it('Ho Ka-i: suicide in early 1957 (shen2008 §V para 6) against 2 July 1953 (wikipedia-ho-ka-i, secondary)', async () => {
    const found = await rows('MATCH (p:Person {id: $id}) RETURN p.diedClaims AS died', { id: 'ho-ka-i' });
    const claims = JSON.parse(str((found[0] as Row)['died'])) as { date: string; citations: { source: string }[] }[];
    const bySource = new Map(claims.map((c) => [c.citations.map((x) => x.source).join(','), c.date]));
    expect(bySource.get('shen2008')).toMatch(/1957/);
    expect(bySource.get('wikipedia-ho-ka-i')).toMatch(/1953/);
    const shen = await event('1957-ho-ka-i-suicide');
    const wiki = await event('1953-07-02-ho-ka-i-death');
    expect(shen.sourceIds).toEqual(['shen2008']);
    expect(wiki.sourceIds).toEqual(['wikipedia-ho-ka-i']);
  });
});

describe('identities and name forms', () => {
  it('Kim Ku of the KPA First Division is not the nationalist Kim Gu (shen2008 §I para 15; fn 18)', async () => {
    const found = await rows('MATCH (p:Person {id: $id}) RETURN p.name AS name, p.aliases AS aliases, p.disambiguation AS d', { id: 'kim-ku-kpa' });
    const row = found[0] as Row;
    expect(str(row['name'])).toBe('Kim Ku');
    expect(strings(row['aliases'])).not.toContain('Kim Gu');
    expect(str(row['d'])).toMatch(/Kim Gu/);
    expect(await personByForm('Kim Gu')).not.toContain('kim-ku-kpa');
    const commander = await rows("MATCH (p:Person {id: 'kim-ku-kpa'})-[:PARTICIPATED_IN]->(e:Event {id: '1947-02-08-kpa-inaugurated'}) RETURN count(*) AS n");
    expect(num((commander[0] as Row)['n'])).toBe(1);
  });

  it('Kim Il is a different person from Kim Il-sung (shen2008 §I para 2; §II para 2)', async () => {
    expect(await personByForm('Kim Il')).toEqual(['kim-il']);
    expect(await personByForm('Kim Il-sung')).toEqual(['kim-il-sung']);
    expect(await participants('1949-04-kim-il-mission-to-china', 'ENVOY')).toEqual(['kim-il']);
  });

  it('"Li Pkhir-giu" is Ri Pil-gyu and "Kim Cyn-khva" is Kim Sung-hwa (shen2008 §V para 20, 26-27)', async () => {
    expect(await personByForm('Li Pkhir-giu')).toEqual(['ri-pil-gyu']);
    expect(await personByForm('Kim Cyn-khva')).toEqual(['kim-sung-hwa']);
  });

  it('"Lee Sang-jo", "Pak En-bin", "Kang Gen" and "Ho Ka-yi" resolve to one person each (shen2008 §V para 6-7, 13; §I para 2)', async () => {
    expect(await personByForm('Lee Sang-jo')).toEqual(['ri-sang-jo']);
    expect(await personByForm('Pak En-bin')).toEqual(['pak-yong-bin']);
    expect(await personByForm('Kang Gen')).toEqual(['kang-kon']);
    expect(await personByForm('Ho Ka-yi')).toEqual(['ho-ka-i']);
  });
});

describe('factions', () => {
  it("Choe Chang-ik belonged to the Yan'an faction (shen2008 §I para 1; §V para 30)", async () => {
    const yanan = (await memberships('choe-chang-ik')).filter((m) => m.faction === 'yanan');
    expect(yanan).toHaveLength(1);
    expect(yanan[0]?.sourceIds).toContain('shen2008');
  });

  it("the postwar leadership by faction: Kim Il guerrilla, Kim Tu-bong and Kim Chang-man Yan'an, Pak Chang-ok and Pak En-bin Moscow, Pak Chong-ae southern (shen2008 §V para 7; fn 83)", async () => {
    const expected: [string, string][] = [
      ['kim-il', 'guerrilla'],
      ['kim-tu-bong', 'yanan'],
      ['kim-chang-man', 'yanan'],
      ['pak-chang-ok', 'soviet'],
      ['pak-yong-bin', 'soviet'],
      ['pak-chong-ae', 'southern'],
    ];
    for (const [person, faction] of expected) {
      const found = (await memberships(person)).filter((m) => m.faction === faction);
      expect(found.length, `${person} in ${faction}`).toBe(1);
      expect(found[0]?.certainty).toBe('CERTAIN');
    }
  });

  it("Ri Sang-jo is named as of the Yan'an faction, Pak Hon-yong and Ri Sung-yop as southern (shen2008 §V para 13; para 6)", async () => {
    expect((await memberships('ri-sang-jo')).map((m) => m.faction)).toContain('yanan');
    expect((await memberships('pak-hon-yong')).map((m) => m.faction)).toContain('southern');
    expect((await memberships('ri-sung-yop')).map((m) => m.faction)).toContain('southern');
  });

  it("Shen never names the faction of Kim Gan or Li Pkhir-giu, so their Yan'an membership is only possible (shen2008 §V para 26; §VI para 3)", async () => {
    for (const person of ['kim-kang', 'ri-pil-gyu']) {
      expect(await memberships(person)).toEqual([{ faction: 'yanan', sourceIds: ['shen2008'], certainty: 'POSSIBLE' }]);
    }
  });

  it('the seven dissenters of summer 1956 plan to speak at the plenum (shen2008 §V para 20)', async () => {
    expect(await participants('1956-opposition-plans-plenum-critique', 'INSTIGATOR')).toEqual([
      'choe-chang-ik',
      'kim-sung-hwa',
      'kim-tu-bong',
      'pak-chang-ok',
      'pak-ui-wan',
      'so-hwi',
      'yun-kong-hum',
    ]);
    expect(await tie('choe-chang-ik', 'pak-chang-ok', 'ALLIANCE')).toHaveLength(1);
    expect(await tie('pak-chang-ok', 'pak-ui-wan', 'ALLIANCE')).toHaveLength(1);
  });

  it('Kim Tu-bong stopped the move to punish Ri Sang-jo (shen2008 §V para 13; fn 92)', async () => {
    expect(await tie('kim-tu-bong', 'ri-sang-jo', 'PROTECTION')).toEqual([{ sourceIds: ['shen2008'], directed: true }]);
    expect(await tie('kim-chang-man', 'ri-sang-jo', 'DENUNCIATION')).toHaveLength(1);
  });
});

describe('dates and fates for the time model (issue 10)', () => {
  async function faction(
    id: string,
  ): Promise<{ formed: string; dissolved: string | null; lifespan: { formed: { certainty: string; citations: { source: string; locator: string }[] } } }> {
    const found = await rows('MATCH (f:Faction {id: $id}) RETURN f.formedIso AS formed, f.dissolvedIso AS dissolved, f.lifespan AS lifespan', { id });
    expect(found, `faction ${id}`).toHaveLength(1);
    const row = found[0] as Row;
    return { formed: str(row['formed']), dissolved: row['dissolved'] === null ? null : str(row['dissolved']), lifespan: JSON.parse(str(row['lifespan'])) };
  }

  async function membershipDates(person: string, factionId: string): Promise<{ from: string | null; to: string | null }> {
    const found = await rows('MATCH (:Person {id: $person})-[m:MEMBER_OF]->(:Faction {id: $faction}) RETURN m.fromIso AS from, m.toIso AS to', {
      person,
      faction: factionId,
    });
    expect(found, `${person} in ${factionId}`).toHaveLength(1);
    const row = found[0] as Row;
    return { from: (row['from'] as string | null) ?? null, to: (row['to'] as string | null) ?? null };
  }

  it("the Yan'an group dates from the North China Korean Youth Association of January 1941, renamed the Korean Independence League in July 1942 (shen2008 §I para 1; fn 4)", async () => {
    const yanan = await faction('yanan');
    expect(yanan.formed).toBe('1941-01');
    expect(yanan.lifespan.formed.citations.map((c) => c.locator)).toContain('§I, para 1; fn 4');
    expect(await membershipDates('mu-chong', 'yanan')).toEqual({ from: '1941-01', to: null });
  });

  it("the Yan'an and Soviet groups end about 1958, the southern group in 1955; the guerrillas have no end (shen2008 §V para 6; §VI para 6-7)", async () => {
    expect((await faction('yanan')).dissolved).toBe('1958');
    expect((await faction('soviet')).dissolved).toBe('1958');
    expect((await faction('southern')).dissolved).toBe('1955');
    expect((await faction('guerrilla')).dissolved).toBeNull();
  });

  it("So Hwi and Yun Kong-hum joined the League leadership in Yan'an late in the war and left for China on 30 August 1956 (shen2008 §I para 1; §V para 26)", async () => {
    for (const person of ['so-hwi', 'yun-kong-hum']) {
      expect(await membershipDates(person, 'yanan'), person).toEqual({ from: '1944', to: '1956-08-30' });
    }
    for (const person of ['kim-kang', 'ri-pil-gyu']) {
      expect((await membershipDates(person, 'yanan')).to, person).toBe('1956-08-30');
    }
  });

  it('Mu Chong went back to China after his removal of December 1950, undated in the source (shen2008 fn 102)', async () => {
    const flight = await event('1951-mu-chong-flight-to-china');
    expect(flight.kind).toBe('FLIGHT');
    expect(await participants('1951-mu-chong-flight-to-china')).toEqual(['mu-chong']);
    expect(await linked('1950-12-mu-chong-removed', 'LED_TO', '1951-mu-chong-flight-to-china')).toBe(true);
  });

  it('Ho Ka-i was tried after his expulsion of November 1951; Shen gives no date (shen2008 §V para 6)', async () => {
    const trial = await event('1952-ho-ka-i-trial');
    expect(trial.kind).toBe('TRIAL');
    expect(await participants('1952-ho-ka-i-trial', 'TARGET')).toEqual(['ho-ka-i']);
    expect(await linked('1951-11-ho-ka-i-expelled', 'LED_TO', '1952-ho-ka-i-trial')).toBe(true);
    const certainty = await rows("MATCH (e:Event {id: '1952-ho-ka-i-trial'}) RETURN e.certainty AS c");
    expect(str((certainty[0] as Row)['c'])).toBe('POSSIBLE');
  });

  it('Pak Il-u was in custody in 1956 and still not freed after the September plenum (shen2008 §V para 13, 34)', async () => {
    const detention = await event('1956-pak-il-u-detention');
    expect([detention.kind, detention.date]).toEqual(['ARREST', '1956']);
    expect(await participants('1956-pak-il-u-detention', 'TARGET')).toEqual(['pak-il-u']);
  });

  it('the CCP made its view public on 4 April and the CPSU resolved on 20 June (shen2008 §V para 29; fn 109)', async () => {
    expect((await event('1956-04-04-ccp-makes-its-view-public')).date).toBe('1956-04-04');
    expect((await event('1956-06-20-cpsu-resolution-on-the-cult')).date).toBe('1956-06-20');
  });

  it("the Korean Workers' Party was founded shortly before the war; its month comes from a secondary work (shen2008 §V para 5; scalapino-lee1972)", async () => {
    const founding = await event('1949-06-korean-workers-party-founded');
    expect([founding.kind, founding.date]).toEqual(['FOUNDING', '1949-06']);
    expect(founding.sourceIds).toEqual(['scalapino-lee1972', 'shen2008']);
  });

  it('I. F. Kurdiukov, whose observations Shen cites, is one person and a witness to the Soviet report (shen2008 §V para 3; fn 81)', async () => {
    expect(await personByForm('I. F. Kurdiukov')).toEqual(['i-f-kurdiukov']);
    expect(await participants('1955-soviet-report-on-sino-korean-coolness', 'WITNESS')).toEqual(['i-f-kurdiukov']);
  });

  it("Kang Kon's death in September 1950 rests on a secondary work only and is held as probable (appleman1961)", async () => {
    const found = await rows('MATCH (p:Person {id: $id}) RETURN p.diedIso AS died, p.diedClaims AS claims', { id: 'kang-kon' });
    const row = found[0] as Row;
    expect(str(row['died'])).toBe('1950-09-08');
    const claims = JSON.parse(str(row['claims'])) as { certainty: string; citations: { source: string; locator: string }[] }[];
    expect(claims).toHaveLength(1);
    expect(claims[0]?.certainty).toBe('PROBABLE');
    expect(claims[0]?.citations.map((c) => c.source)).toEqual(['appleman1961']);
    expect(claims[0]?.citations[0]?.locator).toMatch(/pages not verified/);
  });

  it('one post, one title: the three Chinese ambassadors in Pyongyang hold the same office (shen2008 §III para 5; §V para 3, 28)', async () => {
    const found = await rows("MATCH (p:Person)-[:HELD]->(o:Office {id: 'chinese-ambassador-to-north-korea'}) RETURN p.id AS id ORDER BY id");
    expect(found.map((r) => str(r['id']))).toEqual(['ni-zhiliang', 'pan-zili', 'qiao-xiaoguang']);
    const stray = await rows("MATCH (o:Office) WHERE o.title IN ['Chinese Ambassador to the DPRK', 'Vice prime minister'] RETURN count(o) AS n");
    expect(num((stray[0] as Row)['n'])).toBe(0);
  });

  it('the 1958 denunciations undo the September 1956 rehabilitation and readmission (shen2008 §VI para 7; fn 125)', async () => {
    for (const from of ['1956-09-22-rehabilitation-choe-pak', '1956-09-22-readmission-of-exiles']) {
      expect(await linked(from, 'REVERSED_BY', '1958-01-internal-speech-on-anti-party-factionists'), from).toBe(true);
    }
  });
});

describe('every fact is cited', () => {
  const CITED = [
    ['MATCH ()-[x:MEMBER_OF]->()', 'MEMBER_OF'],
    ['MATCH ()-[x:HELD]->()', 'HELD'],
    ['MATCH ()-[x:PARTICIPATED_IN]->()', 'PARTICIPATED_IN'],
    ['MATCH ()-[x:TIE]->()', 'TIE'],
    ['MATCH ()-[x:LED_TO|PREVIEW_OF|REVERSED_BY|PART_OF]->()', 'event links'],
    ['MATCH (x:Event)', 'Event'],
    ['MATCH (x:Person)', 'Person'],
    ['MATCH (x:Faction)', 'Faction'],
  ] as const;

  for (const [match, label] of CITED) {
    it(`every ${label} has at least one citation, and every cited source exists`, async () => {
      const found = await rows(
        `${match}
         WITH x, coalesce(x.sourceIds, []) AS ids
         OPTIONAL MATCH (s:Source) WHERE s.id IN ids
         WITH x, ids, count(s) AS known
         RETURN count(x) AS total,
                sum(CASE WHEN size(ids) = 0 THEN 1 ELSE 0 END) AS uncited,
                sum(CASE WHEN known < size(ids) THEN 1 ELSE 0 END) AS unknown`,
      );
      const row = found[0] as Row;
      expect(num(row['total'])).toBeGreaterThan(0);
      expect(num(row['uncited'])).toBe(0);
      expect(num(row['unknown'])).toBe(0);
    });
  }

  it('citations JSON agrees with sourceIds on every event', async () => {
    const found = await rows('MATCH (e:Event) RETURN e.id AS id, e.citations AS c, e.sourceIds AS s');
    for (const row of found) {
      const cited = [...new Set((JSON.parse(str(row['c'])) as { source: string }[]).map((c) => c.source))].sort();
      expect(cited, str(row['id'])).toEqual([...strings(row['s'])].sort());
    }
  });
});

describe('coverage', () => {
  it('at least 70 people, 150 events and 100 ties', async () => {
    const found = await rows(
      `CALL () { MATCH (p:Person) RETURN count(p) AS people }
       CALL () { MATCH (e:Event) RETURN count(e) AS events }
       CALL () { MATCH ()-[t:TIE]->() RETURN count(t) AS ties }
       RETURN people, events, ties`,
    );
    const row = found[0] as Row;
    expect(num(row['people'])).toBeGreaterThanOrEqual(70);
    expect(num(row['events'])).toBeGreaterThanOrEqual(150);
    expect(num(row['ties'])).toBeGreaterThanOrEqual(100);
  });
});
