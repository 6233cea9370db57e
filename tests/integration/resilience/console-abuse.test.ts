/**
 * Console abuse while others use the app: writes, LOAD CSV, dbms procedures and cartesian
 * explosions go to the Cypher console at the same time as a client keeps opening people. Each
 * abusive query is refused or stopped; the other client keeps being served, quickly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startApi, type Api } from '../api/api.js';
import { record } from './record.js';

let api: Api;
beforeAll(async () => {
  api = await startApi({ env: { ATLAS_CONSOLE_TIMEOUT_MS: '2000', ATLAS_CONSOLE_MAX_ROWS: '1000' } });
});
afterAll(async () => {
  await api.close();
});

const ABUSE: readonly [string, string][] = [
  ['CREATE', 'CREATE (n:Person {id: "mallory"}) RETURN n'],
  ['MERGE + SET', 'MERGE (n:Person {id: "kim-il-sung"}) SET n.name = "x" RETURN n'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['LOAD CSV (file)', 'LOAD CSV FROM "file:///etc/passwd" AS line RETURN line'],
  ['LOAD CSV (http)', 'LOAD CSV FROM "http://127.0.0.1:1/x.csv" AS line RETURN line'],
  ['CALL dbms.listConfig', 'CALL dbms.listConfig() YIELD name RETURN name'],
  ['CALL dbms.killQueries', 'CALL dbms.killQueries(["query-1"])'],
  ['CALL dbms.security.createUser', 'CALL dbms.security.createUser("mallory", "secret123", false)'],
  ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
  // (a bare count(*) of a cartesian product is answered from the count store, so filter)
  ['cartesian product of 4', 'MATCH (a), (b), (c), (d) WHERE a.id + b.id + c.id + d.id = "x" RETURN count(*)'],
  ['cartesian product collected (memory)', 'MATCH (a), (b), (c) RETURN collect([a, b, c]) AS everything'],
  ['unbounded variable-length paths', 'MATCH p = (a)-[*]-(b) RETURN count(p)'],
  ['huge UNWIND', 'UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN x'],
];

const CYPHER = 'query($q: String!) { cypher(query: $q) { columns rows truncated } }';
const PERSON = '{ person(id: "kim-il-sung") { id name ties { id } } }';

describe('console abuse while others are served', () => {
  it('refuses or stops every abusive query, and the other client keeps getting answers', async () => {
    let stop = false;
    const served: { ms: number; ok: boolean }[] = [];
    const bystander = (async () => {
      while (!stop) {
        const started = performance.now();
        const response = await api.gql<{ person: { id: string } }>(PERSON);
        served.push({ ms: performance.now() - started, ok: response.data?.person?.id === 'kim-il-sung' });
      }
    })();
    const results: { label: string; code: string; ms: number }[] = [];
    // Two abusive queries at a time, as two hostile tabs would.
    for (let i = 0; i < ABUSE.length; i += 2) {
      await Promise.all(ABUSE.slice(i, i + 2).map(async ([label, query]) => {
        const started = performance.now();
        const response = await api.gql(CYPHER, { q: query });
        results.push({ label, code: codes(response).join(',') || 'OK', ms: performance.now() - started });
      }));
    }
    stop = true;
    await bystander;
    const check = await api.gql<{ cypher: { rows: unknown[][] } }>(CYPHER, { q: 'MATCH (n:Person {id: "mallory"}) RETURN count(n)' });
    const name = await api.gql<{ person: { name: string } }>('{ person(id: "kim-il-sung") { name } }');
    const times = served.map((s) => s.ms).sort((a, b) => a - b);
    const p = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
    record('console-abuse', [
      'Command: `npx vitest run tests/integration/resilience/console-abuse.test.ts` (shared test Neo4j, curated data; console time limit 2 s, row cap 1,000).',
      '',
      `Abusive queries, two at a time, while a bystander client loops on \`person(id: "kim-il-sung")\`:`,
      '',
      '| query | answer | time (ms) |',
      '| --- | --- | --- |',
      ...results.map((r) => `| ${r.label} | ${r.code} | ${r.ms.toFixed(0)} |`),
      '',
      `Bystander: ${served.length} requests, ${served.filter((s) => !s.ok).length} failed; latency median ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, max ${p(1).toFixed(0)} ms. Afterwards no "mallory" node exists and Kim Il-sung's name is unchanged.`,
    ].join('\n'), { results, bystander: { requests: served.length, failed: served.filter((s) => !s.ok).length, medianMs: p(0.5), p95Ms: p(0.95), maxMs: p(1) } });
    for (const r of results) expect(['QUERY_REJECTED', 'QUERY_TIMEOUT'], r.label).toContain(r.code);
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((s) => s.ok)).toBe(true);
    expect(p(0.95)).toBeLessThan(5_000);
    expect(check.data?.cypher.rows).toEqual([[0]]);
    expect(name.data?.person.name).toBe('Kim Il-sung');
  }, 180_000);
});
