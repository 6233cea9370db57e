/**
 * The client's time step without the browser, two checkouts side by side: the pure part of a
 * step (client/src/state/frame.ts computeFrame on the adapted synthetic timeline) for monthly
 * steps from 1950-01, alternating checkout A and B step by step in one process, so that load on
 * this shared machine falls on both alike. The browser's step (bench/sections/client.ts) adds
 * the Cytoscape update on top of this.
 *
 *   npx tsx bench/frame-side-by-side.ts --roots /work/wt-old,/work/main [--labels old,new] [--persons 1000] [--steps 60] [--rounds 5]
 *
 * Each root must hold client/src/api.ts (adaptTimeline), client/src/state/frame.ts (prepare,
 * computeFrame), client/src/state/filters.ts (NO_FILTERS) and tests/browser/synthetic-timeline.ts.
 * Prints median / p95 / mean per checkout and the ratios B / A. Writes nothing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ms, ratio } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    roots: { type: 'string' },
    labels: { type: 'string', default: 'old,new' },
    persons: { type: 'string', default: '1000' },
    steps: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '5' },
  },
  strict: true,
});
if (values.roots === undefined) throw new Error('usage: frame-side-by-side.ts --roots A,B [--labels a,b] [--persons N] [--steps N] [--rounds N]');

interface Checkout {
  readonly label: string;
  readonly prepared: unknown;
  readonly computeFrame: (prepared: unknown, day: number) => { persons: { size: number } };
  readonly times: number[];
}

const load = async (root: string, file: string): Promise<Record<string, unknown>> =>
  (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;

const days: number[] = [];
for (let i = 0; i < Number(values.steps); i += 1) days.push(Date.UTC(1950, i, 1) / 86_400_000);

const labels = values.labels.split(',');
const checkouts: Checkout[] = [];
for (const [i, root] of values.roots.split(',').entries()) {
  const api = await load(root, 'client/src/api.ts');
  const frame = await load(root, 'client/src/state/frame.ts');
  const filters = await load(root, 'client/src/state/filters.ts');
  const synthetic = await load(root, 'tests/browser/synthetic-timeline.ts');
  const wire = (synthetic['syntheticTimelineResponse'] as (n: number) => { data: unknown })(Number(values.persons));
  const timeline = (api['adaptTimeline'] as (w: unknown) => unknown)(wire.data);
  const prepared = (frame['prepare'] as (t: unknown, f: unknown) => unknown)(timeline, filters['NO_FILTERS']);
  checkouts.push({ label: labels[i] ?? root, prepared, computeFrame: frame['computeFrame'] as Checkout['computeFrame'], times: [] });
}

for (let round = 0; round < Number(values.rounds) + 1; round += 1) {
  for (const day of days) {
    for (const c of checkouts) {
      const started = performance.now();
      const f = c.computeFrame(c.prepared, day);
      const elapsed = performance.now() - started;
      if (round > 0) c.times.push(elapsed); // round 0 warms the JIT
      if (f.persons.size < 0) throw new Error('unreachable');
    }
  }
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.floor(sorted.length * 0.95)]!,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
};
const [a, b] = checkouts.map((c) => ({ label: c.label, ...summary(c.times), n: c.times.length }));
for (const s of [a!, b!])
  console.log(`${s.label}: computeFrame median ${ms(s.median)} ms, p95 ${ms(s.p95)} ms, mean ${ms(s.mean)} ms (n=${s.n}, ${values.persons} persons)`);
console.log(`${b!.label}/${a!.label}: median ${ratio(b!.median, a!.median)}, p95 ${ratio(b!.p95, a!.p95)}, mean ${ratio(b!.mean, a!.mean)}`);
