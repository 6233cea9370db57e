/**
 * The analysis fields on a real Neo4j with Graph Data Science, against a hand-built seed whose
 * answers are worked out by hand (support/analysis-fixture.ts): a star for centrality, two
 * cliques for communities, Kaplan–Meier tables, and an exposure share. The curated seed is
 * loaded back afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnalysisService } from '../../../server/src/graphql/analysis.js';
import { codes, fields, startApi, useApiOnFixtureSeed, type Api } from './api.js';
import { writeAnalysisFixture } from './support/analysis-fixture.js';

const fixture = useApiOnFixtureSeed(writeAnalysisFixture);
/** The same app with centrality always computed by GDS (the server computes small networks itself). */
let gdsApi: Api;
beforeAll(async () => {
  gdsApi = await startApi({ env: { ATLAS_ANALYSIS_IN_PROCESS_PAIRS: '0' } });
});
afterAll(async () => {
  await gdsApi.close();
});

interface Score {
  person: { id: string };
  score: number;
  rank: number;
}

let centralityApi: () => Api = () => fixture.api;

async function centrality(at: string, measure: string, extra = ''): Promise<Score[]> {
  const response = await centralityApi().gql<{ centrality: Score[] }>(`{ centrality(at: "${at}", measure: ${measure}${extra}) { person { id } score rank } }`);
  expect(response.errors).toBeUndefined();
  return response.data!.centrality;
}

const byId = (scores: readonly Score[]): Record<string, number> => Object.fromEntries(scores.map((s) => [s.person.id, s.score]));

describe.each([
  ['computed in the server', () => fixture.api],
  ['computed by GDS', () => gdsApi],
])('centrality on a star (1950), %s', (_how, which) => {
  beforeAll(() => {
    centralityApi = which;
  });
  it('puts the hub first by betweenness: the six pairs of its leaves', async () => {
    const scores = await centrality('1950', 'BETWEENNESS', ', limit: 100');
    expect(scores[0]).toEqual({ person: { id: 'fx-s0' }, score: 6, rank: 1 });
    // Everyone else lies on no shortest path between two others: one shared rank.
    expect(scores.slice(1).map((s) => [s.score, s.rank])).toEqual(Array(6).fill([0, 2]));
    expect(scores.map((s) => s.person.id).sort()).toEqual(['fx-b1', 'fx-b2', 'fx-s0', 'fx-s1', 'fx-s2', 'fx-s3', 'fx-s4']);
  });

  it("counts the hub's ties by degree, and leaves out a possible tie at PROBABLE", async () => {
    expect(byId(await centrality('1950', 'DEGREE', ', limit: 100'))).toEqual({
      'fx-s0': 4,
      'fx-s1': 1,
      'fx-s2': 1,
      'fx-s3': 1,
      'fx-s4': 1,
      'fx-b1': 1,
      'fx-b2': 1,
    });
    const probable = await centrality('1950', 'DEGREE', ', minCertainty: PROBABLE, limit: 100');
    expect(byId(probable)['fx-s0']).toBe(3);
    expect(byId(probable)['fx-s4']).toBeUndefined();
    const betweenness = await centrality('1950', 'BETWEENNESS', ', minCertainty: PROBABLE');
    expect(betweenness[0]).toEqual({ person: { id: 'fx-s0' }, score: 3, rank: 1 });
  });

  it('ranks the hub first by PageRank, the leaves equal, and honours limit', async () => {
    const scores = await centrality('1950-06-15', 'PAGERANK', ', limit: 3');
    expect(scores).toHaveLength(3);
    expect(scores[0]!.person.id).toBe('fx-s0');
    const all = byId(await centrality('1950-06-15', 'PAGERANK', ', limit: 100'));
    expect(all['fx-s1']).toBeCloseTo(all['fx-s2']!, 6);
    expect(all['fx-s0']!).toBeGreaterThan(2 * all['fx-s1']!);
  });

  it('finds the two bridges of the cliques in 1956, sharing rank 1', async () => {
    const scores = await centrality('1956-06', 'BETWEENNESS', ', limit: 2');
    expect(scores).toEqual([
      { person: { id: 'fx-a1' }, score: 12, rank: 1 },
      { person: { id: 'fx-b1' }, score: 12, rank: 1 },
    ]);
  });

  it('answers an empty list at a date with no active tie', async () => {
    expect(await centrality('1930', 'BETWEENNESS')).toEqual([]);
  });

  it('refuses a bad date or limit, naming the argument', async () => {
    const bad = await fixture.api.gql('{ centrality(at: "1956-13") { score } }');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fields(bad)).toEqual(['at']);
    const limit = await fixture.api.gql('{ centrality(at: "1956", limit: 0) { score } }');
    expect(fields(limit)).toEqual(['limit']);
  });
});

interface CommunityAnswer {
  at: string;
  agreement: number;
  method: string;
  communities: { id: string; members: { id: string }[]; factions: { faction: { id: string }; count: number }[] }[];
}

describe('communities of two cliques (1956)', () => {
  it('finds the two cliques, each one faction, in full agreement (the rivalry joins nobody)', async () => {
    const response = await fixture.api.gql<{ communities: CommunityAnswer }>(
      '{ communities(at: "1956-06") { at agreement method communities { id members { id } factions { faction { id } count } } } }',
    );
    expect(response.errors).toBeUndefined();
    const result = response.data!.communities;
    expect(result.at).toBe('1956-06');
    expect(result.method).toMatch(/Leiden.*normalised mutual information/);
    expect(result.agreement).toBe(1);
    const groups = result.communities.map((c) => ({ members: c.members.map((m) => m.id), factions: c.factions.map((f) => [f.faction.id, f.count]) }));
    expect(groups).toEqual(
      expect.arrayContaining([
        { members: ['fx-a1', 'fx-a2', 'fx-a3', 'fx-a4'], factions: [['fx-red', 4]] },
        { members: ['fx-b1', 'fx-b2', 'fx-b5', 'fx-b6'], factions: [['fx-blue', 4]] },
      ]),
    );
    expect(groups).toHaveLength(2);
  });

  it('has no community where no bond is active', async () => {
    const response = await fixture.api.gql<{ communities: CommunityAnswer }>('{ communities(at: "1930") { agreement communities { id } } }');
    expect(response.data!.communities).toEqual({ agreement: 0, communities: [] });
  });
});

interface Curve {
  faction: { id: string };
  points: { date: string; atRisk: number; fallen: number; censored: number; survival: number }[];
}

async function survival(args: string): Promise<Curve[]> {
  const response = await fixture.api.gql<{ survival: Curve[] }>(`{ survival${args} { faction { id } points { date atRisk fallen censored survival } } }`);
  expect(response.errors).toBeUndefined();
  return response.data!.survival;
}

describe('survival: Kaplan–Meier tables computed by hand', () => {
  // fx-red: a1 falls 1957-03-01 the day a4 dies (censored, still at risk that day); a3 falls
  // 1958-01-15; a2's membership ends 1960-06-30.
  const RED = [
    { date: '1957-03-01', atRisk: 4, fallen: 1, censored: 1, survival: 0.75 },
    { date: '1958-01-15', atRisk: 2, fallen: 1, censored: 0, survival: 0.375 },
    { date: '1960-06-30', atRisk: 1, fallen: 0, censored: 1, survival: 0.375 },
  ];
  // fx-blue: b3 leaves 1953-12-31; b2 enters 1955, b4 only in 1960 (late entry); b1 falls
  // 1956-09-01, b2 1959-05-01; b4, b5, b6 are censored at the end of their memberships.
  const BLUE = [
    { date: '1953-12-31', atRisk: 4, fallen: 0, censored: 1, survival: 1 },
    { date: '1956-09-01', atRisk: 4, fallen: 1, censored: 0, survival: 0.75 },
    { date: '1959-05-01', atRisk: 3, fallen: 1, censored: 0, survival: 0.5 },
    { date: '1970-12-31', atRisk: 3, fallen: 0, censored: 3, survival: 0.5 },
  ];

  it('gives each faction its table, factions in name order', async () => {
    const curves = await survival('');
    expect(curves.map((c) => c.faction.id)).toEqual(['fx-blue', 'fx-red']);
    expect(curves[0]!.points).toEqual(BLUE);
    expect(curves[1]!.points).toEqual(RED);
  });

  it('starts at 1 for those at risk on `from`, and stops at `to`', async () => {
    const [blue] = await survival('(factionIds: ["fx-blue"], from: "1955", to: "1965")');
    expect(blue!.points).toEqual([
      { date: '1956-09-01', atRisk: 4, fallen: 1, censored: 0, survival: 0.75 },
      { date: '1959-05-01', atRisk: 3, fallen: 1, censored: 0, survival: 0.5 },
    ]);
  });

  it('refuses an unknown faction and a window that ends before it starts', async () => {
    const unknown = await fixture.api.gql('{ survival(factionIds: ["fx-none"]) { points { date } } }');
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(fields(unknown)).toEqual(['factionIds']);
    const backwards = await fixture.api.gql('{ survival(from: "1960", to: "1950") { points { date } } }');
    expect(fields(backwards)).toEqual(['to']);
  });
});

interface ExposureAnswer {
  person: { id: string };
  fall: { id: string } | null;
  fallState: string | null;
  share: number;
  ties: { id: string }[];
  activeTies: { id: string }[];
}

async function exposure(personId: string): Promise<ExposureAnswer | null> {
  const response = await fixture.api.gql<{ exposure: ExposureAnswer | null }>(
    `{ exposure(personId: "${personId}") { person { id } fall { id } fallState share ties { id } activeTies { id } } }`,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.exposure;
}

describe('exposure', () => {
  it('is the share of ties active at the fall whose other end fell first', async () => {
    expect(await exposure('fx-b2')).toEqual({
      person: { id: 'fx-b2' },
      fall: { id: '1959-05-01-fx-b2-arrest' },
      fallState: 'ARRESTED',
      share: 0.5,
      ties: [{ id: 'tie-fx-b1-fx-b2-comrades' }],
      activeTies: [{ id: 'tie-fx-b1-fx-b2-comrades' }, { id: 'tie-fx-b2-fx-b5-association' }],
    });
  });

  it('is 0 for the first to fall, and empty without a fall', async () => {
    const first = await exposure('fx-b1');
    expect(first?.share).toBe(0);
    expect(first?.activeTies).toHaveLength(5);
    expect(await exposure('fx-b5')).toEqual({ person: { id: 'fx-b5' }, fall: null, fallState: null, share: 0, ties: [], activeTies: [] });
  });

  it('is NOT_FOUND for an unknown person', async () => {
    expect(codes(await fixture.api.gql('{ exposure(personId: "fx-nobody") { share } }'))).toEqual(['NOT_FOUND']);
  });
});

describe('projections and answers kept per data revision', () => {
  it('keeps at most maxGraphs projections, drops what it evicts, and recomputes after a new revision', async () => {
    const service = new AnalysisService(fixture.api.db, { maxGraphs: 2, cacheMb: 1, inProcessMaxPairs: 5000 });
    const exists = async (name: string): Promise<boolean> =>
      (await fixture.api.db.readCapped('RETURN gds.graph.exists($name) AS e', { name }, { timeoutMs: 10_000, maxRows: 1 })).rows[0]?.['e'] === true;
    try {
      const revision = await service.revision();
      const names: string[] = [];
      for (const year of ['1950', '1956', '1959']) {
        const key = { revision, atFrom: `${year}-01-01`, atTo: `${year}-12-31`, minRank: 1, families: null, hostileKinds: ['DENUNCIATION', 'RIVALRY'] };
        names.push(await service.catalog.use(key, async (projection) => projection.name));
      }
      expect(service.catalog.size).toBe(2);
      // The least recently used one (1950) was dropped from GDS's catalog; the others are there.
      await expect.poll(() => exists(names[0]!)).toBe(false);
      expect(await exists(names[2]!)).toBe(true);

      let computed = 0;
      const compute = async (): Promise<number> => ++computed;
      await service.memo(JSON.stringify(['x', revision]), compute, () => 1);
      await service.memo(JSON.stringify(['x', revision]), compute, () => 1);
      expect(computed).toBe(1);
      await fixture.api.db.write('meta/bump-data-revision');
      const next = await service.revision();
      expect(next).not.toBe(revision);
      expect(service.stats().entries).toBe(0);
      // A projection from the new revision replaces the old ones.
      const key = { revision: next, atFrom: '1956-01-01', atTo: '1956-12-31', minRank: 1, families: null, hostileKinds: ['DENUNCIATION', 'RIVALRY'] };
      await service.catalog.use(key, async () => undefined);
      expect(service.catalog.size).toBe(1);
      await expect.poll(() => exists(names[2]!)).toBe(false);
    } finally {
      await service.stop();
    }
  });
});

describe('answers kept by the network at the date, not the date', () => {
  const QUERY = '{ communities(at: "AT") { agreement method communities { id members { id } factions { faction { id } count } } } }';
  async function communitiesOf(api: Api, at: string): Promise<Omit<CommunityAnswer, 'at'>> {
    const response = await api.gql<{ communities: Omit<CommunityAnswer, 'at'> }>(QUERY.replace('AT', at));
    expect(response.errors).toBeUndefined();
    return response.data!.communities;
  }
  /** The names of the queries an app ran while `work` ran. */
  async function queriesDuring(api: Api, work: () => Promise<unknown>): Promise<string[]> {
    const read = vi.spyOn(api.db, 'read');
    try {
      await work();
      return read.mock.calls.map(([name]) => name);
    } finally {
      read.mockRestore();
    }
  }

  it('runs GDS once for dates sharing a network, with the answer each date gets uncached, and again after a new revision', async () => {
    const api = await startApi();
    try {
      // 1956-03-10, October 1956 and 1956 have the same ties active: the cliques, the rivalry, b1–b2.
      expect(await queriesDuring(api, () => communitiesOf(api, '1956-03-10'))).toContain('analytics/leiden');
      let kept: Omit<CommunityAnswer, 'at'> | undefined;
      const second = await queriesDuring(api, async () => (kept = await communitiesOf(api, '1956-10')));
      expect(second).toContain('analytics/network-pairs');
      expect(second.filter((name) => name === 'analytics/project-ties' || name === 'analytics/leiden')).toEqual([]);
      // gdsApi reads no network (ATLAS_ANALYSIS_IN_PROCESS_PAIRS=0): it projects October 1956 itself.
      expect(kept).toEqual(await communitiesOf(gdsApi, '1956-10'));
      expect(kept!.communities).toHaveLength(2);
      // Another network (1950: the star, b1–b2) is not the same answer.
      expect(await queriesDuring(api, () => communitiesOf(api, '1950'))).toContain('analytics/leiden');
      await fixture.api.db.write('meta/bump-data-revision');
      expect(await queriesDuring(api, () => communitiesOf(api, '1956'))).toContain('analytics/leiden');
    } finally {
      await api.close();
    }
  });

  it('readies each distinct network’s communities, the survival subjects and each exposure before anyone asks', async () => {
    const api = await startApi();
    try {
      await api.precomputeAnalysis();
      const dates = ['1950-07-04', '1956-05', '1956-12-31', '1957', '1959-05-01', '1962-02'];
      const answers: Omit<CommunityAnswer, 'at'>[] = [];
      const asked = await queriesDuring(api, async () => {
        for (const at of dates) answers.push(await communitiesOf(api, at));
        expect(codes(await api.gql('{ survival(factionIds: ["fx-red"]) { points { date } } }'))).toEqual([]);
        expect(codes(await api.gql('{ exposure(personId: "fx-b2") { share } }'))).toEqual([]);
      });
      const costly = ['analytics/project-ties', 'analytics/leiden', 'analytics/survival-subjects', 'analytics/exposure', 'queries/factions'];
      expect(asked.filter((name) => costly.includes(name))).toEqual([]);
      for (const [index, at] of dates.entries()) expect(answers[index], at).toEqual(await communitiesOf(gdsApi, at));
      expect(answers.some((answer) => answer.communities.length > 0)).toBe(true);
    } finally {
      await api.close();
    }
  });
});
