// @vitest-environment node
/**
 * GraphiQL at /graphql works with no network but our own server: the page, its scripts and
 * styles all come from the app, and a query runs from the editor.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from './harness.js';

const foreignRequests: string[] = [];

const suite = useBrowserSuite({
  page: { viewport: { width: 1400, height: 900 } },
  // Anything not from our server is refused, as it would be on an offline machine.
  ready: async ({ app, page }) => {
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(app.url)) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
  },
});

describe('GraphiQL at /graphql', () => {
  it('loads offline and runs the example query', { timeout: 120_000 }, async () => {
    await suite.page.goto(`${suite.app.url}graphql`);
    await suite.page.waitForSelector('.graphiql-query-editor .CodeMirror-code', { timeout: 30_000 });
    // The editors finish initialising a moment after they appear; until then the run button
    // does nothing, so press it again while it still offers to run (pressing it while a query
    // runs would stop that query) until the result arrives.
    await expect
      .poll(
        async () => {
          const result = await suite.page.evaluate(() => document.querySelector('.result-window')?.textContent ?? '');
          if (result.includes('ri-pil-gyu')) return result;
          const idle = await suite.page.locator('.graphiql-execute-button[aria-label^="Execute"]').count();
          if (idle > 0) await suite.page.click('.graphiql-execute-button');
          return result;
        },
        { timeout: 60_000, interval: 1500 },
      )
      .toContain('ri-pil-gyu');
    await screenshot(suite.page, '11-graphiql');
    expect(foreignRequests).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
