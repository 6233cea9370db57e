/**
 * The console's expression budget (server/src/db/console-budget.ts): queries that could build
 * more inside expressions than Neo4j's memory tracker sees are refused before they run, whatever
 * the spelling; ordinary research queries pass. The figures in the comments are the estimates.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_PATH_HOPS,
  checkExpressionBudget,
  checkPathExpansions,
  consoleExpressionBudget,
  pathBounds,
  pathsPerStart,
} from '../../../server/src/db/console-budget.js';
import { checkConsoleText } from '../../../server/src/db/console-checks.js';
import { AtlasError } from '../../../server/src/errors.js';

const BUDGET = consoleExpressionBudget(1024, 2);
const big = (n: number, c = 'a'): string => `'${c.repeat(n)}'`;

/** The refusal's message, or null when the query passes every text check. */
function refusal(query: string, params: Record<string, unknown> = {}, budget = BUDGET): string | null {
  try {
    checkConsoleText(query, params, budget);
    return null;
  } catch (error) {
    if (!(error instanceof AtlasError)) throw error;
    expect(error.code).toBe('QUERY_REJECTED');
    return error.message;
  }
}

describe('console expression budget', () => {
  it('is a quarter of the heap split over the console slots', () => {
    expect(BUDGET).toBe(128 * 1024 * 1024);
    expect(consoleExpressionBudget(1024, 4)).toBe(64 * 1024 * 1024);
    expect(consoleExpressionBudget(4096, 2)).toBe(512 * 1024 * 1024);
  });

  it.each([
    // Issue 14, case 1: 100,000 elements of a 16,000-character literal, 1.6 GB the tracker never saw.
    ["the issue's query", `RETURN size([x IN range(1,100000) | ${big(16000)} + toString(x)])`],
    ['the literal carried in by a variable', `WITH ${big(16000)} AS s RETURN size([x IN range(1,100000) | s + toString(x)])`],
    ['a list accumulated in reduce', `RETURN size(reduce(l = [], x IN range(1,100000) | l + [${big(16000)} + toString(x)]))`],
    ['a string repeated by reduce', `RETURN size(reduce(s = '', x IN range(1,70000) | s + ${big(16000)}))`],
    ['nested ranges of 1,000 x 1,000 with a 1 KB literal', `RETURN size([x IN range(1,1000) | [y IN range(1,1000) | ${big(1000)} + toString(y)]])`],
    ['a function copying a literal per element', `RETURN size([x IN range(1,100000) | toUpper(${big(16000)} + '')])`],
    [
      'two growing replace() calls (10,000 x 300 x 300 characters)',
      `RETURN size(replace(replace(${big(10000)}, 'a', ${big(300, 'b')}), 'b', ${big(300, 'c')}))`,
    ],
    ['split() into characters, then a literal per character', `WITH ${big(16000)} AS s RETURN size([c IN split(s, '') | [y IN range(1,10) | s + c]])`],
    ['a literal per element of a collected list', `MATCH (a), (b) WITH collect(a.name) AS l RETURN size([x IN l | ${big(16000)} + x])`],
    ['two nested lists from the data', 'MATCH (n) WITH collect(n) AS ns RETURN [a IN ns | [b IN ns | a.name + b.name]] AS pairs'],
    ['a pattern comprehension building a literal per match', `MATCH (n) RETURN [x IN range(1, 10000) | [(n)--(m) | ${big(8000)} + m.name]]`],
    ['a list literal of a big value per element', `WITH ${big(2000)} AS s RETURN [x IN range(1, 100000) | [s, s, s, s]]`],
  ])('refuses %s', (_label, query) => {
    expect(refusal(query)).toMatch(/could build up to [\d.]+ [MG]B inside expressions .*the console allows 128 MB/);
  });

  it("counts what a parameter carries, and a list parameter's length", () => {
    const query = 'RETURN size([x IN range(1, 100000) | $s + toString(x)])';
    expect(refusal(query, { s: 'a'.repeat(16000) })).toMatch(/100,000 elements/);
    expect(refusal(query, { s: 'a' })).toBeNull();
    expect(refusal('RETURN [x IN $xs | x * 2]', { xs: Array.from({ length: 50 }, (_v, i) => i) })).toBeNull();
    expect(refusal(`RETURN [x IN $xs | ${big(3000)} + x]`, { xs: Array.from({ length: 100_000 }, () => 'x') })).toMatch(/100,000 elements/);
  });

  it('takes a list from the data to be as long as the rows the planner expects, or the ranges it was collected from', () => {
    // 240,000 ids of a cartesian product: the planner expected 1,197,160 rows (UNWIND [1, 2] counted as 10).
    const query = `UNWIND [1, 2] AS k MATCH (a), (b) WITH collect(a.id) AS l RETURN size([x IN l | x + ${big(5500)}]) AS n`;
    expect(() => checkExpressionBudget(query, {}, BUDGET)).not.toThrow();
    expect(() => checkExpressionBudget(query, {}, BUDGET, 1_197_160)).toThrow(/1,197,160 elements/);
    expect(refusal(`UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b WITH collect(a) AS l RETURN size([x IN l | toString(x) + ${big(100)}])`)).toMatch(
      /1,000,000 elements/,
    );
  });

  it('names the construct and the sizes it refused', () => {
    expect(refusal(`RETURN size([x IN range(1,100000) | ${big(16000)} + toString(x)])`)).toMatch(/100,000 elements of up to 32 KB each in \[ x IN range/);
  });

  it('scales with the budget it is given', () => {
    const query = `RETURN size([x IN range(1,100000) | toString(x) + ${big(200)}])`;
    expect(() => checkExpressionBudget(query, {}, BUDGET)).not.toThrow();
    expect(() => checkExpressionBudget(query, {}, BUDGET / 4)).toThrow(/the console allows 32 MB/);
  });

  it.each([
    'MATCH p = (a:Person {id: "kim-il-sung"})-[*1..2]-(b) RETURN [n IN nodes(p) | n.name + " (" + n.id + ")"] AS walk LIMIT 5',
    'MATCH (n:Person) WITH collect(n.name) AS names RETURN [x IN names WHERE x STARTS WITH "Kim" | toUpper(x)] AS kims',
    'MATCH (p:Person) RETURN reduce(total = 0, x IN [1, 2, 3] | total + x) AS s, [t IN [(p)-[:TIE]-(q) | q] | t.name] AS names',
    'RETURN size([x IN range(1, 100000) | [y IN range(1, 10) | x]]) AS n',
    `RETURN size([x IN range(1, 100000) | toString(x) + ${big(500)}]) AS n`,
    'UNWIND range(1, 10000) AS x WITH collect(x) AS l RETURN size([a IN l | size([b IN l WHERE b = a])]) AS r',
    'MATCH (n:Person) RETURN n {.id, .name, .born, .died} AS person, any(x IN labels(n) WHERE x = "Person") AS p LIMIT 10',
    `UNWIND range(1, 1000) AS i RETURN i, ${big(16000)} AS s`,
    // Many property reads that no + joins: one value holds one of them.
    'MATCH p = (a:Person)-[*1..2]-(b:Person) WHERE a.born > 1900 AND a.died < 1960 AND b.born > 1900 AND b.died < 1970 RETURN a.name, a.id, b.name, b.id, a.faction, b.faction, [n IN nodes(p) | n.name] AS walk LIMIT 5',
  ])('accepts %s', (query) => expect(refusal(query)).toBeNull());
});

describe('console paths of several hops', () => {
  /** The refusal's message, or the paths bound when the expansions pass. */
  const paths = (details: string, inputRows = 1, degree = 100, operator = 'VarLengthExpand(All)'): string | number => {
    try {
      return checkPathExpansions([{ operator, details, inputRows }], degree);
    } catch (error) {
      if (!(error instanceof AtlasError)) throw error;
      expect(error.code).toBe('QUERY_REJECTED');
      return error.message;
    }
  };

  it('reads the bounds as the plan states them', () => {
    expect(pathBounds('(a)-[anon_0*1..4]-(b)')).toEqual({ lo: 1, hi: 4 });
    expect(pathBounds('(a)-[anon_0*..3]-(b)')).toEqual({ lo: 1, hi: 3 });
    expect(pathBounds('(a)-[r:TIE*2]->(b)')).toEqual({ lo: 2, hi: 2 });
    expect(pathBounds('(a)-[anon_0*2..]-(b)')).toEqual({ lo: 2, hi: null });
    expect(pathBounds('(a)-[anon_0*]-(b)')).toEqual({ lo: 1, hi: null });
    expect(pathBounds('(a) ((x)-[r]-(y)){1, 3} (b)')).toEqual({ lo: 1, hi: 3 });
    expect(pathBounds('(a) ((x)-[r]-(y)){1, } (b)')).toEqual({ lo: 1, hi: null });
  });

  it(`refuses a path without an upper bound or longer than ${MAX_PATH_HOPS} hops, naming it`, () => {
    // Issue 14: 221,725 paths of one to four hops from Kim Il-sung, where the planner expected 867.
    expect(paths('(a)-[anon_0*1..4]-(b)')).toMatch(/a path of up to 4 hops \(VarLengthExpand\(All\) \(a\)-\[anon_0\*1\.\.4\]-\(b\)\).*at most 3 hops/);
    expect(paths('(a)-[anon_0*]-(b)')).toMatch(/a path of any length .*upper bound of at most 3 hops, such as -\[\*\.\.3\]-/);
    expect(paths('(a)-[anon_0*2..]-(b)')).toMatch(/any length/);
    expect(paths('(a) ((x)-[r]-(y)){1, } (b)', 1, 100, 'Repeat(Trail)')).toMatch(/any length/);
    expect(paths('anything else', 1, 100, 'ShortestPath')).toMatch(/any length/);
  });

  it('bounds the paths by the start rows times the fan-out of every allowed length, not by the planner', () => {
    expect(pathsPerStart(1, 3, 10)).toBe(10 + 100 + 1000);
    expect(pathsPerStart(0, 2, 10)).toBe(1 + 10 + 100);
    expect(paths('(a)-[anon_0*1..3]-(b)', 1, 10)).toBe(1110);
    expect(paths('(a)-[anon_0*..2]-(b)', 344, 10)).toBe(344 * 110);
    expect(checkPathExpansions([], 100)).toBe(0);
  });

  it('refuses a list collected from paths that could be long, which the planner expected to be short', () => {
    const query = `MATCH (a:Person {id: "kim-il-sung"})-[*1..3]-(b) WITH collect(b.id) AS l RETURN size([x IN l | x + ${big(5500)}]) AS n`;
    // The planner's 867 rows pass; the bound from a fan-out of 100 (1,010,100 paths) does not.
    expect(() => checkExpressionBudget(query, {}, BUDGET, 867)).not.toThrow();
    const bound = paths('(a)-[anon_0*1..3]-(b)', 1, 100);
    expect(bound).toBe(1_010_100);
    expect(() => checkExpressionBudget(query, {}, BUDGET, bound as number)).toThrow(/1,010,100 elements/);
  });

  it("counts one path's nodes, not the paths, for nodes(p) and relationships(p)", () => {
    const walk =
      'MATCH p = (a:Person {id: "kim-il-sung"})-[*1..3]-(b) RETURN [n IN nodes(p) | n.name + " (" + n.id + ")"] AS walk, [r IN relationships(p) | type(r)] AS steps LIMIT 5';
    expect(() => checkExpressionBudget(walk, {}, BUDGET, 1_010_100)).not.toThrow();
  });
});
