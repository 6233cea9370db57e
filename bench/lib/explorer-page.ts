import type { Browser, Page } from 'playwright-core';
import { syntheticTimelineResponse } from '../../tests/browser/synthetic-timeline.js';

/**
 * The explorer as the step probes drive it (step-trace.ts, step-cpu-profile.ts): a 1600x1000 page
 * (the window) on the app at `url`, dated January 1950. With `persons` > 0 its timeline
 * query is answered with that many synthetic people (tests/browser/synthetic-timeline.ts); every
 * other request reaches the app. Resolves once the overview is drawn and the first frame settled.
 */
export async function openExplorerPage(browser: Browser, url: string, persons: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  if (persons > 0) {
    const body = JSON.stringify(syntheticTimelineResponse(persons));
    await page.route('**/graphql', async (route) => {
      const query = (route.request().postDataJSON() as { query?: string }).query ?? '';
      if (query.includes('timeline')) await route.fulfill({ status: 200, contentType: 'application/json', body });
      else await route.continue();
    });
  }
  await page.goto(`${url}?at=1950-01-01`);
  await page.waitForSelector('#overview', { timeout: 300_000 });
  await page.waitForTimeout(1500);
  return page;
}
