/** The Cypher console: reads work and come back as a table and a graph; everything else is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsoleText } from '../../../server/src/db/console-checks.js';
import { codes, startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi({ env: { ATLAS_CONSOLE_TIMEOUT_MS: '1500', ATLAS_CONSOLE_MAX_ROWS: '50' } });
});
afterAll(async () => {
  await api.close();
});

const CYPHER =
  'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated elapsedMs nodes { id labels caption properties } relationships { id type source target } } }';
interface Result {
  cypher: {
    columns: string[];
    rows: unknown[][];
    truncated: boolean;
    nodes: { id: string; labels: string[]; caption: string }[];
    relationships: { source: string; target: string }[];
  };
}

const run = (q: string, p?: Record<string, unknown>) => api.gql<Result>(CYPHER, { q, p });

/** A cartesian product of every node three times (tens of millions of rows), filtered so no count store answers it. */
const RUNAWAY = 'MATCH (a), (b), (c) WHERE a.id + b.id + c.id = "x" RETURN count(*)';

describe('console reads', () => {
  it('returns a table plus drawable nodes and relationships', async () => {
    const response = await run('MATCH (a:Person {id: $id})-[t:TIE]-(b:Person) RETURN a, t, b.name AS other', { id: 'kim-il-sung' });
    expect(response.errors).toBeUndefined();
    const result = response.data!.cypher;
    expect(result.columns).toEqual(['a', 't', 'other']);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.nodes.some((n) => n.caption === 'Kim Il-sung' && n.labels.includes('Person'))).toBe(true);
    // t's far end is not returned as a node, so its relationships are not drawable.
    const ids = new Set(result.nodes.map((n) => n.id));
    for (const rel of result.relationships) expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
  });

  it('allows the allow-listed procedures', async () => {
    const response = await run('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(response.errors).toBeUndefined();
    expect(response.data!.cypher.rows.flat()).toContain('Person');
  });

  it('a map shaped like a node is data, not a node for the graph view', async () => {
    const response = await run(
      "RETURN {elementId: 'a', labels: ['X'], properties: null} AS fake, {elementId: 'r', type: 'T', startElementId: 'a', endElementId: 'a', properties: {}} AS rel",
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.cypher.nodes).toEqual([]);
    expect(response.data!.cypher.relationships).toEqual([]);
    expect(response.data!.cypher.rows[0]![0]).toEqual({ elementId: 'a', labels: ['X'], properties: null });
  });

  it('caps the rows', async () => {
    const response = await run('UNWIND range(1, 500) AS n RETURN n');
    expect(response.data!.cypher).toMatchObject({ truncated: true });
    expect(response.data!.cypher.rows).toHaveLength(50);
  });
});

describe('console refusals', () => {
  it.each([
    ['a write', 'CREATE (n:Person {id: "intruder"}) RETURN n'],
    ['a write hidden in a read-looking query', 'MATCH (p:Person {id: "kim-il-sung"}) SET p.name = "x" RETURN p'],
    ['a delete', 'MATCH (n) DETACH DELETE n'],
    ['LOAD CSV', 'LOAD CSV FROM "file:///etc/passwd" AS line RETURN line'],
    ['LOAD CSV from the network', 'LOAD CSV FROM "http://example.com/x.csv" AS line RETURN line'],
    ['a disallowed procedure', 'CALL dbms.listConfig() YIELD name RETURN name'],
    ['a disallowed procedure in a subquery', 'MATCH (n) CALL { CALL db.ping() YIELD success RETURN success } RETURN n LIMIT 1'],
    ['USE', 'USE system SHOW USERS'],
    ['administration', 'CREATE USER mallory SET PASSWORD "secret123"'],
    ['a schema change', 'CREATE INDEX evil FOR (n:Person) ON (n.summary)'],
    ["CYPHER SHOW TRANSACTIONS (other sessions' queries)", 'CYPHER SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters'],
    ['CYPHER SHOW SETTINGS', 'CYPHER SHOW SETTINGS'],
    ['CYPHER SHOW PROCEDURES', 'CYPHER SHOW PROCEDURES'],
    ['CYPHER 5 CREATE', 'CYPHER 5 CREATE (n:Intruder)'],
    ['CYPHER with runtime options', 'CYPHER runtime=slotted MATCH (n) RETURN n LIMIT 1'],
    ['a comment-prefixed SHOW', '/* harmless */ SHOW TRANSACTIONS YIELD transactionId, currentQuery'],
    ['a comment-prefixed CYPHER', '// note\n  cypher 5 SHOW SETTINGS'],
    ['an odd-whitespace-prefixed SHOW', '\u001C\u00A0SHOW TRANSACTIONS'],
    ['a CALL { } subquery that writes', 'MATCH (p:Person) CALL (p) { CREATE (x:Intruder) RETURN x } RETURN p, x'],
    ['a unit subquery that writes', 'MATCH (p:Person {id: "kim-il-sung"}) CALL { WITH p SET p.name = "x" } RETURN p'],
  ])('refuses %s with QUERY_REJECTED', async (_label, query) => {
    expect(codes(await run(query))).toEqual(['QUERY_REJECTED']);
  });

  it('refuses CYPHER TERMINATE TRANSACTIONS', async () => {
    expect(codes(await run('CYPHER TERMINATE TRANSACTIONS $id', { id: 'neo4j-transaction-1' }))).toEqual(['QUERY_REJECTED']);
  });

  it('wrote nothing', async () => {
    const response = await run('MATCH (n:Person {id: "intruder"}) RETURN count(n) AS n');
    expect(response.data!.cypher.rows).toEqual([[0]]);
    const intruders = await run('MATCH (n) WHERE n:Intruder OR n.name = "x" RETURN count(n) AS n');
    expect(intruders.data!.cypher.rows).toEqual([[0]]);
  });

  it('stops a runaway query at the time limit with QUERY_TIMEOUT', async () => {
    const started = Date.now();
    // A row-by-row runaway (Neo4j's own time limit stops it); huge range() bounds are refused outright.
    const response = await run(RUNAWAY);
    expect(codes(response)).toEqual(['QUERY_TIMEOUT']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.each([
    ['division by zero', 'RETURN 1/0 AS x'],
    ['a semantic error', 'MATCH (n:Person) RETURN m'],
    ['a type error', 'RETURN toInteger([1]) AS x'],
    ['a fulltext query on a missing index', "CALL db.index.fulltext.queryNodes('no_such_index', 'kim') YIELD node RETURN node"],
  ])("the user's own mistake (%s) is BAD_USER_INPUT, not an internal error", async (_label, query) => {
    const response = await run(query);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).not.toMatch(/\n|\tat /);
  });

  it('a syntax error is BAD_USER_INPUT; params must be an object', async () => {
    expect(codes(await run('MATCH (n RETURN n'))).toEqual(['BAD_USER_INPUT']);
    const response = await api.gql(CYPHER, { q: 'RETURN 1', p: [1, 2] });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('console capacity', () => {
  it('allows one cypher field per operation', async () => {
    const response = await api.gql<Result>('{ a: cypher(query: "RETURN 1 AS x") { columns } b: cypher(query: "RETURN 2 AS x") { columns } }');
    expect(new Set(codes(response))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(response.errors!.every((error) => error.extensions?.field === 'cypher')).toBe(true);
  });

  it('runs two console queries at a time and refuses more with a retryable QUERY_REJECTED', async () => {
    // Five runaway queries at once: two hold the slots until the time limit stops them.
    const responses = await Promise.all(Array.from({ length: 5 }, () => run(RUNAWAY)));
    const refused = responses.filter((response) => codes(response)[0] === 'QUERY_REJECTED');
    expect(refused).toHaveLength(3);
    expect(refused.every((response) => response.errors![0]!.extensions?.retryable === true)).toBe(true);
    expect(responses.filter((response) => codes(response)[0] === 'QUERY_TIMEOUT')).toHaveLength(2);
    // The slots are free again afterwards.
    expect((await run('RETURN 1 AS one')).errors).toBeUndefined();
  });
});

describe('console memory limit', () => {
  let roomy: Api;
  beforeAll(async () => {
    // A time limit well above what the memory cap needs, so the cap (not the clock) stops it.
    roomy = await startApi({ env: { ATLAS_CONSOLE_TIMEOUT_MS: '25000' } });
  });
  afterAll(async () => {
    await roomy.close();
  });

  it('a query over the transaction memory cap is QUERY_REJECTED at once, not retried as "unavailable"', async () => {
    const started = Date.now();
    // 2,000 strings of 512 KB collected (1 GB): the transaction cap trips within a second or so.
    // The text checks let it through (collect() is what the tracker sees), so the refusal is Neo4j's.
    const query = `UNWIND range(1, 2000) AS i WITH i, '${'x'.repeat(16_000)}' AS s${' WITH i, s + s AS s'.repeat(5)} RETURN size(collect(s)) AS n`;
    expect(() => checkConsoleText(query)).not.toThrow();
    const response = await roomy.gql<Result>(CYPHER, { q: query });
    expect(codes(response)).toEqual(['QUERY_REJECTED']);
    expect(response.errors![0]!.extensions?.retryable).toBeUndefined();
    // The driver's retry loop would have re-run it for 5 s more.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
