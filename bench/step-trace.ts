/**
 * What makes the slow time steps slow: a Chrome trace (CDP Tracing with V8's sampling profiler) of `--steps` one-month steps against an app that is already
 * running, each step waiting for its frame and 300 ms more (as step-paint-probe.ts does). For
 * each step it takes the `]` key event's own span from the trace, and prints the slowest
 * `--slowest` steps with how many people and ties were drawn before and after, the garbage
 * collection inside the event (V8's "(garbage collector)" samples), and the functions with the most self time inside it (names are
 * readable with a client built without minification: `npx vite build --config
 * client/vite.config.ts --minify false`). Writes nothing unless `--out` names a file for the raw trace.
 *
 *   npx tsx bench/step-trace.ts --url http://127.0.0.1:4000/ [--persons 1000] [--steps 60] [--slowest 5] [--top 12]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/browser/harness.js';
import { openExplorerPage } from './lib/explorer-page.js';
import { ms } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    persons: { type: 'string', default: '1000' },
    steps: { type: 'string', default: '60' },
    slowest: { type: 'string', default: '5' },
    top: { type: 'string', default: '12' },
    out: { type: 'string' },
  },
  strict: true,
});
if (values.url === undefined) throw new Error('usage: step-trace.ts --url URL [--persons N] [--steps N] [--slowest N] [--top N] [--out FILE]');

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: { readonly data?: Record<string, unknown> };
}
interface ProfileNode {
  readonly id: number;
  readonly parent?: number;
  readonly callFrame: { readonly functionName: string; readonly url?: string; readonly lineNumber?: number };
}
interface Chunk {
  readonly cpuProfile?: { readonly nodes?: readonly ProfileNode[]; readonly samples?: readonly number[] };
  readonly timeDeltas?: readonly number[];
}

/** Marks around the key event, so its span is found in the trace whatever Chromium names it. */
const STEP_JS = `new Promise((resolve) => {
  const counts = () => (document.getElementById('perf')?.textContent ?? '').match(/(\\d+) people · (\\d+) ties/)?.slice(1).map(Number) ?? [];
  const before = counts();
  performance.mark('atlas-step-begin');
  const t0 = performance.now();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true }));
  const t1 = performance.now();
  performance.mark('atlas-step-end');
  requestAnimationFrame(() => setTimeout(() => resolve({ step: t1 - t0, before, after: counts() }), 300));
})`;

const browser = await launchChromium();
try {
  const persons = Number(values.persons);
  const page = await openExplorerPage(browser, values.url, persons);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types an event's fields as strings; the trace format has numbers too.
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-v8.cpu_profiler'],
    },
  });
  const steps: { step: number; before: number[]; after: number[] }[] = [];
  for (let i = 0; i < Number(values.steps); i += 1) steps.push(await page.evaluate(STEP_JS));
  await cdp.send('Tracing.end');
  await done;
  if (values.out !== undefined) writeFileSync(values.out, JSON.stringify(events));

  // The renderer's main thread: where the marks are, and the profile's samples.
  const begins = events.filter((e) => e.name === 'atlas-step-begin').sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === 'atlas-step-end').sort((a, b) => a.ts - b.ts);
  const main = begins[0];
  if (main === undefined || begins.length !== steps.length || ends.length !== steps.length)
    throw new Error(`expected ${steps.length} step marks in the trace, found ${begins.length} / ${ends.length}`);

  // Samples of V8's profiler, on the trace's clock.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id !== undefined) clock.set(e.id, Number(e.args?.data?.['startTime'] ?? e.ts));
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id === undefined || e.pid !== main.pid) continue;
    const chunk = e.args?.data as Chunk | undefined;
    for (const n of chunk?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let ts = clock.get(e.id) ?? 0;
    const deltas = chunk?.timeDeltas ?? [];
    (chunk?.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node });
    });
    clock.set(e.id, ts);
  }
  const GC = '(garbage collector) :0';
  const gcNode = [...nodes.values()].find((n) => n.callFrame.functionName === '(garbage collector)')?.id ?? -1;
  const label = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').replace(/^.*\//, '')}:${(n.callFrame.lineNumber ?? -1) + 1}`;

  const spans = steps.map((s, i) => ({ ...s, i, from: (begins[i] as TraceEvent).ts, to: (ends[i] as TraceEvent).ts }));
  // Per step: the garbage collector's samples inside it, and whether who is drawn changed.
  const gcMs = (from: number, to: number): number => {
    let us = 0;
    let prev = from;
    for (const sample of samples) {
      if (sample.ts < from || sample.ts > to) continue;
      if (sample.node === gcNode) us += sample.ts - prev;
      prev = sample.ts;
    }
    return us / 1000;
  };
  const slow = spans.filter((s) => s.step > 16);
  const slowGc = slow.filter((s) => gcMs(s.from, s.to) >= s.step / 3).length;
  const slowChanged = slow.filter((s) => s.before[0] !== s.after[0] || s.before[1] !== s.after[1]).length;
  console.log(
    `steps over 16 ms: ${slow.length} of ${spans.length}; of those, ${slowChanged} changed who is drawn, and in ${slowGc} garbage collection was a third or more of the step`,
  );
  const sorted = [...spans].sort((a, b) => a.step - b.step);
  const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]?.step ?? NaN;
  console.log(`${persons === 0 ? 'curated' : persons}: ${steps.length} steps, step p50 ${ms(q(0.5))} p95 ${ms(q(0.95))} max ${ms(q(1))} ms`);
  for (const s of [...spans].sort((a, b) => b.step - a.step).slice(0, Number(values.slowest))) {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let prev = s.from;
    for (const sample of samples) {
      if (sample.ts < s.from || sample.ts > s.to) continue;
      const us = sample.ts - prev;
      prev = sample.ts;
      const leaf = nodes.get(sample.node);
      if (leaf === undefined) continue;
      self.set(label(leaf), (self.get(label(leaf)) ?? 0) + us);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n !== undefined; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const name = label(n);
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
    const top = (m: Map<string, number>): string =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, Number(values.top))
        .map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(6)} ms  ${name}`)
        .join('\n');
    console.log(
      `step ${s.i}: ${ms(s.step)} ms; people ${s.before[0] ?? '?'} -> ${s.after[0] ?? '?'}, ties ${s.before[1] ?? '?'} -> ${s.after[1] ?? '?'}; garbage collection inside ${ms((self.get(GC) ?? 0) / 1000)} ms`,
    );
    console.log(`  self:\n${top(self)}\n  inclusive:\n${top(inclusive)}`);
  }
} finally {
  await browser.close();
}
