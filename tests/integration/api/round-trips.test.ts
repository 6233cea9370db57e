/** Hot paths cost one Cypher round trip per root field, however deep the selection (no N+1). */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const HOT: [string, string][] = [
  ['search', '{ search(text: "Bak Heon-yeong") { id name aliases born { iso } } }'],
  [
    'person',
    `{ person(id: "kim-il-sung") {
      id name memberships { faction { id name } from { iso } } offices { title }
      participations { role event { id title date { iso } } } ties { id kind source { id name } target { id name } }
      status(at: "1956") { state certain event { id } } statusChanges { state } } }`,
  ],
  [
    'network',
    `{ network(at: "1956-09") {
      persons { person { id name } status { state certain event { id title } } faction { id name } memberships { faction { id } } }
      ties { id kind source { id } target { id } } events { id title participants { person { id } role } } factions { id } } }`,
  ],
  [
    'timeline',
    `{ timeline { persons { person { id } statusChanges { state date { earliest } event { id } } memberships { faction { id } } }
      ties { id source { id } target { id } } events { id participants { person { id } } } } }`,
  ],
];

const CHAIN =
  'query ($maxSteps: Int) { purgeChain(personId: "choe-chang-ik", maxSteps: $maxSteps) { rank steps { kind tie { id source { id } } from { person { id name } event { id title } } to { person { id } event { id } } } persons { id } } }';

describe('round trips', () => {
  it.each(HOT)('%s makes one query', async (_name, query) => {
    const spy = vi.spyOn(api.db, 'read');
    try {
      const response = await api.gql(query);
      expect(response.errors).toBeUndefined();
      expect(spy.mock.calls.map((call) => call[0])).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  // However many steps, the neighbourhood comes in one query (breadth first inside Cypher).
  it.each([1, 4, 8])('purgeChain with maxSteps %i makes one query', async (maxSteps) => {
    const read = vi.spyOn(api.db, 'read');
    const transaction = vi.spyOn(api.db, 'readTransaction');
    try {
      const response = await api.gql(CHAIN, { maxSteps });
      expect(response.errors).toBeUndefined();
      expect(read.mock.calls.map((call) => call[0])).toEqual(['queries/chain-graph']);
      expect(transaction).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
      transaction.mockRestore();
    }
  });

  it('nested lookups outside the projection are batched, not one per item', async () => {
    const spy = vi.spyOn(api.db, 'read');
    try {
      const response = await api.gql('{ events(from: "1956", to: "1956") { id participants { person { id ties { id } memberships { faction { id } } } } } }');
      expect(response.errors).toBeUndefined();
      // events, then one batch of persons; factions come with the persons' memberships
      expect(spy.mock.calls.map((call) => call[0])).toEqual(['queries/events', 'queries/persons-full']);
    } finally {
      spy.mockRestore();
    }
  });

  it('the factions table carries no memberships; those of every faction asked for are read in one batch', async () => {
    const spy = vi.spyOn(api.db, 'read');
    try {
      expect((await api.gql('{ factions { id name } }')).errors).toBeUndefined();
      expect(spy.mock.calls.map((call) => call[0])).toEqual(['queries/factions']);
      spy.mockClear();
      const response = await api.gql<{ factions: { id: string; members: { id: string }[]; memberships: { id: string }[] }[] }>(
        '{ factions { id members(at: "1956") { id } memberships { id } } }',
      );
      expect(response.errors).toBeUndefined();
      expect(spy.mock.calls.map((call) => call[0])).toEqual(['queries/factions', 'queries/faction-memberships']);
      expect(response.data!.factions.some((faction) => faction.members.length > 0 && faction.memberships.length >= faction.members.length)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
