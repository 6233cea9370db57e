/** The Cypher console: reads work and come back as a table and a graph; everything else is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi({ env: { ATLAS_CONSOLE_TIMEOUT_MS: '1500', ATLAS_CONSOLE_MAX_ROWS: '50' } });
});
afterAll(async () => {
  await api.close();
});

const CYPHER = 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated elapsedMs nodes { id labels caption properties } relationships { id type source target } } }';
interface Result { cypher: { columns: string[]; rows: unknown[][]; truncated: boolean; nodes: { id: string; labels: string[]; caption: string }[]; relationships: { source: string; target: string }[] } }

const run = (q: string, p?: Record<string, unknown>) => api.gql<Result>(CYPHER, { q, p });

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
  ])('refuses %s with QUERY_REJECTED', async (_label, query) => {
    expect(codes(await run(query))).toEqual(['QUERY_REJECTED']);
  });

  it('wrote nothing', async () => {
    const response = await run('MATCH (n:Person {id: "intruder"}) RETURN count(n) AS n');
    expect(response.data!.cypher.rows).toEqual([[0]]);
  });

  it('stops a runaway query at the time limit with QUERY_TIMEOUT', async () => {
    const started = Date.now();
    const response = await run('UNWIND range(1, 100000000) AS a WITH a WHERE a % 7 = 99 RETURN count(a)');
    expect(codes(response)).toEqual(['QUERY_TIMEOUT']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a syntax error is BAD_USER_INPUT; params must be an object', async () => {
    expect(codes(await run('MATCH (n RETURN n'))).toEqual(['BAD_USER_INPUT']);
    const response = await api.gql(CYPHER, { q: 'RETURN 1', p: [1, 2] });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });
});
