/**
 * npm run bench [-- --quick] [--only api,peer,scale,load,analysis,client] [--skip client] [--persons 10000,100000]
 * Runs the benchmark sections in order, printing progress, and writes each section's results
 * into BENCHMARKS.md (and artifacts/bench/<section>.json) as soon as it finishes.
 */
import { parseArgs } from 'node:util';
import { createContext, type Section } from './lib/context.js';
import { analysis } from './sections/analysis.js';
import { apiOverhead } from './sections/api-overhead.js';
import { client } from './sections/client.js';
import { load } from './sections/load.js';
import { peer } from './sections/peer.js';
import { scale } from './sections/scale.js';

const SECTIONS: readonly Section[] = [apiOverhead, peer, load, scale, analysis, client];

function options(): { quick: boolean; only: Set<string> | null; skip: Set<string> } {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, skip: { type: 'string' } },
    strict: true,
  });
  const list = (text: string | undefined): Set<string> | null => (text === undefined ? null : new Set(text.split(',').map((s) => s.trim())));
  const only = list(values.only);
  const skip = list(values.skip) ?? new Set<string>();
  for (const name of [...(only ?? []), ...skip]) {
    if (!SECTIONS.some((s) => s.name === name)) throw new Error(`unknown section "${name}" (sections: ${SECTIONS.map((s) => s.name).join(', ')})`);
  }
  return { quick: values.quick, only, skip };
}

async function main(): Promise<number> {
  const opts = options();
  const ctx = createContext(opts.quick);
  const chosen = SECTIONS.filter((s) => (opts.only === null || opts.only.has(s.name)) && !opts.skip.has(s.name));
  const started = performance.now();
  const failed: string[] = [];
  try {
    for (const [index, section] of chosen.entries()) {
      ctx.log(`=== [${index + 1}/${chosen.length}] ${section.title}${opts.quick ? ' (quick)' : ''}`);
      const sectionStarted = performance.now();
      try {
        await section.run(ctx);
      } catch (error) {
        failed.push(section.name);
        ctx.log(`section ${section.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      ctx.log(`=== ${section.name} done in ${((performance.now() - sectionStarted) / 1000).toFixed(0)} s`);
    }
  } finally {
    await ctx.close();
  }
  ctx.log(
    `finished in ${((performance.now() - started) / 1000).toFixed(0)} s${failed.length > 0 ? `; FAILED: ${failed.join(', ')}` : ''}. Results: BENCHMARKS.md, artifacts/bench/`,
  );
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
