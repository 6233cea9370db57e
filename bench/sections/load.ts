/**
 * Load: autocannon against the API running as its own process (curated data), for 60 s each
 * (10 s with --quick):
 *   - response cache off, the hot queries mixed in equal parts (what each request costs to answer);
 *   - response cache on (the default), a wide mix of ~540 distinct requests, each answered once
 *     before the run (as the uncached run's warm-up does).
 * Throughput, p50/p99, errors (transport errors, non-200s and GraphQL errors in a 200), cache hits,
 * and the API process's RSS sampled every 250 ms.
 */
import autocannon from 'autocannon';
import type { IncomingHttpHeaders } from 'node:http';
import { startChildApi } from '../lib/child-api.js';
import type { BenchContext, Section } from '../lib/context.js';
import type { Connection } from '../../server/src/db/database.js';
import { curatedMix, wideMix, type MixRequest } from '../lib/mix.js';
import { BENCHMARKS_MD, saveJson, table, writeSection } from '../lib/report.js';

const CONNECTIONS = 8;

interface LoadRun {
  readonly label: string;
  readonly distinct: number;
  readonly requests: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: { transport: number; timeouts: number; non2xx: number; graphql: number; total: number };
  readonly cacheHits: number;
  readonly rssMb: { idle: number; max: number; end: number };
}

async function runLoad(ctx: BenchContext, connection: Connection, cache: boolean, duration: number): Promise<LoadRun> {
  const api = await startChildApi(connection, { ATLAS_RESPONSE_CACHE: cache ? 'on' : 'off' });
  const rss: number[] = [api.rssMb()];
  const sampler = setInterval(() => rss.push(api.rssMb()), 250);
  try {
    const mix: MixRequest[] = cache ? await wideMix(api.url) : curatedMix();
    // Every request once first, so first-request costs do not count; with the cache on, that pass
    // also fills it, and the run measures a server that has seen each request before.
    const warmStarted = performance.now();
    for (const request of mix) await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
    const warmMs = performance.now() - warmStarted;
    ctx.log(`warm-up: ${mix.length} requests one at a time in ${(warmMs / 1000).toFixed(1)} s (${(warmMs / mix.length).toFixed(0)} ms each, uncached)`);
    const label = cache ? `cache on, ${mix.length} distinct requests, each seen once before` : `cache off, ${mix.length} requests`;
    ctx.log(`${label}: ${duration} s with ${CONNECTIONS} connections...`);
    let graphqlErrors = 0;
    let cacheHits = 0;
    const result = await autocannon({
      url: api.url,
      connections: CONNECTIONS,
      duration,
      timeout: 10,
      requests: mix.map((m) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: m.body,
        onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
          if (headers?.['x-atlas-cache'] === 'hit') cacheHits += 1;
        },
      })),
    });
    const errors = {
      transport: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphql: graphqlErrors,
      total: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    };
    if (!api.alive()) throw new Error(`the API process died under load:\n${api.output()}`);
    const run: LoadRun = {
      label,
      distinct: new Set(mix.map((m) => m.body)).size,
      requests: result.requests.total,
      throughput: result.requests.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      errors,
      cacheHits,
      rssMb: { idle: rss[0] ?? Number.NaN, max: Math.max(...rss), end: rss[rss.length - 1] ?? Number.NaN },
    };
    ctx.log(
      `${label}: ${run.throughput.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${errors.total}, hits ${cacheHits}, max RSS ${run.rssMb.max.toFixed(0)} MB`,
    );
    return run;
  } finally {
    clearInterval(sampler);
    await api.stop();
  }
}

const verdict = (ok: boolean, missed: string): string => (ok ? 'met' : missed);

function rows(run: LoadRun): string[][] {
  const hitShare = run.requests === 0 ? 0 : (run.cacheHits / run.requests) * 100;
  return [
    [
      run.label,
      'throughput',
      `${run.throughput.toFixed(0)} req/s (${run.requests} requests)`,
      '>= 500 req/s',
      verdict(run.throughput >= 500, `missed by ${((1 - run.throughput / 500) * 100).toFixed(0)}%`),
    ],
    [
      '',
      'latency p50 / p90 / p99 / max',
      `${run.p50} / ${run.p90} / ${run.p99} / ${run.max} ms`,
      'p99 <= 100 ms',
      verdict(run.p99 <= 100, `missed by ${((run.p99 / 100 - 1) * 100).toFixed(0)}%`),
    ],
    [
      '',
      'errors',
      `${run.errors.total} (transport ${run.errors.transport}, timeouts ${run.errors.timeouts}, non-2xx ${run.errors.non2xx}, GraphQL ${run.errors.graphql})`,
      '0',
      verdict(run.errors.total === 0, 'missed'),
    ],
    ['', 'cache hits', `${run.cacheHits} (${hitShare.toFixed(1)}% of requests)`, '', ''],
    [
      '',
      'API RSS idle / max / end',
      `${run.rssMb.idle.toFixed(0)} / ${run.rssMb.max.toFixed(0)} / ${run.rssMb.end.toFixed(0)} MB`,
      '<= 300 MB',
      verdict(run.rssMb.max <= 300, 'missed'),
    ],
  ];
}

export const load: Section = {
  name: 'load',
  title: 'Mixed load on loopback (autocannon)',
  async run(ctx: BenchContext) {
    const { neo4j } = await ctx.curated();
    const duration = ctx.quick ? 10 : 60;
    const uncached = await runLoad(ctx, neo4j.connection, false, duration);
    const cached = await runLoad(ctx, neo4j.connection, true, duration);
    saveJson('load', { connections: CONNECTIONS, duration, uncached, cached });
    writeSection(
      BENCHMARKS_MD,
      'load',
      [
        `autocannon, ${CONNECTIONS} connections, ${duration} s per run, POST /graphql with search, person, purgeChain and network(at) in equal parts (bench/lib/mix.ts). API in its own Node process (bench/server-child.ts); Neo4j, the API and autocannon share the 2 cores. Run 1: response cache off, 12 requests cycled (each one answered from Neo4j). Run 2: the default, cache on, every curated person's panel, chains and name search plus the network at every month 1945-1970, each answered once (one at a time) before the run, so the run measures answers from the cache (a seed load empties it; server/src/graphql/response-cache.ts).`,
        '',
        table(['run', 'measure', 'result', 'target', 'verdict'], [...rows(uncached), ...rows(cached)]),
      ].join('\n'),
    );
  },
};
