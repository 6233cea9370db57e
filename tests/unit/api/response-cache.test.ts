/** The response cache's bookkeeping: budget, recency, age limit, revisions and stale stores. */
import { describe, expect, it } from 'vitest';
import { ResponseCache, type CacheSlot } from '../../../server/src/graphql/response-cache.js';

const slot = (cache: ResponseCache, key: string, body: string): CacheSlot => ({ key, generation: cache.generation, body });
const JSON_TYPE = 'application/json; charset=utf-8';

describe('ResponseCache', () => {
  it('serves what it stored, with its content type', () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.store(slot(cache, 'a', '{"data":1}'), JSON_TYPE)).toBe(true);
    expect(cache.get('a')).toMatchObject({ body: '{"data":1}', contentType: JSON_TYPE });
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });

  it('evicts the least recently used entry to stay within its byte budget', () => {
    // Each entry costs 2 bytes per character of key and body: 2 * (1 + 99) = 200.
    const cache = new ResponseCache({ maxBytes: 450, ttlMs: 60_000 });
    const body = 'x'.repeat(99);
    cache.store(slot(cache, 'a', body), JSON_TYPE);
    cache.store(slot(cache, 'b', body), JSON_TYPE);
    cache.get('a');
    cache.store(slot(cache, 'c', body), JSON_TYPE);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.stats().bytes).toBe(400);
  });

  it('refuses a body larger than the whole budget', () => {
    const cache = new ResponseCache({ maxBytes: 100, ttlMs: 60_000 });
    expect(cache.store(slot(cache, 'a', 'x'.repeat(100)), JSON_TYPE)).toBe(false);
    expect(cache.stats().entries).toBe(0);
  });

  it('drops entries older than the age limit', () => {
    let now = 0;
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 1_000 }, () => now);
    cache.store(slot(cache, 'a', '1'), JSON_TYPE);
    now = 1_000;
    expect(cache.get('a')).toBeDefined();
    now = 1_001;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats().bytes).toBe(0);
  });

  it('empties itself when the data revision changes, not when it is first learnt or repeated', () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    cache.store(slot(cache, 'a', '1'), JSON_TYPE);
    cache.observeRevision('r1');
    cache.observeRevision('r1');
    expect(cache.get('a')).toBeDefined();
    cache.observeRevision('r2');
    expect(cache.get('a')).toBeUndefined();
    cache.store(slot(cache, 'b', '1'), JSON_TYPE);
    cache.observeRevision(null);
    expect(cache.get('b')).toBeUndefined();
  });

  it('does not keep an answer read before the cache was emptied', () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    cache.observeRevision('r1');
    const pending = slot(cache, 'a', 'old data');
    cache.observeRevision('r2');
    expect(cache.store(pending, JSON_TYPE)).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });

  it('stores nothing for a request that produced no cacheable answer', () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    expect(cache.store({ key: 'a', generation: cache.generation, body: null }, JSON_TYPE)).toBe(false);
  });
});
