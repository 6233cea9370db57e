/** The response cache in the real app: hits skip the database, and only clean answers are kept. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi({ env: { ATLAS_RESPONSE_CACHE: 'on', ATLAS_RESPONSE_CACHE_CHECK_MS: '100' } });
});
afterAll(async () => {
  await api.close();
});

async function post(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ cache: string | null; status: number; type: string | null; text: string }> {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { cache: response.headers.get('x-atlas-cache'), status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

// The revision watcher reads on its own timer (every 100 ms here): count only the answers' queries.
const answerQueries = (read: { mock: { calls: unknown[][] } }): unknown[] =>
  read.mock.calls.map((call) => call[0]).filter((name) => name !== 'meta/get-data-revision');

const PERSON = 'query ($id: ID!) { person(id: $id) { id name ties { id } } }';

describe('response cache', () => {
  it('answers a repeated query from memory, byte for byte, without a database query', async () => {
    const first = await post(PERSON, { id: 'kim-tu-bong' });
    expect(first.cache).toBe('miss');
    const read = vi.spyOn(api.db, 'read');
    try {
      const second = await post(PERSON, { id: 'kim-tu-bong' });
      expect(second).toEqual({ ...first, cache: 'hit' });
      expect(answerQueries(read)).toEqual([]);
    } finally {
      read.mockRestore();
    }
  });

  it('answers identical requests that arrive together with one database query', async () => {
    const read = vi.spyOn(api.db, 'read');
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(PERSON, { id: 'choe-chang-ik' })));
      expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
      expect(answers.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
      expect(answerQueries(read)).toHaveLength(1);
    } finally {
      read.mockRestore();
    }
  });

  it('keys on the variables', async () => {
    await post(PERSON, { id: 'pak-hon-yong' });
    const other = await post(PERSON, { id: 'mu-chong' });
    expect(other.cache).toBe('miss');
    expect(JSON.parse(other.text).data.person.id).toBe('mu-chong');
  });

  it('never keeps an answer with errors', async () => {
    await post(PERSON, { id: 'no-such-person' });
    const again = await post(PERSON, { id: 'no-such-person' });
    expect(again.cache).toBe('miss');
    expect(JSON.parse(again.text).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('never keeps console answers', async () => {
    const query = '{ cypher(query: "MATCH (p:Person) RETURN count(p) AS n") { columns } }';
    await post(query);
    expect((await post(query)).cache).toBe('miss');
  });

  it('drops its answers once a loader bumps the data revision', async () => {
    await post(PERSON, { id: 'ri-sung-yop' });
    expect((await post(PERSON, { id: 'ri-sung-yop' })).cache).toBe('hit');
    await api.db.write('meta/bump-data-revision');
    await vi.waitFor(async () => expect(api.cache?.stats().entries).toBe(0), { timeout: 5_000, interval: 50 });
    expect((await post(PERSON, { id: 'ri-sung-yop' })).cache).toBe('miss');
  });
});
