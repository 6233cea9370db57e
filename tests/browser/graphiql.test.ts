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
  it('loads offline and runs the example query', async () => {
    await page.goto(`${app.url}graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror-code', { timeout: 30_000 });
    // The editors finish initialising a moment after they appear; until then the run button
    // does nothing, so keep pressing it until the result arrives.
    await expect
      .poll(
        async () => {
          await page.click('.graphiql-execute-button');
          return page.evaluate(() => document.querySelector('.result-window')?.textContent ?? '');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('ri-pil-gyu');
    await screenshot(page, '11-graphiql');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
