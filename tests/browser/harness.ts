/**
 * Shared by the browser tests: builds the client if its sources are newer than client/dist,
 * serves the real app (createApp on the suite's Neo4j, port 0), and launches Debian's
 * headless Chromium through playwright-core; useBrowserSuite does all of that (and the tear-down)
 * for a test file. Screenshots go to artifacts/screenshots/.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';
import { openTestDatabase } from '../setup/database.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export async function ensureClientBuilt(): Promise<void> {
  const index = path.join(ROOT, 'client/dist/index.html');
  let built = 0;
  try {
    built = statSync(index).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newest(path.join(ROOT, 'client/src')), statSync(path.join(ROOT, 'client/index.html')).mtimeMs);
  if (built > sources) return;
  await build({ configFile: path.join(ROOT, 'client/vite.config.ts'), logLevel: 'warn' });
}

export interface RunningApp {
  readonly url: string;
  stop(): Promise<void>;
}

export async function serveApp(db: Database): Promise<RunningApp> {
  const config = { ...loadConfig({}, ROOT), port: 0 };
  const app = await createApp({ config, db });
  const server = app.express.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}

export interface BrowserSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** The suite's own page (absent when the suite was asked for none). */
  readonly page: Page;
  /** Uncaught errors and console errors of the suite's page (watchErrors). */
  readonly errors: string[];
}

export interface BrowserSuiteOptions {
  /** Options of the suite's page, over a 1600x1000 viewport; false for no page (tests open their own). */
  readonly page?: BrowserContextOptions | false;
  /** Runs once the page is open, still inside beforeAll (a first navigation, request routes). */
  readonly ready?: (suite: BrowserSuite) => Promise<void>;
}

/**
 * Registers the beforeAll/afterAll of a browser test file: the client built, the app served on
 * the suite's Neo4j, Chromium launched and a page opened; all of it closed afterwards. Call it at
 * the top level of the file; its fields can be read once beforeAll has run.
 */
export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let db: Database | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite's ${what} is not open (read it inside a test, after beforeAll)`);
    return value;
  };
  const suite: BrowserSuite = {
    get app() {
      return started(app, 'app');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
    errors,
  };
  beforeAll(async () => {
    await ensureClientBuilt();
    db = openTestDatabase();
    app = await serveApp(db);
    browser = await launchChromium();
    if (options.page !== false) {
      page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, ...options.page });
      watchErrors(page, errors);
    }
    await options.ready?.(suite);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.close();
  });
  return suite;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Collects uncaught page errors (into `errors`, or a new list) so a test can assert there were none. */
export function watchErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export interface PerfSnapshot {
  frames: number;
  lastMs: number;
  maxMs: number;
  meanMs: number;
  p95Ms: number;
  computeMeanMs: number;
  moves: number;
  persons: number;
  ties: number;
  layoutMs: number;
  /** Step plus the redraw of the frame after it (client/src/perf.ts). */
  paintedP95Ms: number;
  paintedMeanMs: number;
  paintedFrames: number;
  layoutRuns: number;
}

export function readPerf(page: Page): Promise<PerfSnapshot> {
  return page.evaluate(() => {
    const perf = window.__atlasPerf;
    if (perf === undefined) throw new Error('the client did not expose window.__atlasPerf');
    return perf();
  });
}

/**
 * Steps the date `steps` months with the keyboard, each step a real state change, and (unless
 * told not to) waits for the frame after each step, so every step is drawn and timed on its own.
 */
export async function scrub(page: Page, steps: number, key = ']', waitForFrames = true): Promise<PerfSnapshot> {
  await page.evaluate(() => (window as unknown as { __atlasPerfReset: () => void }).__atlasPerfReset());
  await page.locator('body').focus();
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press(key);
    if (waitForFrames) await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  }
  return readPerf(page);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core on the page as it is and returns the serious and critical violations. The app
 * sends a strict Content-Security-Policy (script-src 'self'), so axe is evaluated through the
 * DevTools protocol (page.evaluate of its source), which the policy does not govern, never
 * added as an inline script tag.
 */
export async function seriousAxeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async (context) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  }, include);
}
