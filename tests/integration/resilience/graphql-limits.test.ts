/**
 * Issue 14 on the GraphQL side: answers bounded before and while they are built (case 2), and
 * the smaller findings (case 6): deep JSON, persisted-query hashes, echoed input, the token limit.
 * After each attack a normal query is answered, and the figures go to artifacts/resilience.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startApi, type Api } from '../api/api.js';
import { record } from './record.js';

let api: Api;
beforeAll(async () => {
  // The response cache is on, as in production: the deep-JSON and hash cases went through it.
  api = await startApi({ env: { ATLAS_RESPONSE_CACHE: 'on' } });
});
afterAll(async () => {
  await api.close();
});

const FAN_OUT = 'person(id:"kim-il-sung"){ties{source{ties{target{ties{source{ties{target{id}}}}}}}}}';
const figures: string[] = [];

async function post(body: string): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}

const codesOf = (text: string): string[] =>
  ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code ?? 'NONE');

async function stillServes(): Promise<number> {
  const started = performance.now();
  const response = await api.gql<{ person: { name: string } }>('{ person(id: "kim-il-sung") { name } }');
  expect(response.data?.person.name).toBe('Kim Il-sung');
  return performance.now() - started;
}

describe('answers bounded in bytes (case 2)', () => {
  it('refuses the 15-alias fan-out query before it runs', async () => {
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${FAN_OUT}`).join(' ')} }`;
    const outcome = await post(JSON.stringify({ query }));
    figures.push(
      `- 15 aliases of four nested \`ties\` (${query.length} bytes): HTTP ${outcome.status}, ${codesOf(outcome.text).join(',')} in ${outcome.ms.toFixed(0)} ms; a normal query afterwards in ${(await stillServes()).toFixed(0)} ms.`,
    );
    expect(codesOf(outcome.text)).toEqual(['QUERY_REJECTED']);
    expect(outcome.ms).toBeLessThan(2_000);
  });

  it('stops an answer that grows past the byte budget while it is built', async () => {
    const small = await startApi({ env: { ATLAS_RESPONSE_MAX_MB: '1', ATLAS_RESPONSE_CACHE: 'on' } });
    try {
      const started = performance.now();
      const response = await small.gql(`{ ${FAN_OUT} }`);
      const ms = performance.now() - started;
      figures.push(
        `- One alias of the same query (about 20 MB of answer) with a 1 MB budget: ${codes(response).join(',')} in ${ms.toFixed(0)} ms, \`data\` null.`,
      );
      expect(codes(response)).toEqual(['RESPONSE_TOO_LARGE']);
      expect(response.data ?? null).toBeNull();
      // Not cached: the same request is refused again rather than served.
      expect(codes(await small.gql(`{ ${FAN_OUT} }`))).toEqual(['RESPONSE_TOO_LARGE']);
    } finally {
      await small.close();
    }
  });
});

describe('smaller findings (case 6)', () => {
  it('answers JSON nested 20,000 deep in variables with a 400', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const outcome = await post(`{"query":"query($x: JSON) { cypher(query: \\"RETURN 1\\", params: $x) { rows } }","variables":{"x":${deep}}}`);
    figures.push(`- \`variables\` nested 20,000 deep: HTTP ${outcome.status}, ${codesOf(outcome.text).join(',')} in ${outcome.ms.toFixed(0)} ms.`);
    expect(outcome.status).toBe(400);
    expect(codesOf(outcome.text)).toEqual(['BAD_REQUEST']);
  });

  it('checks persisted-query hashes, also for a query the cache holds', async () => {
    const query = '{ person(id: "kim-il-sung") { id } }';
    expect((await api.gql(query)).errors).toBeUndefined();
    const wrong = { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') };
    const mismatch = await post(JSON.stringify({ query, extensions: { persistedQuery: wrong } }));
    const malformed = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'x'.repeat(100_000) } } }));
    figures.push(
      `- A persisted query whose hash does not match its text: HTTP ${mismatch.status}, ${codesOf(mismatch.text).join(',')}; a malformed hash: HTTP ${malformed.status}, ${codesOf(malformed.text).join(',')}.`,
    );
    for (const outcome of [mismatch, malformed]) {
      expect(outcome.status).toBe(400);
      expect(codesOf(outcome.text)).toEqual(['BAD_REQUEST']);
      expect(outcome.text.length).toBeLessThan(1_000);
    }
  });

  it('echoes at most a few hundred characters of the input in an error', async () => {
    const response = await api.gql('query($id: ID!) { person(id: $id) { id } }', { id: 'a'.repeat(100_000) });
    const typed = await api.gql('query($n: Int) { search(text: "kim", limit: $n) { id } }', { n: 'x'.repeat(100_000) });
    const longest = Math.max(...[...(response.errors ?? []), ...(typed.errors ?? [])].map((e) => e.message.length));
    figures.push(`- Errors about a 100,000-character input: longest message ${longest} characters.`);
    expect(codes(response).length + codes(typed).length).toBeGreaterThan(0);
    expect(longest).toBeLessThan(700);
  });

  it('stops a long document at the token limit without parsing it', async () => {
    const query = `{ ${'__typename '.repeat(90_000)}}`;
    const outcome = await post(JSON.stringify({ query }));
    figures.push(
      `- A ${(query.length / 1e6).toFixed(2)} MB document: HTTP ${outcome.status}, ${codesOf(outcome.text).join(',')} in ${outcome.ms.toFixed(0)} ms; a normal query afterwards in ${(await stillServes()).toFixed(0)} ms.`,
    );
    expect(outcome.status).toBe(400);
    expect(codesOf(outcome.text)).toEqual(['QUERY_REJECTED']);
    expect(outcome.ms).toBeLessThan(1_000);
    record(
      'graphql-limits',
      ['Command: `npx vitest run tests/integration/resilience/graphql-limits.test.ts` (curated data, response cache on).', '', ...figures].join('\n'),
      { figures },
    );
  });
});
