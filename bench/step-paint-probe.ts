/**
 * Time steps until drawn, against apps that are already running (one per checkout), alternating
 * the checkouts size by size in one headless Chromium, so load on this shared machine falls on
 * both alike. Per step, timed from outside the app the same way for any checkout: the `]` key
 * event ("step"), then the frame after it up to the end of Cytoscape's redraw (its render loop's
 * rAF callback runs before the probe's in that frame: "frame"), and the busy time of the frames
 * in the 300 ms after it (a fade, or a redraw spread over frames, shows there: "after"), and the
 * app's own figure for the map's part of each step (window.__atlasPerf p95Ms, MapController.draw).
 * Synthetic sizes are served in place of each app's Timeline response, from that checkout's own
 * tests/browser/synthetic-timeline.ts (its wire shape).
 *
 *   npx tsx bench/step-paint-probe.ts --urls http://127.0.0.1:A/,http://127.0.0.1:B/ \
 *     --roots /work/wt-old,/work/wt-b [--labels old,new] [--sizes 0,1000,5000] [--steps 20] [--chromium-args '...']
 *
 * Start each app first, e.g. `PORT=... ATLAS_NEO4J_BOLT_PORT=... ATLAS_DATA_DIR=... npm start` in
 * each checkout (size 0 = the app's own curated data). Prints one line per checkout and size.
 * Writes nothing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/browser/harness.js';
import { ms } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    urls: { type: 'string' },
    roots: { type: 'string' },
    labels: { type: 'string', default: 'old,new' },
    sizes: { type: 'string', default: '0,1000,5000' },
    steps: { type: 'string', default: '20' },
    'chromium-args': { type: 'string', default: '' },
  },
  strict: true,
});
if (values.urls === undefined || values.roots === undefined)
  throw new Error('usage: step-paint-probe.ts --urls A,B --roots A,B [--labels a,b] [--sizes 0,1000] [--steps N]');
const urls = values.urls.split(',');
const roots = values.roots.split(',');
const labels = values.labels.split(',');

type Generator = (persons: number) => unknown;
const generators: Generator[] = [];
for (const root of roots) {
  const module = (await import(pathToFileURL(path.join(root, 'tests/browser/synthetic-timeline.ts')).href)) as { syntheticTimelineResponse: Generator };
  generators.push(module.syntheticTimelineResponse);
}

interface StepTiming {
  readonly step: number;
  readonly frame: number;
  readonly after: number;
}

/** A string, not a function: tsx would wrap the inner closures in a helper the page lacks. */
const STEP_JS = `new Promise((resolve) => {
  const t0 = performance.now();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true }));
  const t1 = performance.now();
  requestAnimationFrame((ts) => {
    const frame = performance.now() - Math.max(ts, t1);
    const tf = performance.now();
    let busy = 0;
    const tick = (ts2) => {
      busy += Math.max(0, performance.now() - ts2);
      if (performance.now() - tf < 300) requestAnimationFrame(tick);
      else resolve({ step: t1 - t0, frame, after: busy });
    };
    requestAnimationFrame(tick);
  });
})`;

const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
};

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...values['chromium-args'].split(' ').filter((a) => a !== '')],
});
try {
  for (const persons of values.sizes.split(',').map(Number)) {
    for (const [k, url] of urls.entries()) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      const generate = generators[k];
      if (persons > 0 && generate !== undefined) {
        const body = JSON.stringify(generate(persons));
        await page.route('**/graphql', async (route) => {
          const query = (route.request().postDataJSON() as { query?: string }).query ?? '';
          if (query.includes('timeline')) await route.fulfill({ status: 200, contentType: 'application/json', body });
          else await route.continue();
        });
      }
      const started = Date.now();
      await page.goto(`${url}?at=1950-01-01`);
      await page.waitForSelector('#overview', { timeout: 300_000 });
      const loadMs = Date.now() - started;
      await page.waitForTimeout(1500);
      await page.evaluate('window.__atlasPerfReset?.()');
      const timings: StepTiming[] = [];
      for (let i = 0; i < Number(values.steps); i += 1) timings.push(await page.evaluate<StepTiming>(STEP_JS));
      // The app's own figure: the map's part of each step (MapController.draw), window.__atlasPerf.
      const own = await page.evaluate<{ p95Ms: number; meanMs: number } | null>('window.__atlasPerf?.() ?? null');
      const painted = timings.map((t) => t.step + t.frame);
      const line = (name: string, xs: readonly number[]): string => `${name} p50 ${ms(quantile(xs, 0.5))} p95 ${ms(quantile(xs, 0.95))}`;
      console.log(
        `${labels[k] ?? url} ${persons === 0 ? 'curated' : persons}: load ${loadMs} ms; ${line(
          'step',
          timings.map((t) => t.step),
        )}; ${line(
          'frame',
          timings.map((t) => t.frame),
        )}; ${line('step+frame', painted)} max ${ms(quantile(painted, 1))}; ${line(
          '300ms-after busy',
          timings.map((t) => t.after),
        )}; app's map draw (__atlasPerf) mean ${ms(own?.meanMs ?? NaN)} p95 ${ms(own?.p95Ms ?? NaN)} (ms)`,
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
}
