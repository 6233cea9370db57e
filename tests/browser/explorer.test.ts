// @vitest-environment node
/**
 * Drives the real built explorer against the curated seed in headless Chromium: load, scrub
 * time, search by alias, open a person, chain mode, filters, compare, console, exports and a
 * permalink reload. Screenshots of each step land in artifacts/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { openTestDatabase } from '../setup/database.js';
import { ensureClientBuilt, launchChromium, readPerf, ROOT, screenshot, scrub, serveApp, watchErrors, type RunningApp } from './harness.js';

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
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  errors = watchErrors(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await db?.close();
});

async function download(id: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
  const target = path.join(ROOT, 'artifacts/exports', file.suggestedFilename());
  mkdirSync(path.dirname(target), { recursive: true });
  await file.saveAs(target);
  return target;
}

describe('the explorer on the curated data', () => {
  it('loads the network at a date, with the legend and chart', async () => {
    await page.goto(app.url);
    await page.waitForSelector('#overview', { timeout: 30_000 });
    await expect.poll(() => page.locator('#status').innerText()).toMatch(/people, \d+ events/);
    expect(await page.locator('#date-label').innerText()).toBe('September 1945');
    expect((await readPerf(page)).persons).toBeGreaterThan(10);
    expect(await page.locator('#legend').innerText()).toContain('Executed or dead');
    await screenshot(page, '01-load');
  });

  it('scrubs through time with each step under a 16 ms frame', async () => {
    const perf = await scrub(page, 132);
    expect(await page.locator('#date-label').innerText()).toBe('September 1956');
    expect(perf.frames).toBe(132);
    expect(perf.p95Ms).toBeLessThan(16);
    // Every step was drawn, and none started a layout: people sit on the stable map.
    expect(perf.paintedFrames).toBe(132);
    expect(perf.layoutRuns).toBe(0);
    writeFileSync(path.join(ROOT, 'artifacts/time-step-curated.json'), `${JSON.stringify(perf, null, 2)}\n`);
    const slider = page.locator('#time-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#date-label').innerText()).toBe('August 1956');
    await page.click('#next-event');
    expect(await page.locator('#date-label').innerText()).toMatch(/1956/);
    await page.waitForTimeout(500);
    await screenshot(page, '02-scrubbed');
  });

  it('finds people by an alias and by Hangul', async () => {
    await page.fill('#search-input', 'Li Pkhir-giu');
    await page.waitForSelector('#search-results li[data-person="ri-pil-gyu"]');
    await page.fill('#search-input', '박헌영');
    await page.waitForSelector('#search-results li[data-person="pak-hon-yong"]');
    await screenshot(page, '03-search');
  });

  it('opens a person: names, status lane, events with citations, bibliography', async () => {
    await page.locator('#search-input').press('Enter');
    await page.waitForSelector('#person-details');
    expect(await page.locator('#person-name').innerText()).toBe('Pak Hon-yong');
    const names = await page.locator('#name-forms').innerText();
    expect(names).toContain('박헌영');
    expect(await page.locator('#person-details .lane').count()).toBeGreaterThan(0);
    expect(await page.locator('#person-events li').count()).toBeGreaterThan(0);
    expect(await page.locator('#person-events .cite').count()).toBeGreaterThan(0);
    expect(await page.locator('#person-details .bibliography li').count()).toBeGreaterThan(0);
    // Exposure at the fall (Query.exposure): Ri Sung-yop, tied to him, had fallen first.
    expect(await page.locator('#person-exposure').innerText()).toMatch(/ties active then .* already fallen: Ri Sung-yop/);
    await expect.poll(() => page.url()).toContain('p=pak-hon-yong');
    await screenshot(page, '04-person');
  });

  it('follows a purge chain step by step', async () => {
    await page.click('#chain-button');
    await page.waitForSelector('#chain-steps li, #chain-empty', { timeout: 20_000 });
    expect(await page.locator('#chain-steps li').count()).toBeGreaterThan(0);
    const total = Number(/of (\d+)/.exec(await page.locator('#chain-progress').innerText())?.[1]);
    const steps = Math.min(2, total);
    for (let i = 0; i < steps; i += 1) await page.click('#chain-next');
    expect(await page.locator('#chain-progress').innerText()).toContain(`step ${steps} of ${total}`);
    expect(await page.locator('#chain-next').isDisabled()).toBe(steps === total);
    expect(await page.locator('#chain-steps li.current').count()).toBe(1);
    await expect.poll(() => page.url()).toContain('mode=chain');
    await page.waitForTimeout(600);
    await screenshot(page, '05-chain');
    await page.click('#chain-animate');
    await page.waitForTimeout(1600);
    await page.click('#chain-animate');
    await page.click('#chain-exit');
    await page.waitForSelector('#person-details');
  });

  it('applies filters: a tie kind and "hide possible facts"', async () => {
    const before = (await readPerf(page)).ties;
    await page.check('#filter-hide-possible');
    await page.uncheck('#filter-tie-DENUNCIATION');
    await expect.poll(() => page.url()).toContain('min=PROBABLE');
    await expect.poll(() => page.url()).toContain('ht=DENUNCIATION');
    expect((await readPerf(page)).ties).toBeLessThanOrEqual(before);
    await screenshot(page, '06-filtered');
  });

  it('compares two dates on the same layout', async () => {
    await page.click('#mode-compare');
    await page.fill('#compare-before', '1950-06');
    await page.locator('#compare-before').dispatchEvent('change');
    await page.waitForSelector('#compare-panel');
    expect(await page.locator('#compare-fell').innerText()).toMatch(/Fell .*\(\d+\)/);
    await expect.poll(() => page.url()).toContain('vs=1950-06-01');
    await screenshot(page, '07-compare');
  });

  it('exports PNG, SVG, JSON, GraphML, GEXF and the reference list', async () => {
    const png = readFileSync(await download('export-png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(await download('export-svg'), 'utf8')).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const json = JSON.parse(readFileSync(await download('export-json'), 'utf8')) as { persons: unknown[]; ties: unknown[] };
    expect(json.persons.length).toBeGreaterThan(0);
    expect(readFileSync(await download('export-graphml'), 'utf8')).toContain('<graphml');
    expect(readFileSync(await download('export-gexf'), 'utf8')).toContain('defaultedgetype="directed"');
    expect(readFileSync(await download('export-bib'), 'utf8')).toMatch(/^References\n\n.+\d{4}\. “/);
  });

  it('restores date, selection, filters and mode from a permalink', async () => {
    await page.click('#mode-network');
    await page.fill('#search-input', 'Pak Hon-yong');
    await page.waitForSelector('#search-results li[data-person="pak-hon-yong"]');
    await page.locator('#search-input').press('Enter');
    await page.waitForSelector('#person-details');
    await page.waitForTimeout(400);
    const link = page.url();
    const second = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const secondErrors = watchErrors(second);
    await second.goto(link);
    await second.waitForSelector('#person-details', { timeout: 30_000 });
    expect(await second.locator('#person-name').innerText()).toBe('Pak Hon-yong');
    expect(await second.locator('#date-label').innerText()).toBe(await page.locator('#date-label').innerText());
    expect(await second.locator('#filter-hide-possible').isChecked()).toBe(true);
    expect(await second.locator('#filter-tie-DENUNCIATION').isChecked()).toBe(false);
    await screenshot(second, '08-permalink');
    const chainLink = new URL(link);
    chainLink.searchParams.set('mode', 'chain');
    chainLink.searchParams.set('step', '1');
    await second.goto(chainLink.toString());
    await second.waitForSelector('#chain-steps li.current', { timeout: 30_000 });
    expect(await second.locator('#chain-progress').innerText()).toMatch(/step 1 of/);
    expect(secondErrors).toEqual([]);
    await second.close();
  });

  it('runs a read-only Cypher query and shows a refusal', async () => {
    await page.click('#tab-console');
    await page.fill('#cypher-input', 'MATCH (p:Person)-[m:MEMBER_OF]->(f:Faction) RETURN p, m, f LIMIT 5');
    await page.click('#cypher-run');
    await page.waitForSelector('#cypher-table');
    expect(await page.locator('#cypher-table tbody tr').count()).toBeGreaterThan(0);
    await page.waitForSelector('#cypher-graph canvas');
    await screenshot(page, '09-console');
    await page.fill('#cypher-input', "CREATE (x:Person {id: 'intruder'})");
    await page.click('#cypher-run');
    await page.waitForSelector('#cypher-output .error');
    expect(await page.locator('#cypher-output').innerText()).toMatch(/not run/);
  });

  it('works by keyboard and raised no page errors', async () => {
    await page.locator('#search-input').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName)).toBeTruthy();
    expect(errors).toEqual([]);
  });
});
