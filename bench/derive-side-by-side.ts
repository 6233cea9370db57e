/**
 * The time rules' cost at seed load: deriveTime (server/src/seed/derive.ts) over one synthetic
 * dataset, this checkout against another build (a `git worktree add --detach DIR <commit>` with
 * node_modules linked in), alternating which goes first each round. Pure CPU, no database.
 *
 *   npx tsx bench/derive-side-by-side.ts --baseline DIR [--persons 100000] [--rounds 4]
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Dataset } from '../server/src/seed/dataset.js';
import { deriveTime } from '../server/src/seed/derive.js';
import { generateSyntheticDataset } from '../server/src/seed/synthetic.js';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = arg('--baseline');
if (baseline === undefined) throw new Error('--baseline DIR is required: the other build to compare with');
const persons = Number(arg('--persons') ?? 100_000);
const rounds = Number(arg('--rounds') ?? 4);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

const old = (await import(path.join(path.resolve(baseline), 'server/src/seed/derive.ts'))) as { deriveTime: (dataset: Dataset) => unknown };
const dataset = generateSyntheticDataset({ persons });
const runs: Record<'OLD' | 'NEW', (dataset: Dataset) => unknown> = { OLD: old.deriveTime, NEW: deriveTime };
const times: Record<'OLD' | 'NEW', number[]> = { OLD: [], NEW: [] };
console.log(`persons ${persons}, rounds ${rounds}, load at start ${load()}`);
for (let round = 0; round < rounds; round += 1) {
  for (const which of round % 2 === 0 ? (['OLD', 'NEW'] as const) : (['NEW', 'OLD'] as const)) {
    const started = performance.now();
    runs[which](dataset);
    times[which].push(performance.now() - started);
  }
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
for (const which of ['OLD', 'NEW'] as const)
  console.log(`${which} median ${median(times[which]).toFixed(0)} ms [${times[which].map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`NEW / OLD median ${(median(times.NEW) / median(times.OLD)).toFixed(2)}; load at end ${load()}`);
