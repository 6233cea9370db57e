// @vitest-environment node
/**
 * The keyboard and screen-reader path at 1600x1000 on the curated data (issue 11, item 8): a skip
 * link to the people on the map, Tab between people, arrow keys to a tied neighbour, Enter
 * selects (the panel takes focus, "Follow purge chain" one Tab away), Escape clears and returns
 * to the person; + and 0 zoom and fit; a polite live region says what each step changed; the
 * network and the chart as tables that follow the slider; lang="ko" on every Hangul text; and
 * axe-core finds no serious or critical violation in each of these states.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations, useBrowserSuite } from './harness.js';

const suite = useBrowserSuite({
  ready: async ({ app, page }) => {
    await page.goto(app.url);
    await page.waitForSelector('#overview', { timeout: 60_000 });
    await page.waitForFunction(() => window.__atlasView !== undefined);
    await page.waitForSelector('#network-mirror button', { state: 'attached' });
  },
});

const focused = (): Promise<{ id: string; person: string | null; label: string }> =>
  suite.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', person: el?.dataset['person'] ?? null, label: el?.textContent ?? '' };
  });

/** Every text node with Hangul in it, and the nearest lang attribute above it. */
const hangulLangs = (): Promise<{ text: string; lang: string | null }[]> =>
  suite.page.evaluate(() => {
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
    expect(await seriousAxeViolations(suite.page)).toEqual([]);
  });

  it('reaches the people on the map with one Tab, walks them with Tab and moves to a neighbour with the arrows', async () => {
    await suite.page.locator('body').focus();
    await suite.page.keyboard.press('Tab');
    expect((await focused()).id).toBe('skip-network');
    await suite.page.keyboard.press('Enter');
    const first = await focused();
    expect(first.person).not.toBeNull();
    await suite.page.keyboard.press('Tab');
    const second = await focused();
    expect(second.person).not.toBeNull();
    expect(second.person).not.toBe(first.person);
    // Tab on to someone with ties, then try each arrow until one moves to a neighbour.
    let from = second;
    for (let i = 0; i < 80 && from.label.endsWith(', 0 ties'); i += 1) {
      await suite.page.keyboard.press('Tab');
      from = await focused();
    }
    expect(from.label).toMatch(/, [1-9]\d* ties?$/);
    let to = from;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await suite.page.keyboard.press(key);
      to = await focused();
      if (to.person !== from.person) break;
    }
    expect(to.person).not.toBeNull();
    expect(to.person).not.toBe(from.person);
    // The one reached is tied to the one left: the table of the network says so.
    await suite.page.click('#tab-table');
    const row = await suite.page.locator(`#network-table tr[data-person="${from.person}"]`).innerText();
    expect(row).toContain(to.label.split(',')[0] ?? '∅');
    await suite.page.click('#tab-chart');
    expect(await suite.page.evaluate(() => document.querySelector('#network-mirror button:focus') === null)).toBe(true);
    await screenshot(suite.page, 'kb-01-focus-ring');
  });

  it('from a fresh load, "Follow purge chain" is 2 Tab presses away: Enter selects and the panel takes focus; Escape clears and returns', async () => {
    await suite.page.reload();
    await suite.page.waitForSelector('#overview', { timeout: 60_000 });
    await suite.page.waitForSelector('#network-mirror button', { state: 'attached' });
    let tabs = 0;
    await suite.page.keyboard.press('Tab');
    tabs += 1;
    await suite.page.keyboard.press('Enter');
    const person = await focused();
    await suite.page.keyboard.press('Enter');
    await suite.page.waitForSelector('#person-details');
    await expect.poll(async () => (await focused()).id).toBe('person-name');
    await suite.page.keyboard.press('Tab');
    tabs += 1;
    expect((await focused()).id).toBe('chain-button');
    expect(tabs).toBe(2);
    expect(await seriousAxeViolations(suite.page)).toEqual([]);
    await screenshot(suite.page, 'kb-02-selected');
    await suite.page.keyboard.press('Escape');
    await suite.page.waitForSelector('#overview');
    await expect.poll(async () => (await focused()).person).toBe(person.person);
  });

  it('+ zooms in and 0 fits again', async () => {
    const before = await suite.page.evaluate(() => window.__atlasView?.().zoom ?? 0);
    await suite.page.keyboard.press('+');
    const zoomed = await suite.page.evaluate(() => window.__atlasView?.().zoom ?? 0);
    expect(zoomed).toBeGreaterThan(before * 1.2);
    await suite.page.keyboard.press('0');
    await expect.poll(() => suite.page.evaluate(() => window.__atlasView?.().zoom ?? 0)).toBeCloseTo(before, 2);
  });

  it('announces what each step changed in a polite live region', async () => {
    const region = suite.page.locator('#step-announce');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await suite.page.locator('body').focus();
    for (let i = 0; i < 12; i += 1) await suite.page.keyboard.press(']');
    await expect.poll(() => region.innerText(), { timeout: 5_000 }).toMatch(/^September 1946, since September 1945: /);
    const text = await region.innerText();
    expect(text).toMatch(/\d+ (appeared|fell|rehabilitated|changed faction|no longer attested)/);
    await suite.page.keyboard.press(']');
    await expect.poll(() => region.innerText(), { timeout: 5_000 }).toMatch(/^October 1946: (no change|\d+ )/);
    await screenshot(suite.page, 'kb-03-announced');
  });

  it('shows the network as a table that follows the slider, and the chart as a table', async () => {
    await suite.page.click('#tab-table');
    await expect.poll(() => suite.page.locator('#network-table caption').innerText()).toMatch(/^The network at October 1946: \d+ people, \d+ ties/);
    const rows = await suite.page.locator('#network-table tbody tr').count();
    expect(rows).toBe(await suite.page.locator('#network-mirror button').count());
    await suite.page.locator('body').focus();
    await suite.page.keyboard.press(']');
    await expect.poll(() => suite.page.locator('#network-table caption').innerText()).toMatch(/^The network at November 1946/);
    expect(await seriousAxeViolations(suite.page)).toEqual([]);
    await screenshot(suite.page, 'kb-04-network-table');
    await suite.page.click('#tab-chart');
    await suite.page.click('#chart-table-box summary');
    const years = await suite.page.locator('#chart-table tbody tr').count();
    expect(years).toBeGreaterThan(20);
    expect(await suite.page.locator('#chart-table tr[aria-current="true"] th').innerText()).toBe('1946');
    expect(await seriousAxeViolations(suite.page)).toEqual([]);
  });

  it('marks every Hangul text lang="ko": overview, search, person panel, table', async () => {
    await suite.page.fill('#search-input', '박헌영');
    await suite.page.waitForSelector('#search-results li[data-person="pak-hon-yong"]');
    const inSearch = await hangulLangs();
    await suite.page.locator('#search-input').press('Enter');
    await suite.page.waitForSelector('#person-details');
    const inPanel = await hangulLangs();
    const all = [...inSearch, ...inPanel];
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((t) => !t.lang?.startsWith('ko'))).toEqual([]);
    await suite.page.click('#tab-table');
    await suite.page.waitForSelector('#network-table');
    const inTable = await hangulLangs();
    expect(inTable.filter((t) => !t.lang?.startsWith('ko'))).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(suite.errors).toEqual([]);
  });
});
