// @vitest-environment node
/**
 * Drives the real built explorer against the curated seed in headless Chromium: load, scrub
 * time, search by alias, open a person, chain mode, filters, compare, console, exports and a
 * permalink reload. Screenshots of each step land in artifacts/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPerf, ROOT, screenshot, scrub, useBrowserSuite, watchErrors } from './harness.js';

const suite = useBrowserSuite({ page: { acceptDownloads: true } });

async function download(id: string): Promise<string> {
  const [file] = await Promise.all([suite.page.waitForEvent('download'), suite.page.click(`#${id}`)]);
  const target = path.join(ROOT, 'artifacts/exports', file.suggestedFilename());
  mkdirSync(path.dirname(target), { recursive: true });
  await file.saveAs(target);
  return target;
}

describe('the explorer on the curated data', () => {
  it('loads the network at a date, with the legend and chart', async () => {
    await suite.page.goto(suite.app.url);
    await suite.page.waitForSelector('#overview', { timeout: 30_000 });
    await expect.poll(() => suite.page.locator('#status').innerText()).toMatch(/people, \d+ events/);
    expect(await suite.page.locator('#date-label').innerText()).toBe('September 1945');
    expect((await readPerf(suite.page)).persons).toBeGreaterThan(10);
    expect(await suite.page.locator('#legend').innerText()).toContain('Executed or dead');
    await screenshot(suite.page, '01-load');
  });

  it('scrubs through time with each step under a 16 ms frame', async () => {
    const perf = await scrub(suite.page, 132);
    expect(await suite.page.locator('#date-label').innerText()).toBe('September 1956');
    expect(perf.frames).toBe(132);
    expect(perf.p95Ms).toBeLessThan(16);
    // Every step was drawn, and none started a layout: people sit on the stable map.
    expect(perf.paintedFrames).toBe(132);
    expect(perf.layoutRuns).toBe(0);
    writeFileSync(path.join(ROOT, 'artifacts/time-step-curated.json'), `${JSON.stringify(perf, null, 2)}\n`);
    const slider = suite.page.locator('#time-slider');
    await slider.focus();
    await suite.page.keyboard.press('ArrowLeft');
    expect(await suite.page.locator('#date-label').innerText()).toBe('August 1956');
    await suite.page.click('#next-event');
    expect(await suite.page.locator('#date-label').innerText()).toMatch(/1956/);
    await suite.page.waitForTimeout(500);
    await screenshot(suite.page, '02-scrubbed');
  });

  it('finds people by an alias and by Hangul', async () => {
    await suite.page.fill('#search-input', 'Li Pkhir-giu');
    await suite.page.waitForSelector('#search-results li[data-person="ri-pil-gyu"]');
    await suite.page.fill('#search-input', '박헌영');
    await suite.page.waitForSelector('#search-results li[data-person="pak-hon-yong"]');
    await screenshot(suite.page, '03-search');
  });

  it('opens a person: names, status lane, events with citations, bibliography', async () => {
    await suite.page.locator('#search-input').press('Enter');
    await suite.page.waitForSelector('#person-details');
    expect(await suite.page.locator('#person-name').innerText()).toBe('Pak Hon-yong');
    const names = await suite.page.locator('#name-forms').innerText();
    expect(names).toContain('박헌영');
    expect(await suite.page.locator('#person-details .lane').count()).toBeGreaterThan(0);
    expect(await suite.page.locator('#person-events li').count()).toBeGreaterThan(0);
    expect(await suite.page.locator('#person-events .cite').count()).toBeGreaterThan(0);
    expect(await suite.page.locator('#person-details .bibliography li').count()).toBeGreaterThan(0);
    // Exposure at the fall (Query.exposure): Ri Sung-yop, tied to him, had fallen first.
    expect(await suite.page.locator('#person-exposure').innerText()).toMatch(/ties active then .* already fallen: Ri Sung-yop/);
    await expect.poll(() => suite.page.url()).toContain('p=pak-hon-yong');
    await screenshot(suite.page, '04-person');
  });

  it('follows a purge chain step by step', async () => {
    await suite.page.click('#chain-button');
    await suite.page.waitForSelector('#chain-steps li, #chain-empty', { timeout: 20_000 });
    expect(await suite.page.locator('#chain-steps li').count()).toBeGreaterThan(0);
    const total = Number(/of (\d+)/.exec(await suite.page.locator('#chain-progress').innerText())?.[1]);
    const steps = Math.min(2, total);
    for (let i = 0; i < steps; i += 1) await suite.page.click('#chain-next');
    expect(await suite.page.locator('#chain-progress').innerText()).toContain(`step ${steps} of ${total}`);
    expect(await suite.page.locator('#chain-next').isDisabled()).toBe(steps === total);
    expect(await suite.page.locator('#chain-steps li.current').count()).toBe(1);
    await expect.poll(() => suite.page.url()).toContain('mode=chain');
    await suite.page.waitForTimeout(600);
    await screenshot(suite.page, '05-chain');
    await suite.page.click('#chain-animate');
    await suite.page.waitForTimeout(1600);
    await suite.page.click('#chain-animate');
    await suite.page.click('#chain-exit');
    await suite.page.waitForSelector('#person-details');
  });

  it('applies filters: a tie kind and "hide possible facts"', async () => {
    const before = (await readPerf(suite.page)).ties;
    await suite.page.check('#filter-hide-possible');
    await suite.page.uncheck('#filter-tie-DENUNCIATION');
    await expect.poll(() => suite.page.url()).toContain('min=PROBABLE');
    await expect.poll(() => suite.page.url()).toContain('ht=DENUNCIATION');
    expect((await readPerf(suite.page)).ties).toBeLessThanOrEqual(before);
    await screenshot(suite.page, '06-filtered');
  });

  it('compares two dates on the same layout', async () => {
    await suite.page.click('#mode-compare');
    await suite.page.fill('#compare-before', '1950-06');
    await suite.page.locator('#compare-before').dispatchEvent('change');
    await suite.page.waitForSelector('#compare-panel');
    expect(await suite.page.locator('#compare-fell').innerText()).toMatch(/Fell .*\(\d+\)/);
    await expect.poll(() => suite.page.url()).toContain('vs=1950-06-01');
    await screenshot(suite.page, '07-compare');
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
    await suite.page.click('#mode-network');
    await suite.page.fill('#search-input', 'Pak Hon-yong');
    await suite.page.waitForSelector('#search-results li[data-person="pak-hon-yong"]');
    await suite.page.locator('#search-input').press('Enter');
    await suite.page.waitForSelector('#person-details');
    await suite.page.waitForTimeout(400);
    const link = suite.page.url();
    const second = await suite.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const secondErrors = watchErrors(second);
    await second.goto(link);
    await second.waitForSelector('#person-details', { timeout: 30_000 });
    expect(await second.locator('#person-name').innerText()).toBe('Pak Hon-yong');
    expect(await second.locator('#date-label').innerText()).toBe(await suite.page.locator('#date-label').innerText());
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
    await suite.page.click('#tab-console');
    await suite.page.fill('#cypher-input', 'MATCH (p:Person)-[m:MEMBER_OF]->(f:Faction) RETURN p, m, f LIMIT 5');
    await suite.page.click('#cypher-run');
    await suite.page.waitForSelector('#cypher-table');
    expect(await suite.page.locator('#cypher-table tbody tr').count()).toBeGreaterThan(0);
    await suite.page.waitForSelector('#cypher-graph canvas');
    await screenshot(suite.page, '09-console');
    await suite.page.fill('#cypher-input', "CREATE (x:Person {id: 'intruder'})");
    await suite.page.click('#cypher-run');
    await suite.page.waitForSelector('#cypher-output .error');
    expect(await suite.page.locator('#cypher-output').innerText()).toMatch(/not run/);
  });

  it('works by keyboard and raised no page errors', async () => {
    await suite.page.locator('#search-input').focus();
    await suite.page.keyboard.press('Tab');
    expect(await suite.page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName)).toBeTruthy();
    expect(suite.errors).toEqual([]);
  });
});
