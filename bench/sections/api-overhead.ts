/**
 * API overhead: each hot query as a GraphQL request to the real app vs. the same Cypher file run
 * directly through Database.read, interleaved in one run, plus a bare Bolt round trip (RETURN 1)
 * and an empty HTTP round trip as floors.
 */
import { CURATED_FIXTURE, hotQueries } from '../lib/hot-queries.js';
import type { BenchContext, Section } from '../lib/context.js';
import { BENCHMARKS_MD, saveJson, table, writeSection } from '../lib/report.js';
import { ms, ratio, timeInterleaved, type Summary } from '../lib/stats.js';

const TARGET = 1.3;

export const apiOverhead: Section = {
  name: 'api',
  title: 'API overhead (GraphQL vs direct driver, curated data)',
  async run(ctx: BenchContext) {
    const { api, db } = await ctx.curated();
    const plan = ctx.quick ? { warmup: 5, iterations: 30, maxMs: 20_000 } : { warmup: 20, iterations: 200, maxMs: 60_000 };
    const floors = await timeInterleaved(
      {
        bolt: () => db.ping(),
        http: () => fetch(api.url.replace('/graphql', '/healthz')).then((r) => r.text()),
      },
      plan,
    );
    ctx.log(`floor: Bolt RETURN 1 median ${ms(floors['bolt']!.medianMs)} ms, /healthz median ${ms(floors['http']!.medianMs)} ms`);
    const results: Record<string, { graphql: Summary; direct: Summary }> = {};
    for (const query of hotQueries(CURATED_FIXTURE)) {
      const timed = await timeInterleaved({ graphql: () => query.graphql(api.url), direct: () => query.direct(db) }, plan);
      results[query.name] = { graphql: timed['graphql']!, direct: timed['direct']! };
      ctx.log(
        `${query.name}: GraphQL median ${ms(timed['graphql']!.medianMs)} ms / direct ${ms(timed['direct']!.medianMs)} ms = ${ratio(timed['graphql']!.medianMs, timed['direct']!.medianMs)}`,
      );
    }
    saveJson('api', { floors, results });
    const rows = Object.entries(results).map(([name, r]) => {
      const medianRatio = r.graphql.medianMs / r.direct.medianMs;
      return [
        name,
        ms(r.graphql.medianMs),
        ms(r.graphql.p95Ms),
        ms(r.direct.medianMs),
        ms(r.direct.p95Ms),
        medianRatio.toFixed(2),
        ratio(r.graphql.p95Ms, r.direct.p95Ms),
        medianRatio <= TARGET ? 'met' : `missed by ${((medianRatio / TARGET - 1) * 100).toFixed(0)}%`,
      ];
    });
    rows.push(['floor: Bolt `RETURN 1`', '', '', ms(floors['bolt']!.medianMs), ms(floors['bolt']!.p95Ms), '', '', '']);
    rows.push(['floor: HTTP GET /healthz (HTTP + Bolt ping)', ms(floors['http']!.medianMs), ms(floors['http']!.p95Ms), '', '', '', '', '']);
    writeSection(
      BENCHMARKS_MD,
      'api',
      [
        `${plan.iterations} interleaved rounds per query after ${plan.warmup} warm-up rounds (fewer if a query hit the ${plan.maxMs / 1000} s cap). Times in ms.`,
        '',
        table(['query', 'GraphQL median', 'GraphQL p95', 'direct median', 'direct p95', 'median ratio', 'p95 ratio', `target <= ${TARGET}`], rows),
      ].join('\n'),
    );
  },
};
