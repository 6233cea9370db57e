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
    expect(cache.get('a')?.body.toString('utf8')).toBe('{"data":1}');
    expect(cache.get('a')?.contentType).toBe(JSON_TYPE);
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 2, misses: 1 });
  });

  it('evicts the least recently used entry to stay within its byte budget', () => {
    // Each entry costs the UTF-8 bytes of its key and body: 1 + 199 = 200.
    const cache = new ResponseCache({ maxBytes: 450, ttlMs: 60_000 });
    const body = 'x'.repeat(199);
    cache.store(slot(cache, 'a', body), JSON_TYPE);
    cache.store(slot(cache, 'b', body), JSON_TYPE);
    cache.get('a');
    cache.store(slot(cache, 'c', body), JSON_TYPE);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.stats().bytes).toBe(400);
  });

  it('counts bytes, not characters, and refuses a body larger than the whole budget', () => {
    const cache = new ResponseCache({ maxBytes: 100, ttlMs: 60_000 });
    // 33 Hangul syllables are 99 bytes in UTF-8: with the one-byte key, 100 fits exactly.
    expect(cache.store(slot(cache, 'a', '박'.repeat(33)), JSON_TYPE)).toBe(true);
    expect(cache.stats().bytes).toBe(100);
    expect(cache.store(slot(cache, 'b', '박'.repeat(34)), JSON_TYPE)).toBe(false);
    expect(cache.get('a')).toBeDefined();
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
