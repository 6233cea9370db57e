// @vitest-environment node
/**
 * The map as a reader first sees it, at 1600x1000 on the curated data: every shown name at
 * 11 px or more on screen, nodes at 16 px or more, faction names legible, nothing past the
 * canvas edge, the canvas used; and one stable map: two loads of one link give identical
 * positions, and people who persist do not move while the date changes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ViewReport } from '../../client/src/graph/view-report.js';
import { screenshot, useBrowserSuite, watchErrors } from './harness.js';

type View = ViewReport & { positions: Record<string, { x: number; y: number }> };

const suite = useBrowserSuite({ page: false });

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(`${suite.app.url}${query}`);
  await page.waitForSelector('#overview', { timeout: 60_000 });
  await page.waitForFunction(() => window.__atlasView !== undefined);
  return { page, errors };
}

const view = (page: Page): Promise<View> =>
  page.evaluate(() => {
    const report = window.__atlasView;
    if (report === undefined) throw new Error('the client did not expose window.__atlasView');
    return report();
  });

describe('readable by default', () => {
  it.each(['', '?at=1950-06', '?at=1956-08-30', '?at=1958-03', '?at=1965-01'])(
    'at the default fit of "%s" every name is readable and nothing is cut off',
    async (query) => {
      const { page, errors } = await open(query);
      const v = await view(page);
      await screenshot(page, `20-map${query.replace(/\W+/g, '-')}`);
      expect(v.persons).toBeGreaterThan(10);
      expect(v.minNameFontPx).toBeGreaterThanOrEqual(11);
      expect(v.minNodePx).toBeGreaterThanOrEqual(16);
      expect(v.minFactionFontPx).toBeGreaterThanOrEqual(11);
      expect(v.cutOff).toEqual([]);
      // Faction boxes are plain nodes sized by the client: each shown member (with their name)
      // lies wholly inside the box of the faction they are drawn in, and no faction's name is
      // drawn over a person or their name.
      expect(v.outsideTheirBox).toEqual([]);
      expect(v.boxLabelsOverPeople).toEqual([]);
      // No large empty areas: the drawing spans most of the canvas.
      expect(v.used).toBeGreaterThan(0.6);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('a faction box holds only its members at the date', () => {
  it.each(['?at=1946-06', '?at=1950-06', '?at=1953-08', '?at=1957-01', '?at=1958-03', '?at=1961-01-01', '?at=1967-01', '?at=1970-01'])(
    'at "%s" no one is drawn inside a box he is not a member of, former members included',
    async (query) => {
      const { page, errors } = await open(query);
      const v = await view(page);
      await screenshot(page, `22-boxes${query.replace(/\W+/g, '-')}`);
      expect(v.persons).toBeGreaterThan(10);
      expect(v.outsideTheirBox).toEqual([]);
      // A former member (dead, fallen, or his membership ended) sits beside his old box, faded.
      expect(v.inAnotherBox).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('seats Kang Kon (died 1950) outside the Guerrilla faction in 1961, faded and "formerly" of it', async () => {
    const { page, errors } = await open('?at=1961-01-01');
    const v = await view(page);
    const kang = Object.keys(v.positions).find((id) => id.includes('kang-kon'));
    expect(kang).toBeDefined();
    expect(v.inAnotherBox.filter((entry) => entry.startsWith(`${kang ?? ''} `))).toEqual([]);
    expect(v.former).toContain(kang);
    // The "formerly" wording is kept where the faction is named: the table of the network.
    await page.click('#tab-table');
    expect(await page.locator(`#network-table tr[data-person="kang-kon"]`).innerText()).toMatch(/formerly Guerrilla/);
    await screenshot(page, '22-boxes-1961-table');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('one stable map', () => {
  it('gives identical positions across two loads of one link', async () => {
    const first = await open('?at=1958-03');
    const a = await view(first.page);
    await first.page.close();
    const second = await open('?at=1958-03');
    const b = await view(second.page);
    await second.page.close();
    expect(Object.keys(a.positions).length).toBeGreaterThan(40);
    expect(b.positions).toEqual(a.positions);
  });

  it('keeps people who persist where they were while the date changes', async () => {
    const { page, errors } = await open('?at=1950-06');
    const before = (await view(page)).positions;
    await page.locator('body').focus();
    for (let i = 0; i < 24; i += 1) await page.keyboard.press(']');
    const after = (await view(page)).positions;
    const kept = Object.keys(before).filter((id) => id in after);
    expect(kept.length).toBeGreaterThan(10);
    // A person moves only when the frame moves them into or out of a faction; most stay.
    const moved = kept.filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    expect(moved.length).toBeLessThanOrEqual(Math.ceil(kept.length * 0.25));
    expect(await page.locator('#perf').innerText()).toMatch(/frame/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tidies one date on request and returns to the stable map', async () => {
    const { page, errors } = await open('?at=1958-03');
    const stable = (await view(page)).positions;
    await page.click('#tidy');
    await expect.poll(() => page.locator('#tidy').innerText(), { timeout: 20_000 }).toBe('Stable map');
    await page.waitForTimeout(600);
    const tidied = (await view(page)).positions;
    expect(tidied).not.toEqual(stable);
    await page.click('#tidy');
    expect(await page.locator('#tidy').innerText()).toBe('Tidy this date');
    expect((await view(page)).positions).toEqual(stable);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('events as first-class', () => {
  it('opens an event from the list, shows its participants by role, and steps to the event the button names', async () => {
    const { page, errors } = await open('?at=1956-08');
    expect(await page.locator('#events-range').innerText()).toMatch(/of \d+, by date/);
    await page.locator('#event-list li[data-event="1956-08-30-august-plenum"] button').click();
    await page.waitForSelector('#event-panel #event-participants');
    expect(await page.locator('#event-title').innerText()).toContain('August Plenum');
    expect(await page.locator('#event-when').innerText()).toContain('known to the day');
    expect(await page.locator('#event-participants [data-role="TARGET"] li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toContain('ev=1956-08-30-august-plenum');
    await screenshot(page, '21-event-panel');
    const named = await page.locator('#next-event').getAttribute('aria-label');
    expect(named).toMatch(/^Next event: \d{4}/);
    await page.click('#next-event');
    await page.waitForSelector('#event-panel #event-title');
    await expect.poll(() => page.locator('#event-title').innerText()).toBe(named?.replace(/^Next event: \S+ /, ''));
    expect(errors).toEqual([]);
    await page.close();
  });
});
