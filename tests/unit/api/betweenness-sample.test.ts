import { describe, expect, it } from 'vitest';
import { BETWEENNESS_BUDGET, BETWEENNESS_MIN_SAMPLE, betweennessSample, EXACT_BETWEENNESS_MAX } from '../../../server/src/graphql/resolvers/analysis.js';

describe('betweennessSample: how many start points a betweenness estimate is made from', () => {
  it('is exact (null) up to EXACT_BETWEENNESS_MAX people, whatever the ties', () => {
    expect(betweennessSample(EXACT_BETWEENNESS_MAX, 10_000_000)).toBeNull();
  });

  it('is exact beyond that while the budget covers a search from everyone', () => {
    // 2,500 people and 10,000 relationships: 36M / 12,500 = 2,880 start points >= 2,500 people.
    expect(betweennessSample(2_500, 10_000)).toBeNull();
  });

  it('divides the budget by the network size (the 100k network at 1962: 93,087 people, 1,019,114 relationships)', () => {
    expect(betweennessSample(93_087, 1_019_114)).toBe(Math.floor(BETWEENNESS_BUDGET / (93_087 + 1_019_114)));
    expect(betweennessSample(93_087, 1_019_114)).toBe(32);
  });

  it('gives a smaller network more start points than a larger one', () => {
    const small = betweennessSample(9_000, 100_000)!;
    expect(small).toBeGreaterThan(betweennessSample(93_087, 1_019_114)!);
    expect(small).toBeLessThan(9_000);
  });

  it('never goes below the minimum sample', () => {
    expect(betweennessSample(5_000_000, 50_000_000)).toBe(BETWEENNESS_MIN_SAMPLE);
  });
});
