/**
 * `person(id)` asks persons-full for only what its selection reads (person-projection.ts): the
 * answers must be those of the full projection, in one round trip, and a person loaded thin must
 * never answer a field that needs more.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERSON_GQL, personParams } from '../../../bench/lib/hot-queries.js';
import { startApi, type Api, type GraphQLResponse } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

/** The response and the queries (name and parameters) it cost. */
async function traced<T>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ response: GraphQLResponse<T>; reads: { name: string; params: Record<string, unknown> }[] }> {
  const spy = vi.spyOn(api.db, 'read');
  try {
    const response = await api.gql<T>(query, variables);
    expect(response.errors).toBeUndefined();
    return { response, reads: spy.mock.calls.map((call) => ({ name: call[0], params: call[1] ?? {} })) };
  } finally {
    spy.mockRestore();
  }
}

const KIM = 'kim-il-sung';
const NOTHING = { withMemberships: false, withOffices: false, withParticipations: false, withTies: false, withTieEnds: false };
const EVERYTHING = { withMemberships: true, withOffices: true, withParticipations: true, withTies: true, withTieEnds: true };

interface End {
  id: string;
  name: string;
  hangul?: string | null;
}
interface TieAnswer {
  id: string;
  source: End;
  target: End;
}
interface PersonAnswer {
  id: string;
  name: string;
  hangul: string | null;
  aliases: string[];
  ties: TieAnswer[];
  memberships: { faction: { id: string } }[];
  offices: { title: string }[];
  participations: { role: string; event: { id: string }; person: { id: string; ties: { id: string }[] } }[];
  statusChanges: { state: string; event: { id: string } | null }[];
}

/** The reference: everything, with full tie ends (the projection nested lookups use). */
const FULL = `query($id: ID!) { person(id: $id) {
  id name hangul aliases memberships { faction { id } } offices { title }
  participations { role event { id } } statusChanges { state event { id } }
  ties { id source { id name hangul } target { id name hangul } } } }`;

let reference: PersonAnswer;
beforeAll(async () => {
  const { response, reads } = await traced<{ person: PersonAnswer }>(FULL, { id: KIM });
  expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...EVERYTHING } }]);
  reference = response.data!.person;
  expect(reference.ties.length).toBeGreaterThan(10);
  expect(reference.participations.length).toBeGreaterThan(10);
  expect(reference.offices.length).toBeGreaterThan(0);
});

describe('person projection', () => {
  it('scalars only: no collection is fetched, the scalars are the same', async () => {
    const { response, reads } = await traced<{ person: PersonAnswer }>('query($id: ID!) { person(id: $id) { id name hangul aliases } }', { id: KIM });
    expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING } }]);
    expect(response.data!.person).toEqual({ id: KIM, name: reference.name, hangul: reference.hangul, aliases: reference.aliases });
  });

  it('ties with { id name } ends: ends are not fetched as persons, and answer the same ids and names', async () => {
    const { response, reads } = await traced<{ person: PersonAnswer }>(
      'query($id: ID!) { person(id: $id) { ties { id source { id name } target { __typename id name } } } }',
      { id: KIM },
    );
    expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING, withTies: true } }]);
    const strip = (end: End) => ({ id: end.id, name: end.name });
    expect(response.data!.person.ties).toEqual(
      reference.ties.map((t) => ({ id: t.id, source: strip(t.source), target: { __typename: 'Person', ...strip(t.target) } })),
    );
  });

  it('a fragment asking only id and name of an end is thin too, and still one query', async () => {
    const query = `query($id: ID!) { person(id: $id) { ...Ties } }
      fragment Ties on Person { ties { id ... on Tie { source { ...Named } } target { ...Named } } }
      fragment Named on Person { id name }`;
    const { response, reads } = await traced<{ person: PersonAnswer }>(query, { id: KIM });
    expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING, withTies: true } }]);
    expect(response.data!.person.ties.map((t) => [t.id, t.source.name, t.target.name])).toEqual(
      reference.ties.map((t) => [t.id, t.source.name, t.target.name]),
    );
  });

  it('an end asked for more than id and name is fetched in full, in the same query', async () => {
    const { response, reads } = await traced<{ person: PersonAnswer }>(
      'query($id: ID!) { person(id: $id) { ties { id source { id name } target { id hangul } } } }',
      { id: KIM },
    );
    expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING, withTies: true, withTieEnds: true } }]);
    expect(response.data!.person.ties.map((t) => t.target)).toEqual(reference.ties.map((t) => ({ id: t.target.id, hangul: t.target.hangul })));
  });

  it('statusChanges alone fetches the participations they are computed from, and agrees with the full projection', async () => {
    const { response, reads } = await traced<{ person: PersonAnswer }>('query($id: ID!) { person(id: $id) { statusChanges { state event { id } } } }', {
      id: KIM,
    });
    expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING, withParticipations: true } }]);
    expect(response.data!.person.statusChanges).toEqual(reference.statusChanges);
  });

  it('the person under its own participations is the same person: its ties come with the first query', async () => {
    const { response, reads } = await traced<{ person: PersonAnswer }>(
      'query($id: ID!) { person(id: $id) { participations { role event { id } person { id ties { id } } } } }',
      { id: KIM },
    );
    expect(reads).toEqual([{ name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING, withParticipations: true, withTies: true } }]);
    const person = response.data!.person;
    expect(person.participations.map((p) => [p.role, p.event.id])).toEqual(reference.participations.map((p) => [p.role, p.event.id]));
    for (const p of person.participations) expect(p.person).toEqual({ id: KIM, ties: reference.ties.map((t) => ({ id: t.id })) });
  });

  it('two person fields with different selections each get what they ask for (a thin load never answers the other)', async () => {
    const query = `query($id: ID!) { thin: person(id: $id) { id name } full: person(id: $id) { id memberships { faction { id } } offices { title } ties { id } } }`;
    const { response, reads } = await traced<{ thin: PersonAnswer; full: PersonAnswer }>(query, { id: KIM });
    // One per root field, each with its own projection (not a fallback to the full one).
    expect(reads).toHaveLength(2);
    expect(reads).toEqual(
      expect.arrayContaining([
        { name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING } },
        { name: 'queries/persons-full', params: { ids: [KIM], ...NOTHING, withMemberships: true, withOffices: true, withTies: true } },
      ]),
    );
    expect(response.data!.thin).toEqual({ id: KIM, name: reference.name });
    expect(response.data!.full.memberships).toEqual(reference.memberships);
    expect(response.data!.full.offices).toEqual(reference.offices);
    expect(response.data!.full.ties.map((t) => t.id)).toEqual(reference.ties.map((t) => t.id));
  });

  it('a thin person does not answer for the same person reached through another field', async () => {
    const query = `query($id: ID!) { person(id: $id) { id name }
      event(id: "1956-08-30-august-plenum") { participants { person { id ties { id } offices { title } } } } }`;
    const { response } = await traced<{ person: PersonAnswer; event: { participants: { person: PersonAnswer }[] } }>(query, { id: KIM });
    const kim = response.data!.event.participants.find((p) => p.person.id === KIM)?.person;
    expect(kim).toBeDefined();
    expect(kim!.ties.map((t) => t.id)).toEqual(reference.ties.map((t) => t.id));
    expect(kim!.offices).toEqual(reference.offices);
  });

  it('dates read as strings by persons-full are the dates other queries read as temporal values', async () => {
    const DATE = 'iso precision approximate earliest latest';
    const { response } = await traced<{
      person: { born: unknown; died: unknown; participations: { event: { id: string; date: unknown } }[]; ties: { id: string; from: unknown; to: unknown }[] };
    }>(
      `query($id: ID!) { person(id: $id) { born { ${DATE} } died { ${DATE} } participations { event { id date { ${DATE} } } } ties { id from { ${DATE} } to { ${DATE} } } } }`,
      { id: KIM },
    );
    const others = await traced<{
      events: { id: string; date: unknown }[];
      timeline: { persons: { person: { id: string }; born: unknown; died: unknown }[]; ties: { id: string; from: unknown; to: unknown }[] };
    }>(
      `query($id: ID!) { events(personId: $id) { id date { ${DATE} } }
        timeline { persons { person { id } born { ${DATE} } died { ${DATE} } } ties { id from { ${DATE} } to { ${DATE} } } } }`,
      { id: KIM },
    );
    const person = response.data!.person;
    const events = new Map(others.response.data!.events.map((e) => [e.id, e.date]));
    expect(person.participations.length).toBeGreaterThan(10);
    for (const p of person.participations) expect(p.event.date).toEqual(events.get(p.event.id));
    const kim = others.response.data!.timeline.persons.find((p) => p.person.id === KIM);
    expect(kim).toBeDefined();
    expect({ born: person.born, died: person.died }).toEqual({ born: kim!.born, died: kim!.died });
    expect(person.born).toMatchObject({ earliest: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const ties = new Map(others.response.data!.timeline.ties.map((t) => [t.id, t]));
    const shared = person.ties.filter((t) => ties.has(t.id));
    expect(shared.length).toBeGreaterThan(5);
    for (const t of shared) expect({ from: t.from, to: t.to }).toEqual({ from: ties.get(t.id)!.from, to: ties.get(t.id)!.to });
  });

  it("the web client's person query is one query, with the parameters the benchmark's direct side sends", async () => {
    const { response, reads } = await traced<{ person: PersonAnswer }>(PERSON_GQL, { id: KIM });
    // The person itself: one persons-full read, with the bench's parameters.
    expect(reads.filter((r) => r.name.startsWith('queries/persons'))).toEqual([{ name: 'queries/persons-full', params: personParams(KIM) }]);
    // The rest of the document, each read at most once: exposure (and the data revision its cache
    // is keyed on) and the sources and factions tables that factionsByFamily reads.
    const others = reads.map((r) => r.name).filter((name) => !name.startsWith('queries/persons'));
    expect(new Set(others).size).toBe(others.length);
    expect(others.every((name) => ['analytics/exposure', 'meta/get-data-revision', 'queries/sources', 'queries/factions'].includes(name))).toBe(true);
    expect(personParams(KIM)).toMatchObject({ withTies: true, withTieEnds: false, withParticipations: true });
    const person = response.data!.person;
    expect(person.ties.map((t) => [t.id, t.source.id, t.source.name, t.target.id, t.target.name])).toEqual(
      reference.ties.map((t) => [t.id, t.source.id, t.source.name, t.target.id, t.target.name]),
    );
    expect(person.statusChanges.map((c) => c.state)).toEqual(reference.statusChanges.map((c) => c.state));
  });
});
