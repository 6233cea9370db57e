/**
 * Centrality at the curated size is computed in the server (server/src/domain/centrality.ts),
 * not by Graph Data Science: these tests hold it to GDS's answers on the curated data, at dates
 * across the period, with and without a certainty or source-family filter. The GDS side runs
 * the same projection and algorithm queries the resolver uses for large networks.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOSTILE_TIE_KINDS } from '../../../core/vocabulary.js';
import { RANKING_MAX, rankScores } from '../../../server/src/graphql/resolvers/analysis.js';
import { startApi, type Api } from './api.js';

let api: Api;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

interface Scored {
  readonly personId: string;
  readonly score: number;
  readonly rank: number;
}

const MEASURES = ['DEGREE', 'BETWEENNESS', 'PAGERANK'] as const;
const ALGORITHM = { DEGREE: 'analytics/degree', BETWEENNESS: 'analytics/betweenness', PAGERANK: 'analytics/pagerank' } as const;

/** The rankings GDS gives for the network at [atFrom, atTo], by measure (what the resolver does above the in-process bound). */
async function gdsRankings(atFrom: string, atTo: string, minRank: number, families: string[] | null): Promise<Record<(typeof MEASURES)[number], Scored[]>> {
  const graphName = `in-process-test-${Math.random().toString(36).slice(2)}`;
  const [projected] = await api.db.read('analytics/project-ties', {
    graphName,
    atFrom,
    atTo,
    minRank,
    families,
    hostileKinds: [...HOSTILE_TIE_KINDS].sort(),
    readConcurrency: 4,
  });
  if (typeof projected?.['nodeCount'] !== 'number') return { DEGREE: [], BETWEENNESS: [], PAGERANK: [] };
  const ranking = async (measure: (typeof MEASURES)[number]): Promise<Scored[]> => {
    const rows = await api.db.read(ALGORITHM[measure], { graphName, keep: RANKING_MAX, config: { relationshipTypes: ['TIE'] } });
    return rankScores(rows.map((row) => ({ personId: String(row['personId']), name: String(row['name']), score: Number(row['score']) }))).map(
      ({ personId, score, rank }) => ({ personId, score, rank }),
    );
  };
  try {
    return { DEGREE: await ranking('DEGREE'), BETWEENNESS: await ranking('BETWEENNESS'), PAGERANK: await ranking('PAGERANK') };
  } finally {
    await api.db.read('analytics/drop-graph', { graphName });
  }
}

async function apiRanking(at: string, certainty: string, families: string[] | null, measure: string): Promise<Scored[]> {
  const response = await api.gql<{ centrality: { person: { id: string }; score: number; rank: number }[] }>(
    `query ($at: String!, $measure: CentralityMeasure!, $min: Certainty, $families: [SourceFamily!]) {
      centrality(at: $at, measure: $measure, minCertainty: $min, sourceFamilies: $families, limit: 10000) { person { id } score rank } }`,
    { at, measure, min: certainty, families },
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.centrality.map((x) => ({ personId: x.person.id, score: x.score, rank: x.rank }));
}

const CASES = [
  { at: '1945-09', atFrom: '1945-09-01', atTo: '1945-09-30' },
  { at: '1950', atFrom: '1950-01-01', atTo: '1950-12-31' },
  { at: '1953-07-27', atFrom: '1953-07-27', atTo: '1953-07-27' },
  { at: '1956-08', atFrom: '1956-08-01', atTo: '1956-08-31' },
  { at: '1957', atFrom: '1957-01-01', atTo: '1957-12-31' },
  { at: '1962', atFrom: '1962-01-01', atTo: '1962-12-31' },
] as const;

const FILTERS = [
  { certainty: 'POSSIBLE', minRank: 1, families: null },
  { certainty: 'CERTAIN', minRank: 3, families: null },
  { certainty: 'POSSIBLE', minRank: 1, families: ['CHINESE_ARCHIVES_AS_READ'] },
] as const;

describe('centrality computed in the server', () => {
  it('gives GDS’s scores and ranks on the curated data', async () => {
    let compared = 0;
    for (const c of CASES) {
      for (const f of FILTERS) {
        const families = f.families === null ? null : [...f.families];
        const gds = await gdsRankings(c.atFrom, c.atTo, f.minRank, families);
        for (const measure of MEASURES) {
          const expected = gds[measure];
          const actual = await apiRanking(c.at, f.certainty, families, measure);
          expect(actual, `${measure} at ${c.at}, ${f.certainty}, ${JSON.stringify(families)}`).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    // Not a comparison of empty lists: the curated networks hold people at these dates.
    expect(compared).toBeGreaterThan(500);
  }, 300_000);

  it('makes no GDS projection at the curated size: one read of the pairs joined at the date', async () => {
    const read = vi.spyOn(api.db, 'read');
    try {
      // A date no other test asks for, so the answer is not kept from before.
      expect((await apiRanking('1956-09-14', 'PROBABLE', null, 'BETWEENNESS')).length).toBeGreaterThan(0);
      const queries = read.mock.calls.map((call) => call[0]);
      expect(queries).toContain('analytics/network-pairs');
      expect(queries.filter((name) => name.startsWith('analytics/') && name !== 'analytics/network-pairs' && name !== 'analytics/gds-version')).toEqual([]);
    } finally {
      read.mockRestore();
    }
  });
});

describe('communities kept by the network at the date', () => {
  it('gives on the curated data what GDS gives when it projects each date itself', async () => {
    // Each date reads its network, and a network met before (1956-08-30 within August 1956, say) is answered from the kept run.
    const perDate = await startApi({ env: { ATLAS_ANALYSIS_IN_PROCESS_PAIRS: '0' } });
    const query = '{ communities(at: "AT") { at agreement method communities { id members { id } factions { faction { id } count } } } }';
    const read = vi.spyOn(api.db, 'read');
    try {
      let members = 0;
      const dates = ['1945-09', '1950', '1950-06-25', '1953-07-27', '1956-08', '1956-08-30', '1956-09-14', '1957', '1957-03-01', '1962'];
      for (const at of dates) {
        const kept = await api.gql<{ communities: { communities: { members: unknown[] }[] } }>(query.replace('AT', at));
        expect(kept.errors).toBeUndefined();
        expect(kept.data, at).toEqual((await perDate.gql(query.replace('AT', at))).data);
        members += kept.data!.communities.communities.reduce((sum, c) => sum + c.members.length, 0);
      }
      expect(members).toBeGreaterThan(50);
      // Some dates shared a network: fewer GDS runs than dates.
      const runs = read.mock.calls.filter(([name]) => name === 'analytics/leiden').length;
      expect(runs).toBeGreaterThan(0);
      expect(runs).toBeLessThan(dates.length);
    } finally {
      read.mockRestore();
      await perDate.close();
    }
  }, 300_000);
});
