/**
 * A V8 CPU profile of time steps in headless Chromium, against an app that is already running:
 * loads the page (a synthetic size is served in place of the Timeline response, as
 * step-paint-probe.ts does), then records `--steps` one-month steps with the keyboard, each
 * waiting for the frame after it and 300 ms more, through the Chrome DevTools Protocol. Writes
 * the .cpuprofile to `--out` (summarise it with bench/cpu-profile-top.ts). For readable names,
 * serve a client built without minification (`npx vite build --config client/vite.config.ts
 * --minify false`).
 *
 *   npx tsx bench/step-cpu-profile.ts --url http://127.0.0.1:4000/ [--persons 1000] [--steps 12] --out artifacts/step.cpuprofile
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/browser/harness.js';
import { openExplorerPage } from './lib/explorer-page.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    persons: { type: 'string', default: '1000' },
    steps: { type: 'string', default: '12' },
    out: { type: 'string' },
  },
  strict: true,
});
if (values.url === undefined || values.out === undefined) throw new Error('usage: step-cpu-profile.ts --url URL --out FILE [--persons N] [--steps N]');

/** A string, not a function: tsx would wrap the inner closures in a helper the page lacks. */
const STEP_JS = `new Promise((resolve) => {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true }));
  requestAnimationFrame(() => setTimeout(resolve, 300));
})`;

const browser = await launchChromium();
try {
  const page = await openExplorerPage(browser, values.url, Number(values.persons));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Map<string, number>> => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < Number(values.steps); i += 1) await page.evaluate(STEP_JS);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(values.out, JSON.stringify(profile));
  const after = await metrics();
  // The browser's own share of the steps (style, layout of the page's DOM), beside script time.
  const spent = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']
    .map((name) => `${name} ${(((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000).toFixed(0)} ms`)
    .join(', ');
  console.log(`wrote ${values.out}; over ${values.steps} steps: ${spent}`);
} finally {
  await browser.close();
}
