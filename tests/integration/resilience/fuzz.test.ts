/**
 * Hostile input: odd dates, ids, Unicode and huge strings in every hot argument, plus malformed
 * HTTP bodies. Every answer must be a clean GraphQL error (or data): never a 500, never a stack
 * trace, and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '../api/api.js';
import { record } from './record.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const DATES = [
  '',
  ' ',
  '1956-13',
  '1956-02-30',
  '0000',
  '-0001',
  '99999',
  '1956-8',
  '1956-08-30T12:00:00Z',
  '١٩٥٦',
  '1956\u0000',
  'null',
  '1e3',
  '1'.repeat(5000),
];
const IDS = ['', ' ', 'kim-il-sung\u0000', '../../etc/passwd', "x'}) DETACH DELETE n //", '$id', '\u202ekim-il-sung', '👨‍👩‍👧', 'a'.repeat(200_000)];
const TEXTS = [
  '',
  ' ',
  '*',
  '?',
  '~',
  '"',
  'name:*',
  'a AND OR NOT',
  '(((',
  '\\',
  '/.*/',
  'kim~0.1^99',
  '\u200b\u200b',
  '\u202e\u0644\u0627',
  'a\u0301'.repeat(500),
  '\ud800',
  '\udfff\ud800',
  '𝕂𝕚𝕞',
  '金日成'.repeat(100),
  'ᄀᆞ',
  'x'.repeat(201),
  'kim '.repeat(50),
  '\u0000\u0001\u0002',
  '<script>alert(1)</script>',
  'é'.repeat(300_000),
];
const LIMITS = [-1, 0, 101, 2 ** 31 - 1, 2 ** 31, 1.5, '10', null];

const CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_REJECTED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
]);

interface Outcome {
  readonly status: number;
  readonly text: string;
}

async function post(body: string, contentType = 'application/json'): Promise<Outcome> {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, text: await response.text() };
}

const stats = { requests: 0, data: 0, errors: new Map<string, number>(), statuses: new Map<number, number>() };

/** Not a 500, no stack trace; a JSON body's errors carry a known code. */
function expectClean(outcome: Outcome, label: string): void {
  stats.requests += 1;
  stats.statuses.set(outcome.status, (stats.statuses.get(outcome.status) ?? 0) + 1);
  expect(outcome.status, label).toBeLessThan(500);
  expect(outcome.text, label).not.toMatch(/\n\s+at \S+ \(|node_modules|\.ts:\d+|stacktrace/);
  interface Body {
    data?: unknown;
    errors?: { extensions?: { code?: string } }[];
  }
  let body: Body | null = null;
  try {
    body = JSON.parse(outcome.text) as Body;
  } catch {
    body = null;
  }
  expect(body, `${label}: a JSON body`).not.toBeNull();
  for (const error of body?.errors ?? []) {
    const code = error.extensions?.code ?? 'NONE';
    stats.errors.set(code, (stats.errors.get(code) ?? 0) + 1);
    expect(CODES.has(code), `${label}: code ${code}`).toBe(true);
  }
  if ((body?.errors ?? []).length === 0) stats.data += 1;
}

const gql = (query: string, variables: Record<string, unknown>) => post(JSON.stringify({ query, variables }));

describe('fuzzed arguments', () => {
  it('network(at) and person.status(at) with odd dates', async () => {
    for (const at of DATES) {
      expectClean(
        await gql('query($at: String!) { network(at: $at) { at persons { person { id } } } }', { at }),
        `network at=${JSON.stringify(at.slice(0, 20))}`,
      );
      expectClean(
        await gql('query($at: String!) { person(id: "kim-il-sung") { status(at: $at) { state } } }', { at }),
        `status at=${JSON.stringify(at.slice(0, 20))}`,
      );
      expectClean(await gql('query($at: String!) { timeline(from: $at, to: $at) { from } }', { at }), `timeline ${JSON.stringify(at.slice(0, 20))}`);
    }
  });

  it('person, purgeChain and connection with odd ids', async () => {
    for (const id of IDS) {
      expectClean(await gql('query($id: ID!) { person(id: $id) { id } }', { id }), `person ${id.slice(0, 20)}`);
      expectClean(await gql('query($id: ID!) { purgeChain(personId: $id) { rank } }', { id }), `purgeChain ${id.slice(0, 20)}`);
      expectClean(await gql('query($id: ID!) { connection(fromId: $id, toId: "kim-il-sung", at: "1956") { hops } }', { id }), `connection ${id.slice(0, 20)}`);
    }
  });

  it('search with odd Unicode, Lucene syntax and huge strings', async () => {
    for (const text of TEXTS) {
      expectClean(
        await gql('query($text: String!) { searchMatches(text: $text) { score person { id } } }', { text }),
        `search ${JSON.stringify(text.slice(0, 20))}`,
      );
    }
  });

  it('out-of-range and mistyped numbers', async () => {
    for (const limit of LIMITS) {
      expectClean(await gql('query($l: Int) { search(text: "kim", limit: $l) { id } }', { l: limit }), `limit ${String(limit)}`);
      expectClean(
        await gql('query($l: Int) { purgeChain(personId: "choe-chang-ik", maxSteps: $l, windowMonths: $l, limit: $l) { rank } }', { l: limit }),
        `chain ${String(limit)}`,
      );
    }
  });
});

describe('malformed requests', () => {
  it.each([
    ['invalid JSON', '{"query": "{ factions { id } }"', 'application/json'],
    ['JSON that is not an object', '[1, 2, 3]', 'application/json'],
    ['query not a string', '{"query": 42}', 'application/json'],
    ['variables not an object', '{"query": "{ factions { id } }", "variables": "x"}', 'application/json'],
    ['unparseable GraphQL', '{"query": "{ factions { id "}', 'application/json'],
    ['a body over the 1 MB limit', JSON.stringify({ query: '{ factions { id } }', variables: { x: 'x'.repeat(1_200_000) } }), 'application/json'],
    ['text/plain', '{ factions { id } }', 'text/plain'],
    ['a mutation', '{"query": "mutation { x }"}', 'application/json'],
  ])('%s gets a clean error', async (label, body, type) => {
    const outcome = await post(body, type);
    stats.requests += 1;
    stats.statuses.set(outcome.status, (stats.statuses.get(outcome.status) ?? 0) + 1);
    expect(outcome.status, label).toBeLessThan(500);
    expect(outcome.text, label).not.toMatch(/\n\s+at \S+ \(|node_modules|\.ts:\d+|<pre>/);
  });

  it('still serves normal requests afterwards', async () => {
    const response = await api.gql<{ person: { id: string } }>('{ person(id: "kim-il-sung") { id } }');
    expect(response.data?.person.id).toBe('kim-il-sung');
    const rows = [...stats.statuses]
      .sort()
      .map(([status, n]) => `HTTP ${status}: ${n}`)
      .join(', ');
    const codes = [...stats.errors]
      .sort()
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    record(
      'fuzz',
      [
        `Command: \`npx vitest run tests/integration/resilience/fuzz.test.ts\` (curated data, shared test Neo4j).`,
        '',
        `- ${stats.requests} hostile requests: ${DATES.length} odd dates x 3 fields, ${IDS.length} odd ids x 3 fields, ${TEXTS.length} search strings (Lucene syntax, bidi overrides, lone surrogates, combining marks, 300k characters), ${LIMITS.length} bad numbers x 2 fields, and 8 malformed HTTP bodies.`,
        `- Status codes: ${rows}. No 500, no stack trace or file path in any body.`,
        `- GraphQL error codes seen: ${codes}. ${stats.data} requests returned data (e.g. a search whose text is valid but odd).`,
        '- The server answered a normal request afterwards.',
      ].join('\n'),
      { statuses: Object.fromEntries(stats.statuses), errors: Object.fromEntries(stats.errors), data: stats.data, requests: stats.requests },
    );
  });
});
