/**
 * Peer: the same reads against @neo4j/graphql's generated API on the same database, interleaved
 * with ours in one run. Target: never slower; 2x faster on network.
 */
import type { BenchContext, Section } from '../lib/context.js';
import { peerPairs } from '../lib/peer-queries.js';
import { startPeer } from '../lib/peer-server.js';
import { BENCHMARKS_MD, saveJson, table, writeSection } from '../lib/report.js';
import { ms, timeInterleaved, type Summary } from '../lib/stats.js';

export const peer: Section = {
  name: 'peer',
  title: 'Peer (@neo4j/graphql generated API, curated data)',
  async run(ctx: BenchContext) {
    const { api, neo4j } = await ctx.curated();
    const peerApi = await startPeer(neo4j.connection);
    ctx.log(`@neo4j/graphql peer at ${peerApi.url}`);
    const plan = ctx.quick ? { warmup: 5, iterations: 30, maxMs: 20_000 } : { warmup: 20, iterations: 150, maxMs: 60_000 };
    const results: Record<string, { ours: Summary; peer: Summary; sizes: string }> = {};
    try {
      for (const pair of peerPairs()) {
        const sizes = pair.sizes(await pair.ours(api.url), await pair.peer(peerApi.url));
        const timed = await timeInterleaved({ ours: () => pair.ours(api.url), peer: () => pair.peer(peerApi.url) }, plan);
        results[pair.name] = { ours: timed['ours']!, peer: timed['peer']!, sizes };
        ctx.log(`${pair.name}: ours ${ms(timed['ours']!.medianMs)} ms, peer ${ms(timed['peer']!.medianMs)} ms (${sizes})`);
      }
    } finally {
      await peerApi.close();
    }
    saveJson('peer', results);
    const rows = Object.entries(results).map(([name, r]) => {
      const speedup = r.peer.medianMs / r.ours.medianMs;
      const goal = name.startsWith('network') ? 2 : 1;
      return [
        name,
        ms(r.ours.medianMs),
        ms(r.ours.p95Ms),
        ms(r.peer.medianMs),
        ms(r.peer.p95Ms),
        `${speedup.toFixed(2)}x`,
        speedup >= goal ? `met (>= ${goal}x)` : `missed (< ${goal}x)`,
        r.sizes,
      ];
    });
    writeSection(
      BENCHMARKS_MD,
      'peer',
      [
        `${plan.iterations} interleaved rounds after ${plan.warmup} warm-up rounds. Times in ms; "speed-up" = peer median / our median.`,
        '',
        table(['read', 'ours median', 'ours p95', 'peer median', 'peer p95', 'speed-up', 'target', 'what each returned'], rows),
      ].join('\n'),
    );
  },
};
