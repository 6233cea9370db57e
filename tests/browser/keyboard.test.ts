// @vitest-environment node
/**
 * The keyboard and screen-reader path at 1600x1000 on the curated data (issue 11, item 8): a skip
 * link to the people on the map, Tab between people, arrow keys to a tied neighbour, Enter
 * selects (the panel takes focus, "Follow purge chain" one Tab away), Escape clears and returns
 * to the person; + and 0 zoom and fit; a polite live region says what each step changed; the
 * network and the chart as tables that follow the slider; lang="ko" on every Hangul text; and
 * axe-core finds no serious or critical violation in each of these states.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { openTestDatabase } from '../setup/database.js';
import { ensureClientBuilt, launchChromium, screenshot, seriousAxeViolations, serveApp, watchErrors, type RunningApp } from './harness.js';

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await ensureClientBuilt();
  db = openTestDatabase();
  app = await serveApp(db);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  errors = watchErrors(page);
  await page.goto(app.url);
  await page.waitForSelector('#overview', { timeout: 60_000 });
  await page.waitForFunction(() => window.__atlasView !== undefined);
  await page.waitForSelector('#network-mirror button', { state: 'attached' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await db?.close();
});

const focused = (): Promise<{ id: string; person: string | null; label: string }> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', person: el?.dataset['person'] ?? null, label: el?.textContent ?? '' };
  });

/** Every text node with Hangul in it, and the nearest lang attribute above it. */
const hangulLangs = (): Promise<{ text: string; lang: string | null }[]> =>
  page.evaluate(() => {
    const out: { text: string; lang: string | null }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[\uAC00-\uD7AF]/.test(text)) continue;
      out.push({ text: text.trim().slice(0, 40), lang: node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? null });
    }
    return out;
  });

describe('the explorer by keyboard and screen reader', () => {
  it('has no serious or critical axe violations on first load', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('reaches the people on the map with one Tab, walks them with Tab and moves to a neighbour with the arrows', async () => {
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('skip-network');
    await page.keyboard.press('Enter');
    const first = await focused();
    expect(first.person).not.toBeNull();
    await page.keyboard.press('Tab');
    const second = await focused();
    expect(second.person).not.toBeNull();
    expect(second.person).not.toBe(first.person);
    // Tab on to someone with ties, then try each arrow until one moves to a neighbour.
    let from = second;
    for (let i = 0; i < 80 && from.label.endsWith(', 0 ties'); i += 1) {
      await page.keyboard.press('Tab');
      from = await focused();
    }
    expect(from.label).toMatch(/, [1-9]\d* ties?$/);
    let to = from;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      to = await focused();
      if (to.person !== from.person) break;
    }
    expect(to.person).not.toBeNull();
    expect(to.person).not.toBe(from.person);
    // The one reached is tied to the one left: the table of the network says so.
    await page.click('#tab-table');
    const row = await page.locator(`#network-table tr[data-person="${from.person}"]`).innerText();
    expect(row).toContain(to.label.split(',')[0] ?? '∅');
    await page.click('#tab-chart');
    expect(await page.evaluate(() => document.querySelector('#network-mirror button:focus') === null)).toBe(true);
    await screenshot(page, 'kb-01-focus-ring');
  });

  it('from a fresh load, "Follow purge chain" is 2 Tab presses away: Enter selects and the panel takes focus; Escape clears and returns', async () => {
    await page.reload();
    await page.waitForSelector('#overview', { timeout: 60_000 });
    await page.waitForSelector('#network-mirror button', { state: 'attached' });
    let tabs = 0;
    await page.keyboard.press('Tab');
    tabs += 1;
    await page.keyboard.press('Enter');
    const person = await focused();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#person-details');
    await expect.poll(async () => (await focused()).id).toBe('person-name');
    await page.keyboard.press('Tab');
    tabs += 1;
    expect((await focused()).id).toBe('chain-button');
    expect(tabs).toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'kb-02-selected');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#overview');
    await expect.poll(async () => (await focused()).person).toBe(person.person);
  });

  it('+ zooms in and 0 fits again', async () => {
    const before = await page.evaluate(() => window.__atlasView?.().zoom ?? 0);
    await page.keyboard.press('+');
    const zoomed = await page.evaluate(() => window.__atlasView?.().zoom ?? 0);
    expect(zoomed).toBeGreaterThan(before * 1.2);
    await page.keyboard.press('0');
    await expect.poll(() => page.evaluate(() => window.__atlasView?.().zoom ?? 0)).toBeCloseTo(before, 2);
  });

  it('announces what each step changed in a polite live region', async () => {
    const region = page.locator('#step-announce');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await page.locator('body').focus();
    for (let i = 0; i < 12; i += 1) await page.keyboard.press(']');
    await expect.poll(() => region.innerText(), { timeout: 5_000 }).toMatch(/^September 1946, since September 1945: /);
    const text = await region.innerText();
    expect(text).toMatch(/\d+ (appeared|fell|rehabilitated|changed faction|no longer attested)/);
    await page.keyboard.press(']');
    await expect.poll(() => region.innerText(), { timeout: 5_000 }).toMatch(/^October 1946: (no change|\d+ )/);
    await screenshot(page, 'kb-03-announced');
  });

  it('shows the network as a table that follows the slider, and the chart as a table', async () => {
    await page.click('#tab-table');
    await expect.poll(() => page.locator('#network-table caption').innerText()).toMatch(/^The network at October 1946: \d+ people, \d+ ties/);
    const rows = await page.locator('#network-table tbody tr').count();
    expect(rows).toBe(await page.locator('#network-mirror button').count());
    await page.locator('body').focus();
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('#network-table caption').innerText()).toMatch(/^The network at November 1946/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'kb-04-network-table');
    await page.click('#tab-chart');
    await page.click('#chart-table-box summary');
    const years = await page.locator('#chart-table tbody tr').count();
    expect(years).toBeGreaterThan(20);
    expect(await page.locator('#chart-table tr[aria-current="true"] th').innerText()).toBe('1946');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('marks every Hangul text lang="ko": overview, search, person panel, table', async () => {
    await page.fill('#search-input', '박헌영');
    await page.waitForSelector('#search-results li[data-person="pak-hon-yong"]');
    const inSearch = await hangulLangs();
    await page.locator('#search-input').press('Enter');
    await page.waitForSelector('#person-details');
    const inPanel = await hangulLangs();
    const all = [...inSearch, ...inPanel];
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((t) => !t.lang?.startsWith('ko'))).toEqual([]);
    await page.click('#tab-table');
    await page.waitForSelector('#network-table');
    const inTable = await hangulLangs();
    expect(inTable.filter((t) => !t.lang?.startsWith('ko'))).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
