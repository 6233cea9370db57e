/** Centrality computed in the server (server/src/domain/centrality.ts) on graphs small enough to work out by hand. */
import { describe, expect, it } from 'vitest';
import { betweennessScores, degreeScores, PAGERANK, pageRankScores, type SmallNetwork } from '../../../server/src/domain/centrality.js';

const star: SmallNetwork = {
  nodes: ['hub', 'a', 'b', 'c', 'd'],
  pairs: [
    ['hub', 'a'],
    ['hub', 'b'],
    ['hub', 'c'],
    ['hub', 'd'],
  ],
};
const path: SmallNetwork = {
  nodes: ['a', 'b', 'c', 'd'],
  pairs: [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
  ],
};

describe('degree', () => {
  it('counts the people each is tied to', () => {
    expect(Object.fromEntries(degreeScores(star))).toEqual({ hub: 4, a: 1, b: 1, c: 1, d: 1 });
  });
});

describe('betweenness', () => {
  it('counts each unordered pair of others once: the six pairs of a star’s four leaves', () => {
    expect(Object.fromEntries(betweennessScores(star))).toEqual({ hub: 6, a: 0, b: 0, c: 0, d: 0 });
  });

  it('on a path, the inner two carry two pairs each', () => {
    expect(Object.fromEntries(betweennessScores(path))).toEqual({ a: 0, b: 2, c: 2, d: 0 });
  });

  it('splits a pair between two shortest paths', () => {
    const square: SmallNetwork = {
      nodes: ['a', 'b', 'c', 'd'],
      pairs: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
      ],
    };
    expect(Object.fromEntries(betweennessScores(square))).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
  });
});

describe('PageRank in GDS’s form', () => {
  it('stops at maxIterations before converging: two people reach 1 - d^maxIterations, not 1', () => {
    const pair: SmallNetwork = { nodes: ['a', 'b'], pairs: [['a', 'b']] };
    const scores = pageRankScores(pair);
    // Each superstep adds (1 - d) * d^k: after maxIterations supersteps, 1 - d^maxIterations.
    expect(scores.get('a')).toBeCloseTo(1 - PAGERANK.dampingFactor ** PAGERANK.maxIterations, 12);
    expect(scores.get('b')).toBe(scores.get('a'));
  });

  it('ranks a star’s hub first, the leaves equal, and a lone person at 1 - d', () => {
    const scores = pageRankScores({ nodes: [...star.nodes, 'alone'], pairs: star.pairs });
    expect(scores.get('hub')!).toBeGreaterThan(2 * scores.get('a')!);
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => scores.get(id))).size).toBe(1);
    expect(scores.get('alone')).toBeCloseTo(1 - PAGERANK.dampingFactor, 12);
  });
});

it('refuses a pair that names someone outside the network', () => {
  expect(() => degreeScores({ nodes: ['a'], pairs: [['a', 'b']] })).toThrow(/outside the network/);
});
