/**
 * Graph Data Science is out of the console's reach: no gds.* procedure or function that writes,
 * mutates or changes the graph catalog runs from it, however it is spelled. Each refusal is
 * checked against the real Neo4j (which has GDS loaded), and the graph catalog is checked
 * unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsoleText, checkPlan } from '../../../server/src/db/console.js';
import { AtlasError } from '../../../server/src/errors.js';
import { codes, startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const CYPHER = 'query($q: String!) { cypher(query: $q) { columns rows } }';
const run = (q: string) => api.gql(CYPHER, { q });

const PROJECT = "MATCH (a:Person)-[:TIE]->(b:Person) WITH gds.graph.project('console-graph', a, b) AS g RETURN g.graphName";

/** Every gds.* way to write, mutate or change the catalog that the text scan must refuse. */
const BY_NAME: readonly [string, string][] = [
  ['gds.graph.project (procedure)', "CALL gds.graph.project('console-graph', 'Person', 'TIE')"],
  ['gds.graph.project (aggregation function in a plain read)', PROJECT],
  [
    'gds.graph.project.cypher',
    "CALL gds.graph.project.cypher('console-graph', 'MATCH (n) RETURN id(n) AS id', 'MATCH (a)-->(b) RETURN id(a) AS source, id(b) AS target')",
  ],
  ['gds.graph.drop', "CALL gds.graph.drop('console-graph', false)"],
  ['gds.graph.drop without parentheses', 'CALL gds.graph.drop'],
  ['a .mutate mode', "CALL gds.pageRank.mutate('console-graph', {mutateProperty: 'pr'})"],
  ['a .write mode', "CALL gds.pageRank.write('console-graph', {writeProperty: 'pr'})"],
  ['gds.graph.writeNodeProperties', "CALL gds.graph.writeNodeProperties('console-graph', ['pr'])"],
  ['gds.graph.nodeProperties.write', "CALL gds.graph.nodeProperties.write('console-graph', ['pr'])"],
  ['gds.graph.writeRelationship', "CALL gds.graph.writeRelationship('console-graph', 'TIE')"],
  ['gds.graph.filter (a new catalog graph)', "CALL gds.graph.filter('other', 'console-graph', '*', '*')"],
  ['gds.graph.generate', "CALL gds.graph.generate('other', 10, 2)"],
  ['gds.graph.nodeLabel.mutate', "CALL gds.graph.nodeLabel.mutate('console-graph', 'X', {nodeFilter: '*'})"],
  ['gds.graph.relationships.drop', "CALL gds.graph.relationships.drop('console-graph', 'TIE')"],
  ['gds.graph.nodeProperties.drop', "CALL gds.graph.nodeProperties.drop('console-graph', ['pr'])"],
  ['gds.model.drop', "CALL gds.model.drop('m')"],
  ['a catalog read too (gds.graph.list)', 'CALL gds.graph.list() YIELD graphName RETURN graphName'],
  ['gds inside a subquery', "MATCH (p:Person) CALL { CALL gds.graph.drop('console-graph') YIELD graphName RETURN graphName } RETURN p LIMIT 1"],
  ['odd spacing', "RETURN gds . graph . exists ('console-graph') AS e"],
  ['upper case', "CALL GDS.GRAPH.DROP('console-graph')"],
];

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AtlasError ? error.code : 'NOT_ATLAS';
  }
};

/** Straight to the database, past the console (gds.graph.list is not even loaded: not on the allow-list). */
async function inCatalog(name: string): Promise<boolean> {
  const result = await api.db.readCapped('RETURN gds.graph.exists($name) AS e', { name }, { timeoutMs: 10_000, maxRows: 1 });
  return result.rows[0]?.['e'] === true;
}

describe('the console refuses Graph Data Science', () => {
  it.each(BY_NAME)('refuses %s by name, before the database sees it', (_what, query) => {
    expect(codeOf(() => checkConsoleText(query))).toBe('QUERY_REJECTED');
  });

  it.each(BY_NAME)('refuses %s through the API', async (_what, query) => {
    const response = await run(query);
    expect(codes(response)).toEqual(['QUERY_REJECTED']);
    expect(response.errors?.[0]?.message).toMatch(/Graph Data Science|allow-list/);
  });

  // Backticks hide the name from the text scan; the plan names the function whatever the spelling.
  it.each([
    ['a quoted namespace', "MATCH (a:Person)-[:TIE]->(b:Person) WITH `gds`.graph.project('console-graph', a, b) AS g RETURN g.graphName"],
    ['every part quoted', "MATCH (a:Person)-[:TIE]->(b:Person) WITH `gds`.`graph`.`project`('console-graph', a, b) AS g RETURN g.graphName"],
    ['a quoted read function', "RETURN `gds`.graph.exists('console-graph') AS e"],
  ])('refuses %s from the plan', async (_what, query) => {
    expect(codeOf(() => checkConsoleText(query))).toBeUndefined();
    const plan = await api.db.explain(query);
    // The planner calls it a read query: only the plan check stands between it and the catalog.
    expect(plan.queryType).toBe('r');
    expect(codeOf(() => checkPlan(plan))).toBe('QUERY_REJECTED');
    expect(codes(await run(query))).toEqual(['QUERY_REJECTED']);
  });

  it('leaves the graph catalog without the graph the queries tried to make', async () => {
    for (const [, query] of BY_NAME) await run(query);
    await run("MATCH (a:Person)-[:TIE]->(b:Person) WITH `gds`.graph.project('console-graph', a, b) AS g RETURN g.graphName");
    expect(await inCatalog('console-graph')).toBe(false);
    // The check itself can fail: the same projection made outside the console is seen.
    await api.db.readCapped(PROJECT, {}, { timeoutMs: 20_000, maxRows: 1 });
    expect(await inCatalog('console-graph')).toBe(true);
    await api.db.readCapped("CALL gds.graph.drop('console-graph', false) YIELD graphName RETURN graphName", {}, { timeoutMs: 20_000, maxRows: 1 });
    expect(await inCatalog('console-graph')).toBe(false);
  });

  it('still answers ordinary reads', async () => {
    const response = await run("MATCH (p:Person {id: 'kim-il-sung'}) RETURN p.name AS name");
    expect(response.errors).toBeUndefined();
  });
});
