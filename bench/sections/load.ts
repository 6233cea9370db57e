/**
 * Load: autocannon against the API running as its own process (curated data), the hot queries
 * mixed in equal parts for 60 s (10 s with --quick). Throughput, p50/p99, errors (transport
 * errors, non-200s and GraphQL errors in a 200), and the API process's RSS sampled every 250 ms.
 */
import autocannon from 'autocannon';
import { startChildApi } from '../lib/child-api.js';
import type { BenchContext, Section } from '../lib/context.js';
import { curatedMix } from '../lib/mix.js';
import { BENCHMARKS_MD, saveJson, table, writeSection } from '../lib/report.js';

const CONNECTIONS = 8;

export const load: Section = {
  name: 'load',
  title: 'Mixed load on loopback (autocannon)',
  async run(ctx: BenchContext) {
    const { neo4j } = await ctx.curated();
    const api = await startChildApi(neo4j.connection);
    ctx.log(`API process pid ${api.pid} at ${api.url}, idle RSS ${api.rssMb().toFixed(0)} MB`);
    const duration = ctx.quick ? 10 : 60;
    const mix = curatedMix();
    let graphqlErrors = 0;
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(api.rssMb()), 250);
    try {
      // Warm-up: every request once, so the first-request costs do not count.
      for (const request of mix) await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
      ctx.log(`running ${duration} s with ${CONNECTIONS} connections over ${mix.length} requests (${[...new Set(mix.map((m) => m.name))].join(', ')})...`);
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
          onResponse: (status: number, body: string) => {
            if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
          },
        })),
      });
      clearInterval(sampler);
      const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
      const summary = {
        connections: CONNECTIONS, duration, requests: result.requests.total, throughput: result.requests.average,
        p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
        errors: { transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors, total: errors },
        rssMb: { idle: rss[0] ?? Number.NaN, max: Math.max(...rss), end: rss[rss.length - 1] ?? Number.NaN },
        alive: api.alive(),
      };
      ctx.log(`load: ${summary.throughput.toFixed(0)} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, errors ${errors}, max RSS ${summary.rssMb.max.toFixed(0)} MB`);
      saveJson('load', summary);
      const verdict = (ok: boolean, missed: string): string => (ok ? 'met' : missed);
      writeSection(BENCHMARKS_MD, 'load', [
        `autocannon, ${CONNECTIONS} connections, ${duration} s, POST /graphql cycling through ${mix.length} requests: search, person, purgeChain and network(at) in equal parts (bench/lib/mix.ts). API in its own Node process (bench/server-child.ts); Neo4j, the API and autocannon share the 2 cores.`,
        '',
        table(['measure', 'result', 'target', 'verdict'], [
          ['throughput', `${summary.throughput.toFixed(0)} req/s (${summary.requests} requests)`, '>= 500 req/s', verdict(summary.throughput >= 500, `missed by ${((1 - summary.throughput / 500) * 100).toFixed(0)}%`)],
          ['latency p50 / p90 / p99 / max', `${summary.p50} / ${summary.p90} / ${summary.p99} / ${summary.max} ms`, 'p99 <= 100 ms', verdict(summary.p99 <= 100, `missed by ${((summary.p99 / 100 - 1) * 100).toFixed(0)}%`)],
          ['errors', `${errors} (transport ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${graphqlErrors})`, '0', verdict(errors === 0, 'missed')],
          ['API RSS idle / max / end', `${summary.rssMb.idle.toFixed(0)} / ${summary.rssMb.max.toFixed(0)} / ${summary.rssMb.end.toFixed(0)} MB`, '<= 300 MB', verdict(summary.rssMb.max <= 300, 'missed')],
        ]),
      ].join('\n'));
    } finally {
      clearInterval(sampler);
      await api.stop();
    }
  },
};
