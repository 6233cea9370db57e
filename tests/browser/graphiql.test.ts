// @vitest-environment node
/**
 * GraphiQL at /graphql works with no network but our own server: the page, its scripts and
 * styles all come from the app, and a query runs from the editor.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { openTestDatabase } from '../setup/database.js';
import { ensureClientBuilt, launchChromium, screenshot, serveApp, watchErrors, type RunningApp } from './harness.js';

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[];
const foreignRequests: string[] = [];

beforeAll(async () => {
  await ensureClientBuilt();
  db = openTestDatabase();
  app = await serveApp(db);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  errors = watchErrors(page);
  // Anything not from our server is refused, as it would be on an offline machine.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(app.url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await db?.close();
});

describe('GraphiQL at /graphql', () => {
  it('loads offline and runs the example query', { timeout: 120_000 }, async () => {
    await page.goto(`${app.url}graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror-code', { timeout: 30_000 });
    // The editors finish initialising a moment after they appear; until then the run button
    // does nothing, so press it again while it still offers to run (pressing it while a query
    // runs would stop that query) until the result arrives.
    await expect
      .poll(
        async () => {
          const result = await page.evaluate(() => document.querySelector('.result-window')?.textContent ?? '');
          if (result.includes('ri-pil-gyu')) return result;
          const idle = await page.locator('.graphiql-execute-button[aria-label^="Execute"]').count();
          if (idle > 0) await page.click('.graphiql-execute-button');
          return result;
        },
        { timeout: 60_000, interval: 1500 },
      )
      .toContain('ri-pil-gyu');
    await screenshot(page, '11-graphiql');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
