/** purgeChain, purgersPurged and connection against the curated seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSteps, findChains } from '../../../server/src/domain/chains.js';
import { fetchChainGraph, type ChainGraph } from '../../../server/src/graphql/resolvers/chain-fetch.js';
import { codes, fields, startApi, type Api } from './api.js';
import { chainRuleBreaches, expectedNeighbourhood, type RuleStep } from './support/chain-oracle.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface End {
  person: { id: string };
  role: string;
  event: { id: string; date: { earliest: string; latest: string } };
}
interface Step {
  kind: string;
  date: { earliest: string };
  certainty: string;
  citations: { source: { id: string }; locator: string }[];
  from: End;
  to: End;
}
const ruleEnd = (end: End): RuleStep['from'] => ({
  person: end.person.id,
  event: end.event.id,
  role: end.role,
  earliest: end.event.date.earliest,
  latest: end.event.date.latest,
});
interface Path {
  rank: number;
  score: number;
  persons: { id: string }[];
  steps: Step[];
}

const CHAIN = `query($id: ID!, $direction: ChainDirection, $maxSteps: Int, $window: Int) {
  purgeChain(personId: $id, direction: $direction, maxSteps: $maxSteps, windowMonths: $window, limit: 30) {
    rank score persons { id } from { iso } to { iso }
    steps { kind linkType gapDays certainty weight date { earliest } tie { id kind }
      citations { source { id } locator note }
      from { person { id } event { id date { earliest latest } } role }
      to { person { id } event { id date { earliest latest } } role } }
  }
}`;

describe('purgeChain', () => {
  it('gives each path the certainty of its weakest step, and whether it holds with CERTAIN facts alone', async () => {
    const query = `query($id: ID!) { purgeChain(personId: $id, limit: 50) { weakestCertainty holdsWithCertainOnly steps { certainty } } }`;
    const rank = { CERTAIN: 3, PROBABLE: 2, POSSIBLE: 1 } as const;
    type Level = keyof typeof rank;
    const seen = new Set<boolean>();
    for (const id of ['choe-chang-ik', 'pak-hon-yong', 'ho-ka-i']) {
      const response = await api.gql<{ purgeChain: { weakestCertainty: Level; holdsWithCertainOnly: boolean; steps: { certainty: Level }[] }[] }>(query, {
        id,
      });
      expect(response.errors).toBeUndefined();
      for (const path of response.data!.purgeChain) {
        const weakest = Math.min(...path.steps.map((step) => rank[step.certainty]));
        expect(rank[path.weakestCertainty]).toBe(weakest);
        expect(path.holdsWithCertainOnly).toBe(weakest === rank.CERTAIN);
        seen.add(path.holdsWithCertainOnly);
      }
    }
    // The curated chains include both kinds, so the flag is not constant.
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('returns ranked, time-ordered paths whose every step has dates and citations', async () => {
    const response = await api.gql<{ purgeChain: Path[] }>(CHAIN, { id: 'choe-chang-ik' });
    expect(response.errors).toBeUndefined();
    const paths = response.data!.purgeChain;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.map((p) => p.rank)).toEqual(paths.map((_, i) => i + 1));
    expect(paths.some((p) => p.persons.length > 1)).toBe(true);
    for (const path of paths) {
      expect(path.persons.some((p) => p.id === 'choe-chang-ik')).toBe(true);
      for (const step of path.steps) {
        expect(step.citations.length).toBeGreaterThan(0);
        expect(step.date.earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (let i = 1; i < path.steps.length; i += 1) {
        expect(path.steps[i]!.from.person.id).toBe(path.steps[i - 1]!.to.person.id);
        expect(path.steps[i]!.from.event.date.earliest >= path.steps[i - 1]!.to.event.date.earliest).toBe(true);
      }
    }
  });

  it('every path of every purged leader keeps the chain rule (an independent statement of it)', async () => {
    // The five leaders the issue measured, and the other purged faction heads.
    const leaders = ['choe-chang-ik', 'pak-hon-yong', 'ho-ka-i', 'pak-chang-ok', 'kim-tu-bong', 'mu-chong', 'ri-sung-yop'];
    let steps = 0;
    for (const id of leaders) {
      const response = await api.gql<{ purgeChain: Path[] }>(CHAIN, { id });
      expect(response.errors).toBeUndefined();
      for (const path of response.data!.purgeChain) {
        steps += path.steps.length;
        expect(chainRuleBreaches(path.steps.map((s) => ({ kind: s.kind, from: ruleEnd(s.from), to: ruleEnd(s.to) }))), `${id} #${path.rank}`).toEqual([]);
      }
    }
    expect(steps).toBeGreaterThan(20);
  });

  it('UPSTREAM paths end at the person; DOWNSTREAM paths start there', async () => {
    const up = await api.gql<{ purgeChain: Path[] }>(CHAIN, { id: 'choe-chang-ik', direction: 'UPSTREAM' });
    for (const path of up.data!.purgeChain) expect(path.steps[path.steps.length - 1]!.to.person.id).toBe('choe-chang-ik');
    const down = await api.gql<{ purgeChain: Path[] }>(CHAIN, { id: 'kim-il-sung', direction: 'DOWNSTREAM', maxSteps: 2 });
    expect(down.data!.purgeChain.length).toBeGreaterThan(0);
    for (const path of down.data!.purgeChain) {
      expect(path.steps[0]!.from.person.id).toBe('kim-il-sung');
      expect(path.steps.length).toBeLessThanOrEqual(2);
    }
  });

  it('maxSteps out of range and an unknown person are BAD_USER_INPUT naming the argument', async () => {
    const steps = await api.gql(CHAIN, { id: 'choe-chang-ik', maxSteps: 50 });
    expect([codes(steps), fields(steps)]).toEqual([['BAD_USER_INPUT'], ['maxSteps']]);
    const person = await api.gql(CHAIN, { id: 'no-such-person' });
    expect([codes(person), fields(person)]).toEqual([['BAD_USER_INPUT'], ['personId']]);
  });
});

describe('purgersPurged', () => {
  it('lists people who accused or instigated and later fell, acts before the fall', async () => {
    const response = await api.gql<{
      purgersPurged: {
        person: { id: string };
        acts: { event: { date: { earliest: string } } }[];
        fall: { role: string; event: { date: { earliest: string } } };
      }[];
    }>('{ purgersPurged { person { id name } acts { role event { id date { earliest } } } fall { role event { id kind date { earliest } } } } }');
    expect(response.errors).toBeUndefined();
    const list = response.data!.purgersPurged;
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) {
      expect(entry.fall.role).toBe('TARGET');
      for (const act of entry.acts) expect(act.event.date.earliest <= entry.fall.event.date.earliest).toBe(true);
    }
    expect(list.map((e) => e.person.id)).toContain('choe-chang-ik');
  });
});

describe('connection', () => {
  it('finds a shortest path through ties active at the date', async () => {
    const response = await api.gql<{ connection: { hops: number; persons: { id: string }[]; ties: { id: string; activeAt: string }[] } | null }>(
      '{ connection(fromId: "choe-chang-ik", toId: "kim-il-sung", at: "1956") { hops persons { id } ties { id activeAt(at: "1956") } } }',
    );
    expect(response.errors).toBeUndefined();
    const connection = response.data!.connection;
    expect(connection).not.toBeNull();
    expect(connection!.persons[0]!.id).toBe('choe-chang-ik');
    expect(connection!.persons[connection!.persons.length - 1]!.id).toBe('kim-il-sung');
    expect(connection!.ties).toHaveLength(connection!.hops);
    for (const tie of connection!.ties) expect(tie.activeAt).not.toBe('NO');
  });

  it('unknown ids name the argument', async () => {
    const response = await api.gql('{ connection(fromId: "kim-il-sung", toId: "no-such-person", at: "1956") { hops } }');
    expect([codes(response), fields(response)]).toEqual([['BAD_USER_INPUT'], ['toId']]);
  });
});

describe('purgeChain neighbourhood', () => {
  // chain-graph.cypher against an independent statement of its rule (support/chain-oracle.ts),
  // evaluated over a 12-layer fetch that holds each person's whole purge component.
  it('holds exactly the events and ties of maxSteps - 1 expanded layers, for every purge target', async () => {
    const response = await api.gql<{ events: { participants: { role: string; person: { id: string } }[] }[] }>(
      '{ events { participants { role person { id } } } }',
    );
    const targets = [...new Set(response.data!.events.flatMap((event) => event.participants.filter((p) => p.role === 'TARGET').map((p) => p.person.id)))];
    expect(targets.length).toBeGreaterThan(20);
    // Every third target keeps the run short; the sample still spans all four factions' purges.
    for (const personId of targets.sort().filter((_id, index) => index % 3 === 0)) {
      const whole = await fetchChainGraph(api.db, personId, 12, null);
      for (const maxSteps of [2, 3]) {
        const bounded = await fetchChainGraph(api.db, personId, maxSteps, null);
        const expected = expectedNeighbourhood(whole, personId, maxSteps);
        expect(new Set(bounded.events.keys()), `${personId}, maxSteps ${maxSteps}: events`).toEqual(expected.events);
        expect(new Set(bounded.ties.keys()), `${personId}, maxSteps ${maxSteps}: ties`).toEqual(expected.ties);
      }
    }
  }, 120_000);

  it('finds the same chains as a search over the whole component', async () => {
    for (const personId of ['choe-chang-ik', 'pak-hon-yong', 'ho-ka-i']) {
      const whole = await fetchChainGraph(api.db, personId, 12, null);
      const bounded = await fetchChainGraph(api.db, personId, 3, null);
      const chains = (graph: ChainGraph) =>
        findChains(buildSteps(graph.inputs, graph.tieInputs, 24), { personId, direction: 'BOTH', maxSteps: 3, limit: 50 }).map((path) =>
          path.steps.map((step) => `${step.kind}:${step.from.eventId}>${step.to.eventId}`).join(' | '),
        );
      expect(chains(bounded).length).toBeGreaterThan(0);
      expect(chains(bounded)).toEqual(chains(whole));
    }
  });

  it('an unknown person has no neighbourhood', async () => {
    expect((await fetchChainGraph(api.db, 'no-such-person', 4, null)).personExists).toBe(false);
  });
});
