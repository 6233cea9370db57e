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
  // Issue 14: values and loops inside one expression, which neither the memory tracker nor the
  // transaction timeout sees; and a parser that never answers.
  ['doubling string in reduce (case 1)', "RETURN size(reduce(s='x', i IN range(1,29) | s+s))"],
  ['60 M-element list comprehension (case 1)', 'RETURN size([x IN range(1,60000000) | x])'],
  ['2 G-step reduce (case 3)', 'RETURN reduce(a=0, x IN range(1,2000000000) | a+x)'],
  ['backtracking regex (case 3)', "WITH 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaab' AS s RETURN s =~ '(.*a){12}$'"],
  ['500 nested parentheses (case 4)', `RETURN ${'('.repeat(500)}1${')'.repeat(500)}`],
  ['doubling WITH chain', `WITH '${'x'.repeat(1000)}' AS s${' WITH s + s AS s'.repeat(20)} RETURN size(s)`],
];

const CYPHER = 'query($q: String!) { cypher(query: $q) { columns rows truncated } }';
const PERSON = '{ person(id: "kim-il-sung") { id name ties { id } } }';

describe('console abuse while others are served', () => {
  it('refuses or stops every abusive query, and the other client keeps getting answers', async () => {
    let stop = false;
    const served: { ms: number; ok: boolean }[] = [];
    // A fresh app's first answer includes compiling and warming up; the bystander's figures start after it.
    await api.gql(PERSON);
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
      await Promise.all(
        ABUSE.slice(i, i + 2).map(async ([label, query]) => {
          const started = performance.now();
          const response = await api.gql(CYPHER, { q: query });
          results.push({ label, code: codes(response).join(',') || 'OK', ms: performance.now() - started });
        }),
      );
    }
    stop = true;
    await bystander;
    const check = await api.gql<{ cypher: { rows: unknown[][] } }>(CYPHER, { q: 'MATCH (n:Person {id: "mallory"}) RETURN count(n)' });
    const name = await api.gql<{ person: { name: string } }>('{ person(id: "kim-il-sung") { name } }');
    const times = served.map((s) => s.ms).sort((a, b) => a - b);
    const p = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
    record(
      'console-abuse',
      [
        'Command: `npx vitest run tests/integration/resilience/console-abuse.test.ts` (shared test Neo4j, curated data; console time limit 2 s, row cap 1,000).',
        '',
        `Abusive queries, two at a time, while a bystander client loops on \`person(id: "kim-il-sung")\`:`,
        '',
        '| query | answer | time (ms) |',
        '| --- | --- | --- |',
        ...results.map((r) => `| ${r.label} | ${r.code} | ${r.ms.toFixed(0)} |`),
        '',
        `Bystander: ${served.length} requests, ${served.filter((s) => !s.ok).length} failed; latency median ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, max ${p(1).toFixed(0)} ms. Afterwards no "mallory" node exists and Kim Il-sung's name is unchanged.`,
      ].join('\n'),
      { results, bystander: { requests: served.length, failed: served.filter((s) => !s.ok).length, medianMs: p(0.5), p95Ms: p(0.95), maxMs: p(1) } },
    );
    for (const r of results) expect(['QUERY_REJECTED', 'QUERY_TIMEOUT'], r.label).toContain(r.code);
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((s) => s.ok)).toBe(true);
    expect(p(0.95)).toBeLessThan(5_000);
    expect(check.data?.cypher.rows).toEqual([[0]]);
    expect(name.data?.person.name).toBe('Kim Il-sung');
  }, 180_000);
});

/**
 * Issue 14, case 1, and variants it does not name: values built inside expressions, which Neo4j's
 * memory tracker does not see. Each one passed the text limits before the expression budget
 * (server/src/db/console-budget.ts); one of them exhausted the 1 GB heap and the JVM exited.
 */
const big = (n: number, c = 'a'): string => `'${c.repeat(n)}'`;
const EXPRESSION_HOGS: readonly [string, string][] = [
  ['100,000 x a 16,000-character literal (case 1)', `RETURN size([x IN range(1,100000) | ${big(16000)} + toString(x)])`],
  ['the same literal through a WITH variable', `WITH ${big(16000)} AS s RETURN size([x IN range(1,100000) | s + toString(x)])`],
  ['a list accumulated in reduce', `RETURN size(reduce(l = [], x IN range(1,100000) | l + [${big(16000)} + toString(x)]))`],
  ['a string repeated by reduce', `RETURN size(reduce(s = '', x IN range(1,70000) | s + ${big(16000)}))`],
  ['nested ranges, 1,000 x 1,000 x 1 KB', `RETURN size([x IN range(1,1000) | [y IN range(1,1000) | ${big(1000)} + toString(y)]])`],
  ['toUpper() of a literal per element', `RETURN size([x IN range(1,100000) | toUpper(${big(16000)} + '')])`],
  ['two growing replace() calls', `RETURN size(replace(replace(${big(10000)}, 'a', ${big(300, 'b')}), 'b', ${big(300, 'c')}))`],
  ['split() into characters, a literal each', `WITH ${big(16000)} AS s RETURN size([c IN split(s, '') | [y IN range(1,10) | s + c]])`],
  ['a literal per element of a collected list', `MATCH (a), (b) WITH collect(a.name) AS l RETURN size([x IN l | ${big(16000)} + x])`],
  ['two nested lists from the data', 'MATCH (n) WITH collect(n) AS ns RETURN size([a IN ns | [b IN ns | a.name + b.name]])'],
];

describe('what expressions could build is bounded before they run (issue 14, case 1)', () => {
  it('refuses each one with QUERY_REJECTED naming the estimate; the API and Neo4j keep answering', async () => {
    const results: { label: string; code: string; ms: number; message: string }[] = [];
    for (const [label, query] of EXPRESSION_HOGS) {
      const started = performance.now();
      const response = await api.gql(CYPHER, { q: query });
      results.push({ label, code: codes(response).join(',') || 'OK', ms: performance.now() - started, message: response.errors?.[0]?.message ?? '' });
    }
    // Collected rows are what the tracker does see: 2,000 strings of 512 KB (1 GB) collected until its cap (or the time limit) stops them.
    const collectStarted = performance.now();
    const collected = await api.gql(CYPHER, {
      q: `UNWIND range(1, 2000) AS i WITH i, ${big(16000)} AS s${' WITH i, s + s AS s'.repeat(5)} RETURN size(collect(s)) AS n`,
    });
    const collectMs = performance.now() - collectStarted;
    const after = performance.now();
    const normal = await api.gql<{ cypher: { rows: unknown[][] } }>(CYPHER, { q: 'MATCH (p:Person {id: "kim-il-sung"}) RETURN p.name' });
    const normalMs = performance.now() - after;
    const person = await api.gql<{ person: { name: string } }>('{ person(id: "kim-il-sung") { name } }');
    record(
      'console-budget',
      [
        'Command: `npx vitest run tests/integration/resilience/console-abuse.test.ts` (shared test Neo4j, 1 GB heap, two console slots: an expression budget of 128 MB a query).',
        '',
        '| query | answer | time (ms) | estimate in the refusal |',
        '| --- | --- | --- | --- |',
        ...results.map((r) => `| ${r.label} | ${r.code} | ${r.ms.toFixed(0)} | ${/up to ([\d.]+ [MG]B)/.exec(r.message)?.[1] ?? ''} |`),
        '',
        `2,000 rows of 512 KB collected (Neo4j's memory tracker sees collect()): ${codes(collected).join(',') || 'OK'} in ${collectMs.toFixed(0)} ms. Afterwards a normal console query was answered in ${normalMs.toFixed(0)} ms, and \`person\` answered.`,
      ].join('\n'),
      { results, collected: { code: codes(collected), ms: collectMs }, normalMs },
    );
    for (const r of results) {
      expect(r.code, r.label).toBe('QUERY_REJECTED');
      expect(r.message, r.label).toMatch(/could build up to [\d.]+ [MG]B inside expressions/);
    }
    expect(['QUERY_REJECTED', 'QUERY_TIMEOUT']).toContain(codes(collected).join(','));
    expect(codes(normal)).toEqual([]);
    expect(normal.data?.cypher.rows).toEqual([['Kim Il-sung']]);
    expect(normalMs).toBeLessThan(10_000);
    expect(person.data?.person.name).toBe('Kim Il-sung');
  }, 120_000);
});

describe('paths of several hops are bounded from the data, not by the planner (issue 14)', () => {
  // 221,725 paths of one to four hops from Kim Il-sung, where the planner expects 867: collected
  // at 5.5 KB each, they exhausted the heap when the console's time limit was 30 s.
  const COLLECTED = (hops: string): string =>
    `MATCH (a:Person {id: "kim-il-sung"})-[${hops}]-(b) WITH collect(b.id) AS l RETURN size([x IN l | x + '${'x'.repeat(5_500)}']) AS n`;

  it('refuses a path without an upper bound or over 3 hops, and a list collected from paths that could be long; a walk passes', async () => {
    const fourHops = await api.gql(CYPHER, { q: COLLECTED('*1..4') });
    const threeHops = await api.gql(CYPHER, { q: COLLECTED('*1..3') });
    const unbounded = await api.gql(CYPHER, {
      q: 'MATCH p = shortestPath((a:Person {id: "kim-il-sung"})-[*]-(b:Person {id: "pak-hon-yong"})) RETURN length(p)',
    });
    const walk = await api.gql<{ cypher: { rows: unknown[][] } }>(CYPHER, {
      q: 'MATCH p = (a:Person {id: "kim-il-sung"})-[*1..2]-(b:Person) RETURN [n IN nodes(p) | n.name] AS walk LIMIT 5',
    });
    expect(codes(fourHops)).toEqual(['QUERY_REJECTED']);
    expect(fourHops.errors?.[0]?.message).toMatch(/a path of up to 4 hops .*VarLengthExpand.*at most 3 hops/);
    expect(codes(threeHops)).toEqual(['QUERY_REJECTED']);
    // The bound: one start times 138 + 138^2 + 138^3 paths (138 relationships on the busiest node of the curated data).
    expect(threeHops.errors?.[0]?.message).toMatch(/could build up to [\d.]+ [MG]B inside expressions \([\d,]+ elements/);
    expect(codes(unbounded)).toEqual(['QUERY_REJECTED']);
    expect(unbounded.errors?.[0]?.message).toMatch(/a path of any length .*ShortestPath/);
    expect(codes(walk)).toEqual([]);
    expect(walk.data?.cypher.rows).toHaveLength(5);
  }, 60_000);
});

describe('limits that hold inside Neo4j (issue 14)', () => {
  // 16 KB doubled six times: about 1 MB a row, computed per row, the "1,000 rows of 1 MB" case.
  const MEGABYTE_ROWS = `UNWIND range(1, 1000) AS i WITH i, '${'x'.repeat(16_000)}' AS s${' WITH i, s + s AS s'.repeat(6)} RETURN i, s`;

  it('caps the answer in bytes and says it truncated (case 5)', async () => {
    const started = performance.now();
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CYPHER, variables: { q: MEGABYTE_ROWS } }),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const body = JSON.parse(text) as { data?: { cypher: { rows: unknown[][]; truncated: boolean } } };
    record(
      'console-bytes',
      [
        'Command: `npx vitest run tests/integration/resilience/console-abuse.test.ts` (console byte cap 4 MB by default).',
        '',
        `1,000 rows of about 1 MB each: ${body.data?.cypher.rows.length ?? 0} rows kept, truncated ${String(body.data?.cypher.truncated)}, answer ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms.`,
      ].join('\n'),
      { rows: body.data?.cypher.rows.length, truncated: body.data?.cypher.truncated, bytes: text.length, ms },
    );
    // An error in place of rows says which (a refusal, the deadline, a busy console) in the failure.
    expect(body.data?.cypher.truncated, text.slice(0, 600)).toBe(true);
    expect(text.length).toBeLessThan(6 * 1024 * 1024);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('answers at the deadline and gives the slot back when Neo4j cannot stop the query (case 3)', async () => {
    // 4 x 10^8 steps inside one expression (two nested iterations over a collected list, which the
    // text check allows): several seconds, past the 1 s limit, and Neo4j's own transaction timeout
    // does not interrupt it. (10^8 steps finished inside 1 s on a quiet machine, so the test could
    // not see the deadline there.)
    const quick = await startApi({ env: { ATLAS_CONSOLE_TIMEOUT_MS: '1000', ATLAS_CONSOLE_MAX_CONCURRENT: '1' } });
    try {
      const slow = 'UNWIND range(1, 20000) AS x WITH collect(x) AS l RETURN size([a IN l | size([b IN l WHERE b = a])]) AS r';
      const started = performance.now();
      const stopped = await quick.gql(CYPHER, { q: slow });
      const ms = performance.now() - started;
      // The one slot is free again at once: a normal console query is answered, not "busy".
      const after = performance.now();
      const next = await quick.gql<{ cypher: { rows: unknown[][] } }>(CYPHER, { q: 'MATCH (p:Person {id: "kim-il-sung"}) RETURN p.name' });
      const nextMs = performance.now() - after;
      record(
        'console-deadline',
        [
          'Command: `npx vitest run tests/integration/resilience/console-abuse.test.ts` (console time limit 1 s, one slot).',
          '',
          `4 x 10^8 steps inside one expression: ${codes(stopped).join(',')} after ${ms.toFixed(0)} ms (limit 1,000 ms + 500 ms grace); the next console query was answered in ${nextMs.toFixed(0)} ms.`,
        ].join('\n'),
        { code: codes(stopped), ms, nextMs },
      );
      expect(codes(stopped)).toEqual(['QUERY_TIMEOUT']);
      expect(ms).toBeLessThan(3_000);
      expect(codes(next)).toEqual([]);
      expect(next.data?.cypher.rows).toEqual([['Kim Il-sung']]);
    } finally {
      await quick.close();
    }
  }, 60_000);
});
