/**
 * The client's time step in headless Chromium, two checkouts side by side: each checkout serves
 * its own built client and API on its own curated Neo4j (its bench context), and one browser
 * alternates between them round by round (A, B, A, B ...), on the curated data and on the
 * synthetic 1k timeline (served in place of the Timeline response, as bench/sections/client.ts
 * does), so load on this shared machine falls on both alike. Per round: one page, `--steps`
 * one-month steps with the keyboard from 1950-01, step times from window.__atlasPerf.
 *
 *   npx tsx bench/client-side-by-side.ts --roots /work/wt-old,/work/main [--labels old,new] [--rounds 4] [--steps 60]
 *
 * Each root needs its node_modules and a built client (built here if stale). Prints, per data
 * size and checkout, the pooled step median / p95 / mean and the ratios B / A. Writes nothing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium, type PerfSnapshot } from '../tests/browser/harness.js';
import { ms, ratio } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    roots: { type: 'string' },
    labels: { type: 'string', default: 'old,new' },
    rounds: { type: 'string', default: '4' },
    steps: { type: 'string', default: '60' },
    sizes: { type: 'string', default: 'curated,1k' },
  },
  strict: true,
});
if (values.roots === undefined) throw new Error('usage: client-side-by-side.ts --roots A,B [--labels a,b] [--rounds N] [--steps N]');
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Served {
  readonly label: string;
  readonly url: string;
  readonly timelines: Readonly<Record<string, string | null>>;
  stop(): Promise<void>;
}

const load = async (root: string, file: string): Promise<Record<string, unknown>> =>
  (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;

async function serve(root: string, label: string): Promise<Served> {
  const harness = await load(root, 'tests/browser/harness.ts');
  const context = await load(root, 'bench/lib/context.ts');
  const synthetic = await load(root, 'tests/browser/synthetic-timeline.ts');
  await (harness['ensureClientBuilt'] as () => Promise<void>)();
  const ctx = (context['createContext'] as (quick: boolean) => { curated(): Promise<{ db: unknown }>; close(): Promise<void> })(false);
  const { db } = await ctx.curated();
  const app = await (harness['serveApp'] as (db: unknown) => Promise<{ url: string; stop(): Promise<void> }>)(db);
  const timelines: Record<string, string | null> = { curated: null };
  for (const size of sizes) {
    if (size !== 'curated')
      timelines[size] = JSON.stringify((synthetic['syntheticTimelineResponse'] as (n: number) => unknown)(Number(size.replace('k', '')) * 1000));
  }
  log(`${label}: ${root} at ${app.url}`);
  return {
    label,
    url: app.url,
    timelines,
    async stop() {
      await app.stop();
      await ctx.close();
    },
  };
}

/**
 * One step, timed from outside the app (a string: tsx would wrap a function's inner closures in
 * a helper the page does not have). The probe's rAF is queued after Cytoscape's render loop
 * re-queued itself, so it runs once that frame's drawing is done.
 */
const STEP_TO_PAINT = `new Promise((resolve) => {
  const started = performance.now();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true }));
  const handled = performance.now();
  requestAnimationFrame((frameStart) => resolve(handled - started + Math.max(0, performance.now() - Math.max(frameStart, handled))));
})`;

async function measure(browser: Browser, served: Served, data: string, steps: number): Promise<PerfSnapshot & { steps: number[]; painted: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const timeline = served.timelines[data] ?? null;
  if (timeline !== null) {
    await page.route('**/graphql', async (route) => {
      const query = (route.request().postDataJSON() as { query?: string }).query ?? '';
      if (query.includes('timeline')) await route.fulfill({ status: 200, contentType: 'application/json', body: timeline });
      else await route.continue();
    });
  }
  await page.goto(`${served.url}?at=1950-01-01`);
  await page.waitForSelector('#overview', { timeout: 600_000 });
  // Let the first draw, the fit and the deferred panels settle before timing steps.
  await page.waitForTimeout(1000);
  await page.evaluate(() => (window as unknown as { __atlasPerfReset: () => void }).__atlasPerfReset());
  const stepMs: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < steps; i += 1) {
    painted.push(await page.evaluate<number>(STEP_TO_PAINT));
    stepMs.push(await page.evaluate(() => (window as unknown as { __atlasPerf: () => PerfSnapshot }).__atlasPerf().lastMs));
  }
  const perf = await page.evaluate(() => (window as unknown as { __atlasPerf: () => PerfSnapshot }).__atlasPerf());
  await page.close();
  return { ...perf, steps: stepMs, painted };
}

const summary = (times: readonly number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
};

const labels = values.labels.split(',');
const sizes = values.sizes.split(',');
const served: Served[] = [];
for (const [i, root] of values.roots.split(',').entries()) served.push(await serve(root, labels[i] ?? root));
const browser = await launchChromium();
const pooled = new Map<string, number[]>();
try {
  for (let round = 0; round < Number(values.rounds); round += 1) {
    for (const data of sizes) {
      for (const s of round % 2 === 0 ? served : [...served].reverse()) {
        const result = await measure(browser, s, data, Number(values.steps));
        const key = `${data} ${s.label}`;
        pooled.set(key, [...(pooled.get(key) ?? []), ...result.steps]);
        pooled.set(`${key} painted`, [...(pooled.get(`${key} painted`) ?? []), ...result.painted]);
        const p = summary(result.painted);
        log(
          `round ${round + 1} ${key}: step p95 ${ms(result.p95Ms)} ms, mean ${ms(result.meanMs)} ms, compute mean ${ms(result.computeMeanMs)} ms; painted median ${ms(p.median)}, p95 ${ms(p.p95)} ms; ${result.persons} persons / ${result.ties} ties drawn`,
        );
      }
    }
  }
} finally {
  await browser.close();
  for (const s of served) await s.stop();
}
for (const data of sizes) {
  for (const kind of ['step', 'painted']) {
    const suffix = kind === 'painted' ? ' painted' : '';
    const [a, b] = served.map((s) => ({ label: s.label, ...summary(pooled.get(`${data} ${s.label}${suffix}`) ?? []) }));
    for (const s of [a!, b!]) log(`${data} ${s.label} ${kind}: median ${ms(s.median)} ms, p95 ${ms(s.p95)} ms, mean ${ms(s.mean)} ms`);
    log(`${data} ${kind} ${b!.label}/${a!.label}: median ${ratio(b!.median, a!.median)}, p95 ${ratio(b!.p95, a!.p95)}, mean ${ratio(b!.mean, a!.mean)}`);
  }
}
