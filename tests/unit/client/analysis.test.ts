/** The analysis view's pure state: sizes, community fills, agreement text, survival steps, certain-only chains. */
import { describe, expect, it } from 'vitest';
import {
  agreementText,
  answerKey,
  communityColour,
  communityFills,
  communityLine,
  COMMUNITY_OTHER,
  COMMUNITY_PALETTE,
  failureText,
  NO_ANALYSIS,
  NO_COMMUNITY,
  nodeSizes,
  rankingCut,
  setColourBy,
  setSizeBy,
  SIZE_MAX,
  SIZE_MIN,
  survivalOn,
  survivalSteps,
  survivalThinOn,
  FEW_AT_RISK,
  type CommunityAnswer,
  type ScoreAnswer,
  type SurvivalCurve,
} from '../../../client/src/state/analysis.js';
import {
  chainLoaded,
  chainLoading,
  currentPath,
  highlight,
  offeredPaths,
  selectPath,
  setChainCertainOnly,
  type ChainPath,
} from '../../../client/src/state/chain.js';
import { dayOf } from '../../../client/src/state/dates.js';
import { m } from './fixtures/timeline.js';

const scores = (list: [string, number][], limit = 10_000): ScoreAnswer => ({
  at: '1956-08-01',
  measure: 'BETWEENNESS',
  minCertainty: 'POSSIBLE',
  scores: list.map(([personId, score], i) => ({ personId, score, rank: i + 1 })),
  limit,
});

describe('size people by a centrality', () => {
  it('scales area with the score and keeps the unmeasured apart from a zero', () => {
    const sizes = nodeSizes(
      scores([
        ['kim', 9],
        ['pak', 1],
        ['leaf', 0],
      ]),
      ['kim', 'pak', 'leaf', 'loner'],
    );
    expect(sizes.sizes.get('kim')).toBe(SIZE_MAX);
    expect(sizes.sizes.get('leaf')).toBe(SIZE_MIN);
    // sqrt(1/9) of the way: area, not diameter, follows the score.
    expect(sizes.sizes.get('pak')).toBeCloseTo(SIZE_MIN + (SIZE_MAX - SIZE_MIN) / 3, 1);
    expect([...sizes.unmeasured]).toEqual(['loner']);
    expect(sizes.sizes.has('loner')).toBe(false);
  });

  it('draws everyone measured at the minimum when every score is 0, and says when a ranking was cut', () => {
    const sizes = nodeSizes(
      scores([
        ['a', 0],
        ['b', 0],
      ]),
      ['a', 'b'],
    );
    expect([...sizes.sizes.values()]).toEqual([SIZE_MIN, SIZE_MIN]);
    expect(sizes.unmeasured.size).toBe(0);
    expect(
      rankingCut(
        scores(
          [
            ['a', 1],
            ['b', 1],
          ],
          2,
        ),
      ),
    ).toBe(true);
    expect(rankingCut(scores([['a', 1]], 2))).toBe(false);
  });

  it('keys answers by what, date and certainty', () => {
    expect(answerKey('DEGREE', dayOf('1956-08-01'), 'CERTAIN')).toBe('DEGREE|1956-08-01|CERTAIN|');
    expect(answerKey('DEGREE', dayOf('1956-08-01'), 'CERTAIN', ['JOURNALISM', 'DPRK_OFFICIAL'])).toBe('DEGREE|1956-08-01|CERTAIN|DPRK_OFFICIAL,JOURNALISM');
    expect(answerKey('DEGREE', dayOf('1956-08-01'), 'CERTAIN')).not.toBe(answerKey('DEGREE', dayOf('1956-09-01'), 'CERTAIN'));
  });

  it('changes the choice only when it differs', () => {
    expect(setSizeBy(NO_ANALYSIS, 'none')).toBe(NO_ANALYSIS);
    expect(setSizeBy(NO_ANALYSIS, 'PAGERANK').sizeBy).toBe('PAGERANK');
    expect(setColourBy(NO_ANALYSIS, 'community').colourBy).toBe('community');
  });
});

const communities: CommunityAnswer = {
  at: '1956-08-01',
  minCertainty: 'POSSIBLE',
  agreement: 0.2712,
  method:
    'Leiden (Neo4j Graph Data Science; undirected, unweighted, bond ties only, seed 42); agreement: normalised mutual information (arithmetic mean normaliser) between communities and the factions',
  communities: [
    { id: '1', memberIds: ['a', 'b', 'c'], factions: [{ factionId: 'yanan', name: "Yan'an", count: 2 }] },
    {
      id: '2',
      memberIds: ['d', 'e'],
      factions: [
        { factionId: 'soviet', name: 'Soviet', count: 1 },
        { factionId: 'yanan', name: "Yan'an", count: 1 },
      ],
    },
  ],
};

describe('colour by community', () => {
  it('fills members with their community colour and the shown who are in none with the no-community grey', () => {
    const fills = communityFills(communities, ['a', 'd', 'z']);
    expect(fills.get('a')).toBe(COMMUNITY_PALETTE[0]);
    expect(fills.get('e')).toBe(COMMUNITY_PALETTE[1]);
    expect(fills.get('z')).toBe(NO_COMMUNITY);
    expect(communityColour(COMMUNITY_PALETTE.length)).toBe(COMMUNITY_OTHER);
  });

  it('states the agreement with its measure and algorithm, and each community by faction', () => {
    expect(agreementText(communities)).toBe('NMI 0.27 with declared factions (Leiden)');
    expect(agreementText({ ...communities, method: 'label propagation (GDS); agreement: normalised mutual information' })).toBe(
      'NMI 0.27 with declared factions (label propagation)',
    );
    expect(communityLine(communities.communities[0]!)).toBe("3 people: 2 Yan'an, 1 in no faction then");
    expect(communityLine(communities.communities[1]!)).toBe("2 people: 1 Soviet, 1 Yan'an");
  });

  it("says a missing plugin is the database's, not the user's", () => {
    expect(failureText('ANALYTICS_UNAVAILABLE', 'x')).toMatch(/Graph Data Science plugin.*still works/);
    expect(failureText('BAD_USER_INPUT', 'bad date')).toContain('bad date');
  });
});

describe('survival steps', () => {
  const curve: SurvivalCurve = {
    factionId: 'yanan',
    factionName: "Yan'an",
    points: [
      { day: dayOf('1950-01-01'), date: '1950-01-01', atRisk: 4, fallen: 0, censored: 1, survival: 1 },
      { day: dayOf('1956-08-30'), date: '1956-08-30', atRisk: 3, fallen: 1, censored: 0, survival: 2 / 3 },
    ],
  };

  it('start at 1 on the first point and flag censorings', () => {
    expect(survivalSteps(curve)).toEqual([
      { x: dayOf('1950-01-01'), y: 1, censored: 0, thin: false },
      { x: dayOf('1950-01-01'), y: 1, censored: 1, thin: false },
      { x: dayOf('1956-08-30'), y: 2 / 3, censored: 0, thin: false },
    ]);
    expect(survivalSteps({ ...curve, points: [] })).toEqual([]);
  });

  it('mark everything from a fall among fewer than three at risk as resting on it', () => {
    // The curated Soviet curve's shape: one member at risk falls in 1951, and the estimate stays 0
    // although later entrants are at risk; that is an artefact of who is dated, not a finding.
    const soviet: SurvivalCurve = {
      factionId: 'soviet',
      factionName: 'Soviet',
      points: [
        { day: dayOf('1951-01-01'), date: '1951-01-01', atRisk: 1, fallen: 1, censored: 0, survival: 0 },
        { day: dayOf('1956-01-01'), date: '1956-01-01', atRisk: 5, fallen: 2, censored: 0, survival: 0 },
      ],
    };
    expect(survivalSteps(soviet).map((p) => p.thin)).toEqual([false, true, true]);
    expect(survivalThinOn(soviet, dayOf('1950-12-31'))).toBe(false);
    expect(survivalThinOn(soviet, dayOf('1960-01-01'))).toBe(true);
    // Three at risk is enough: the Yan'an fall above is not marked.
    expect(survivalThinOn(curve, dayOf('1960-01-01'))).toBe(false);
    expect(FEW_AT_RISK).toBe(3);
  });

  it('read the estimate on a day, and nothing before the first point', () => {
    expect(survivalOn(curve, dayOf('1949-12-31'))).toBeNull();
    expect(survivalOn(curve, dayOf('1956-08-29'))).toBe(1);
    expect(survivalOn(curve, dayOf('1956-08-30'))).toBeCloseTo(2 / 3);
  });
});

const chainPath = (rank: number, certain: boolean): ChainPath => ({
  rank,
  score: 1,
  from: m('1953-03'),
  to: m('1956-08-30'),
  personIds: ['a', 'b'],
  weakestCertainty: certain ? 'CERTAIN' : 'PROBABLE',
  holdsWithCertainOnly: certain,
  steps: [
    {
      kind: 'ASSOCIATION',
      from: { personId: 'a', personName: 'A', eventId: 'e1', eventTitle: 'E1', role: 'TARGET' },
      to: { personId: 'b', personName: 'B', eventId: 'e2', eventTitle: 'E2', role: 'TARGET' },
      linkType: null,
      tieId: null,
      date: m('1956-08-30'),
      certainty: certain ? 'CERTAIN' : 'PROBABLE',
      citations: [],
    },
  ],
});

describe('chains that hold with certain facts alone', () => {
  const paths = [chainPath(1, false), chainPath(2, true), chainPath(3, false)];

  it('hides the others and moves off a hidden path', () => {
    let s = chainLoaded(chainLoading('a', 0, 1), paths);
    expect(currentPath(s)?.rank).toBe(1);
    s = setChainCertainOnly(s, true);
    expect(offeredPaths(s)).toEqual([1]);
    expect(currentPath(s)?.rank).toBe(2);
    expect(s.step).toBe(0);
    expect(selectPath(s, 2)).toBe(s);
    expect(setChainCertainOnly(s, true)).toBe(s);
    // Back to all: the certain path stays chosen.
    expect(currentPath(setChainCertainOnly(s, false))?.rank).toBe(2);
  });

  it('restores a permalink on the certain path, and shows nothing when none holds', () => {
    expect(currentPath(chainLoaded(chainLoading('a', 1, 1, true), paths))?.rank).toBe(2);
    const none = chainLoaded(chainLoading('a', 0, 0, true), [chainPath(1, false)]);
    expect(currentPath(none)).toBeNull();
    expect(offeredPaths(none)).toEqual([]);
    expect(highlight(none).persons).toEqual(new Set(['a']));
    expect(highlight(none).day).toBeNull();
  });
});
