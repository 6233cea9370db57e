/**
 * Database outage under load: a Neo4j of this test's own (never the suite's shared one) is
 * SIGKILLed while four clients keep sending the hot queries. Requests must fail fast with
 * DATABASE_UNAVAILABLE (extensions.retryable), the API process must not crash, and once Neo4j is
 * started again on the same port and data the API must serve again by itself. The response cache
 * is on, as by default: each load request carries a unique unused variable so it misses the cache
 * and reaches the database, while answers cached before the kill keep being served.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildApi, type ChildApi } from '../../../bench/lib/child-api.js';
import { curatedMix } from '../../../bench/lib/mix.js';
import { startThrowawayNeo4j, TEST_QUICK_START, type ThrowawayNeo4j } from '../../support/neo4j.js';
import { ROOT } from '../../support/paths.js';
import { Database } from '../../../server/src/db/database.js';
import { seedDatabase } from '../../../server/src/seed/load.js';
import { record } from './record.js';

interface Sample {
  readonly at: number;
  readonly ms: number;
  readonly ok: boolean;
  readonly code: string;
  readonly retryable: boolean;
  readonly status: number;
}

let neo4j: ThrowawayNeo4j;
let api: ChildApi;

beforeAll(async () => {
  neo4j = await startThrowawayNeo4j({ source: 'managed', quickStart: TEST_QUICK_START, log: () => undefined });
  const db = Database.connect(neo4j.connection);
  await seedDatabase(db, path.join(ROOT, 'seed'));
  await db.close();
  api = await startChildApi(neo4j.connection);
  // A JVM start, the seed and a child API: past 240 s at load 25-30 with npm test's lanes side by
  // side; 420 s as in supervision.test.ts.
}, 420_000);

afterAll(async () => {
  await api?.stop();
  await neo4j?.stop();
}, 120_000);

/** The same request with an extra variable the operation ignores: a new cache key. */
function uncached(body: string, nonce: number): string {
  const parsed = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
  return JSON.stringify({ ...parsed, variables: { ...parsed.variables, nonce } });
}

async function send(body: string, t0: number): Promise<Sample & { cache: string | null }> {
  const started = performance.now();
  try {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    const json = (await response.json()) as { errors?: { extensions?: { code?: string; retryable?: boolean } }[] };
    const error = json.errors?.[0];
    return {
      at: started - t0,
      ms: performance.now() - started,
      ok: error === undefined,
      code: error?.extensions?.code ?? 'OK',
      retryable: error?.extensions?.retryable === true,
      status: response.status,
      cache: response.headers.get('x-atlas-cache'),
    };
  } catch (error) {
    return {
      at: started - t0,
      ms: performance.now() - started,
      ok: false,
      code: `TRANSPORT ${(error as Error).name}`,
      retryable: false,
      status: 0,
      cache: null,
    };
  }
}

describe('Neo4j killed during load', () => {
  it('fails fast with DATABASE_UNAVAILABLE, keeps running, and recovers by itself', async () => {
    const mix = curatedMix();
    const samples: Sample[] = [];
    const t0 = performance.now();
    // Answered once before the kill, so the cache holds them.
    for (const request of mix) expect((await send(request.body, t0)).ok).toBe(true);
    let stop = false;
    let nonce = 0;
    const clients = Array.from({ length: 4 }, async (_, c) => {
      for (let i = c; !stop; i += 1) {
        samples.push(await send(uncached(mix[i % mix.length]!.body, (nonce += 1)), t0));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    // Steady state first: at least 8 answered requests (the API process warms up).
    const warm = performance.now() + 60_000;
    while (samples.filter((s) => s.ok).length < 8 && performance.now() < warm) await new Promise((resolve) => setTimeout(resolve, 100));
    const killedAt = performance.now() - t0;
    await neo4j.kill();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const fromCache = await Promise.all(mix.map((request) => send(request.body, t0)));
    // The outage lasts 3 s before the restart (it was 10 s; shortened for the suite's time, issue
    // 13): the failed requests' claims need many of them, not a long outage, and four clients sent
    // 875 in the 10 s of the run in RESILIENCE.md, so hundreds in 3 s.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const restartAt = performance.now() - t0;
    await neo4j.restart();
    const readyAt = performance.now() - t0;
    // Keep the load on until the API has served a request successfully again (or 60 s pass).
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline && !samples.some((s) => s.ok && s.at > readyAt)) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    stop = true;
    await Promise.all(clients);

    const before = samples.filter((s) => s.at + s.ms < killedAt);
    // Requests sent while Neo4j was dead (however long they took to be answered).
    const down = samples.filter((s) => s.at > killedAt + 200 && s.at < restartAt);
    const firstOk = samples.filter((s) => s.ok && s.at > readyAt).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
    const after = samples.filter((s) => firstOk !== undefined && s.at > firstOk.at + firstOk.ms);
    const codes = [...new Set(down.map((s) => s.code))];
    const downMs = down.map((s) => s.ms).sort((a, b) => a - b);
    const p = (q: number): number => downMs[Math.min(downMs.length - 1, Math.floor(q * downMs.length))] ?? Number.NaN;
    const recoveryMs = firstOk === undefined ? Number.NaN : firstOk.at + firstOk.ms - readyAt;
    const result = {
      requests: samples.length,
      before: before.length,
      beforeErrors: before.filter((s) => !s.ok).length,
      down: down.length,
      downCodes: codes,
      downRetryable: down.every((s) => s.retryable),
      downStatuses: [...new Set(down.map((s) => s.status))],
      downLatencyMs: { median: p(0.5), p95: p(0.95), max: downMs[downMs.length - 1] ?? Number.NaN },
      neo4jRestartMs: readyAt - restartAt,
      recoveryAfterNeo4jReadyMs: recoveryMs,
      after: after.length,
      afterErrors: after.filter((s) => !s.ok).length,
      apiAlive: api.alive(),
      cachedDuringOutage: fromCache.length,
      cachedServed: fromCache.filter((s) => s.ok && s.cache === 'hit').length,
    };
    record(
      'outage',
      [
        'Command: `npx vitest run tests/integration/resilience/outage.test.ts` (own managed Neo4j with the curated seed; the API in its own process, bench/server-child.ts).',
        '',
        `4 clients cycle through the hot queries (search, person, purgeChain, network), each request made unique by an unused variable so it misses the response cache, with 20 ms pauses; once 8 have been answered, Neo4j is SIGKILLed at ${(killedAt / 1000).toFixed(1)} s, restarted at ${(restartAt / 1000).toFixed(1)} s (same port and data; it took ${(result.neo4jRestartMs / 1000).toFixed(1)} s to open Bolt).`,
        '',
        `- Before the kill: ${result.before} requests, ${result.beforeErrors} errors.`,
        `- Sent while Neo4j was down: ${result.down} requests, every one answered with ${codes.join(', ')} (HTTP ${result.downStatuses.join(', ')}), retryable: ${result.downRetryable}; latency median ${result.downLatencyMs.median.toFixed(0)} ms, p95 ${result.downLatencyMs.p95.toFixed(0)} ms, max ${result.downLatencyMs.max.toFixed(0)} ms.`,
        `- Answers cached before the kill, asked again while Neo4j was down: ${result.cachedServed} of ${result.cachedDuringOutage} served from the response cache.`,
        `- The API process stayed up: ${result.apiAlive}.`,
        `- Recovery: the first successful request completed ${recoveryMs.toFixed(0)} ms after Neo4j was ready again, with no restart of the API; ${result.after} requests after that, ${result.afterErrors} errors.`,
      ].join('\n'),
      result,
    );
    expect(result.beforeErrors).toBe(0);
    expect(result.down).toBeGreaterThan(0);
    expect(codes).toEqual(['DATABASE_UNAVAILABLE']);
    expect(result.downRetryable).toBe(true);
    expect(result.downLatencyMs.max).toBeLessThan(20_000);
    expect(result.apiAlive).toBe(true);
    expect(recoveryMs).toBeLessThan(30_000);
    expect(result.afterErrors).toBe(0);
    expect(result.cachedServed).toBe(mix.length);
  }, 300_000);
});
