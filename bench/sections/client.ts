/**
 * Client: the built web client in headless Chromium (the browser tests' harness, reused):
 * first render (navigation to the drawn overview) and per-time-step update time from the page's
 * own window.__atlasPerf, on the curated data and on the synthetic generator's 1k and 5k persons
 * (served in place of the Timeline response, as tests/browser/scale.test.ts does).
 */
import type { Browser } from 'playwright-core';
import { ensureClientBuilt, launchChromium, scrub, serveApp, watchErrors, type PerfSnapshot } from '../../tests/browser/harness.js';
import { syntheticTimelineResponse } from '../../tests/browser/synthetic-timeline.js';
import type { BenchContext, Section } from '../lib/context.js';
import { BENCHMARKS_MD, saveJson, table, writeSection } from '../lib/report.js';
import { ms } from '../lib/stats.js';

interface ClientResult extends PerfSnapshot {
  readonly label: string;
  readonly firstRenderMs: number;
  readonly pageErrors: number;
}

// Issue 11, item 9: p95 per time step, counted until the step is drawn (paintedP95Ms).
const TARGETS: Readonly<Record<string, number>> = { curated: 16, '1k': 16, '5k': 50 };

async function measure(browser: Browser, url: string, label: string, steps: number, timeline: string | null): Promise<ClientResult> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = watchErrors(page);
  if (timeline !== null) {
    await page.route('**/graphql', async (route) => {
      const query = (route.request().postDataJSON() as { query?: string }).query ?? '';
      if (query.includes('timeline')) await route.fulfill({ status: 200, contentType: 'application/json', body: timeline });
      else await route.continue();
    });
  }
  const started = performance.now();
  await page.goto(`${url}?at=1950-01-01`);
  await page.waitForSelector('#overview', { timeout: 180_000 });
  const firstRenderMs = performance.now() - started;
  const perf = await scrub(page, steps);
  await page.close();
  return { ...perf, label, firstRenderMs, pageErrors: errors.length };
}

export const client: Section = {
  name: 'client',
  title: 'Client (headless Chromium)',
  async run(ctx: BenchContext) {
    await ensureClientBuilt();
    const { neo4j } = await ctx.curated();
    const { Database } = await import('../../server/src/db/database.js');
    const db = Database.connect(neo4j.connection);
    const app = await serveApp(db);
    const browser = await launchChromium();
    const steps = ctx.quick ? 20 : 60;
    const results: ClientResult[] = [];
    try {
      for (const [label, persons] of [
        ['curated', 0],
        ['1k', 1000],
        ['5k', 5000],
      ] as const) {
        const timeline = persons === 0 ? null : JSON.stringify(syntheticTimelineResponse(persons));
        const result = await measure(browser, app.url, label, steps, timeline);
        results.push(result);
        ctx.log(
          `${label}: first render ${ms(result.firstRenderMs)} ms (layout ${ms(result.layoutMs)} ms), time step mean ${ms(result.meanMs)} / p95 ${ms(result.p95Ms)} / max ${ms(result.maxMs)} ms, until drawn mean ${ms(result.paintedMeanMs)} / p95 ${ms(result.paintedP95Ms)} ms over ${result.frames} steps, ${result.layoutRuns} layouts, ${result.persons} persons, ${result.ties} ties`,
        );
      }
    } finally {
      await browser.close();
      await app.stop();
      await db.close();
    }
    saveJson('client', results);
    writeSection(
      BENCHMARKS_MD,
      'client',
      [
        `Headless Chromium (/usr/bin/chromium via playwright-core, software rendering, 1600x1000). ${steps} one-month time steps with the keyboard per size, each waiting for its frame; times from window.__atlasPerf (client/src/perf.ts): "step" is the step's own work, "until drawn" adds the redraw of the frame after it (the target applies to that). First render = navigation until the overview is drawn.`,
        '',
        table(
          [
            'data',
            'persons / ties drawn',
            'first render (ms)',
            'layout (ms)',
            'step mean / p95',
            'until drawn mean / p95',
            'layouts while scrubbing',
            'target (p95 until drawn)',
            'verdict',
          ],
          results.map((r) => {
            const target = TARGETS[r.label];
            return [
              r.label,
              `${r.persons} / ${r.ties}`,
              ms(r.firstRenderMs),
              ms(r.layoutMs),
              `${ms(r.meanMs)} / ${ms(r.p95Ms)}`,
              `${ms(r.paintedMeanMs)} / ${ms(r.paintedP95Ms)}`,
              String(r.layoutRuns),
              target === undefined ? 'recorded' : `<= ${target} ms`,
              target === undefined ? '' : r.paintedP95Ms <= target ? 'met' : `missed by ${((r.paintedP95Ms / target - 1) * 100).toFixed(0)}%`,
            ];
          }),
        ),
      ].join('\n'),
    );
  },
};
