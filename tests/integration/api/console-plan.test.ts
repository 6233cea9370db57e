/**
 * The console's plan check against real Neo4j plans, without the text scan in front: commands
 * that Neo4j plans as "reads" (SHOW, TERMINATE) and writes hidden in subqueries are refused
 * from the plan alone, and the reads researchers write still pass.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkPathExpansions } from '../../../server/src/db/console-budget.js';
import { checkPlan } from '../../../server/src/db/console.js';
import { AtlasError } from '../../../server/src/errors.js';
import { openTestDatabase } from '../../setup/database.js';

const db = openTestDatabase();
afterAll(async () => {
  await db.close();
});

async function planCode(query: string, params: Record<string, unknown> = {}): Promise<string | undefined> {
  try {
    checkPlan(await db.explain(query, params));
    return undefined;
  } catch (error) {
    return error instanceof AtlasError ? error.code : 'NOT_ATLAS';
  }
}

describe('plan check on real plans', () => {
  it.each([
    'CYPHER SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters',
    'CYPHER TERMINATE TRANSACTIONS "neo4j-transaction-1"',
    'CYPHER SHOW SETTINGS',
    'CYPHER SHOW PROCEDURES',
    '/* c */ SHOW FUNCTIONS',
    'SHOW INDEXES',
    'CYPHER 5 CREATE (n)',
    'MATCH (p:Person) CALL (p) { CREATE (x:Intruder) RETURN x } RETURN p, x',
    'MATCH (p:Person) CALL { WITH p SET p.name = "x" } RETURN p',
    'MATCH (p:Person) FOREACH (x IN [1] | SET p.name = "x")',
    'MERGE (n:Intruder {id: 1}) RETURN n',
    'LOAD CSV FROM "file:///etc/passwd" AS line RETURN line',
    'CALL db.ping()',
    'MATCH (n) CALL { CALL db.ping() YIELD success RETURN success } RETURN n LIMIT 1',
  ])('refuses %s', async (query) => {
    expect(await planCode(query)).toBe('QUERY_REJECTED');
  });

  it.each([
    'MATCH (n) RETURN n LIMIT 5',
    'MATCH (p:Person {id: "kim-il-sung"})-[t:TIE]-(b:Person) RETURN p, t, b',
    'MATCH p = shortestPath((a:Person {id: "kim-il-sung"})-[*..6]-(b:Person {id: "pak-hon-yong"})) RETURN p',
    'MATCH p = ANY SHORTEST (a:Person {id: "kim-il-sung"})-[]-+(b:Person {id: "pak-hon-yong"}) RETURN p',
    'MATCH (a:Person)-[:TIE*1..3]-(b:Person) RETURN DISTINCT b.name ORDER BY b.name SKIP 1 LIMIT 5',
    'MATCH (a:Person) OPTIONAL MATCH (a)-[:MEMBER_OF]->(f) RETURN a.name, collect(f.name) AS factions',
    'MATCH (n:Person) WHERE EXISTS { MATCH (n)-[:TIE]-(m) WHERE m.born > 1900 } OR n.born > 1900 RETURN n',
    'MATCH (n:Person) RETURN NOT EXISTS { (n)-[:TIE]-() } AS lonely, COUNT { (n)--() } AS degree, [(n)-[:TIE]-(m) | m.name] AS ties',
    'MATCH (a:Person)-[:TIE]-(b)-[:TIE]-(c) WHERE NOT (a)-[:TIE]-(c) RETURN c LIMIT 5',
    'MATCH (a:Person), (b:Person) WHERE a.born = b.born AND a <> b RETURN a, b LIMIT 5',
    'MATCH (a:Person) CALL (a) { MATCH (a)-[:TIE]-(b) RETURN count(b) AS c } RETURN a.name, c',
    'MATCH (a:Person) RETURN a.name AS x UNION MATCH (e:Event) RETURN e.title AS x',
    'MATCH (a) WHERE a:Person OR a:Faction RETURN labels(a), count(*)',
    'UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p',
    'CALL db.labels() YIELD label RETURN label',
    'CALL db.index.fulltext.queryNodes("person_names", "kim") YIELD node, score RETURN node, score',
    'MATCH ()-[r]->() RETURN type(r), count(*)',
  ])('accepts %s', async (query) => {
    expect(await planCode(query, { ids: ['kim-il-sung'] })).toBeUndefined();
  });
});

/** The path rule of console-budget.ts on real plans: QUERY_REJECTED, or the paths it reckons (at a fan-out of 10). */
async function pathsOf(query: string): Promise<string | number> {
  try {
    return checkPathExpansions((await db.explain(query)).pathExpansions ?? [], 10);
  } catch (error) {
    return error instanceof AtlasError ? error.code : 'NOT_ATLAS';
  }
}

describe('paths of several hops in real plans', () => {
  it.each([
    ['MATCH (a:Person {id: "kim-il-sung"})-[*1..4]-(b) RETURN b', 'QUERY_REJECTED'],
    ['MATCH (a)-[*]-(b) RETURN b', 'QUERY_REJECTED'],
    ['MATCH (a)-[:TIE*2..]->(b) RETURN b', 'QUERY_REJECTED'],
    ['MATCH (a:Person {id: "kim-il-sung"})-->+(b) RETURN b', 'QUERY_REJECTED'],
    ['MATCH (a:Person {id: "kim-il-sung"})-[r]-{1,4}(b) RETURN b', 'QUERY_REJECTED'],
    ['MATCH p = SHORTEST 1 (a:Person {id: "kim-il-sung"})--+(b:Person) RETURN p', 'QUERY_REJECTED'],
    ['MATCH p = shortestPath((a:Person {id: "kim-il-sung"})-[*..6]-(b:Person {id: "pak-hon-yong"})) RETURN p', 'QUERY_REJECTED'],
    // One start (a unique index seek) times 10 + 100 + 1,000.
    ['MATCH (a:Person {id: "kim-il-sung"})-[*1..3]-(b) RETURN b', 1_110],
    ['MATCH (a:Person {id: "kim-il-sung"}) ((x)-[r]-(y)){1,3} (b) RETURN b', 1_110],
    ['MATCH p = ANY SHORTEST (a:Person {id: "kim-il-sung"})-[*..2]-(b:Person) RETURN p', 110],
    ['MATCH (a:Person {id: "kim-il-sung"}) RETURN [(a)-[*1..2]-(b) | b.id] AS ids', 110],
    ['MATCH (n:Person) RETURN n.name', 0],
  ])('%s: %s', async (query, expected) => {
    expect(await pathsOf(query)).toBe(expected);
  });
});
