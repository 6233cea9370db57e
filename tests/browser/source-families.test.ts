// @vitest-environment node
/**
 * The source-family filter in the real built explorer (curated seed, headless Chromium): ticking
 * a family narrows the network, lands in the permalink and comes back from it; the person panel
 * shows the factions per family side by side.
 */
import { describe, expect, it } from 'vitest';
import { readPerf, screenshot, useBrowserSuite, watchErrors } from './harness.js';

const suite = useBrowserSuite();

describe('the source-family filter', () => {
  it('narrows the network to what one family records, and keeps it in the permalink', async () => {
    await suite.page.goto(`${suite.app.url}?at=1956-09`);
    await suite.page.waitForSelector('#overview', { timeout: 30_000 });
    await expect.poll(() => suite.page.locator('#status').innerText()).toMatch(/people, \d+ events/);
    const before = await readPerf(suite.page);
    expect(before.persons).toBeGreaterThan(10);
    // Only the Soviet-archive studies: far fewer people and ties than all the sources together.
    await suite.page.check('#filter-family-SOVIET_ARCHIVES_AS_READ');
    await expect.poll(() => suite.page.url()).toContain('fam=SOVIET_ARCHIVES_AS_READ');
    await expect.poll(async () => (await readPerf(suite.page)).persons).toBeLessThan(before.persons);
    const filtered = await readPerf(suite.page);
    expect(filtered.ties).toBeLessThanOrEqual(before.ties);
    await screenshot(suite.page, 'families-01-soviet-archives');

    const second = await suite.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const secondErrors = watchErrors(second);
    await second.goto(suite.page.url());
    await second.waitForSelector('#overview', { timeout: 30_000 });
    expect(await second.locator('#filter-family-SOVIET_ARCHIVES_AS_READ').isChecked()).toBe(true);
    expect(await second.locator('#filter-family-DPRK_OFFICIAL').isChecked()).toBe(false);
    await expect.poll(async () => (await readPerf(second)).persons).toBe(filtered.persons);
    expect(secondErrors).toEqual([]);
    await second.close();

    await suite.page.uncheck('#filter-family-SOVIET_ARCHIVES_AS_READ');
    await expect.poll(() => suite.page.url()).not.toContain('fam=');
    await expect.poll(async () => (await readPerf(suite.page)).persons).toBe(before.persons);
  });

  it("shows a person's factions per source family side by side", async () => {
    // Kim Sung-hwa's Soviet-faction membership is cited by a Chinese-archive and a Soviet-archive study.
    await suite.page.goto(`${suite.app.url}?at=1956-09&p=kim-sung-hwa`);
    await suite.page.waitForSelector('#person-families', { timeout: 30_000 });
    const rows = await suite.page.locator('#person-families tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Soviet archives, as read by scholars Soviet faction',
      'Chinese archives, as read by scholars Soviet faction',
    ]);
    expect(await suite.page.locator('#person-families-verdict').innerText()).toContain('agree');
    await screenshot(suite.page, 'families-02-person');
    expect(suite.errors).toEqual([]);
  });

  it("follows the ticked families in a person's panel: their events and status", async () => {
    // Only Western scholarship records the 1967 purge of Ri Hyo-sun (seed/events/1957-1970.yaml).
    const purge = 'Pak Kum-chol and Ri Hyo-sun purged';
    const panel = () => suite.page.locator('#person-details').innerText();
    await suite.page.goto(`${suite.app.url}?at=1967-12&p=ri-hyo-sun`);
    await suite.page.waitForSelector('#person-details', { timeout: 30_000 });
    await expect.poll(panel).toContain(purge);
    await suite.page.check('#filter-family-CHINESE_ARCHIVES_AS_READ');
    await expect.poll(() => suite.page.url()).toContain('fam=CHINESE_ARCHIVES_AS_READ');
    await expect.poll(panel).not.toContain(purge);
    await screenshot(suite.page, 'families-03-person-filtered');
    await suite.page.uncheck('#filter-family-CHINESE_ARCHIVES_AS_READ');
    await expect.poll(panel).toContain(purge);
    expect(suite.errors).toEqual([]);
  });
});
