// @vitest-environment node
/**
 * The Cypher console draws paths (issue 11, item 7), at 1600x1000 on the curated data: a path
 * query's cells are one-line captions (the raw value behind a disclosure, not a 5,000 px blob),
 * and the drawing of its nodes and relationships is inside the viewport without scrolling.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations, useBrowserSuite } from './harness.js';

const PATHS = 'MATCH p = (a:Person)-[:TIE]->(b:Person)-[:MEMBER_OF]->(f:Faction) RETURN p, a.name AS from, length(p) AS hops LIMIT 12';

const suite = useBrowserSuite({
  ready: async ({ app, page }) => {
    await page.goto(app.url);
    await page.waitForSelector('#overview', { timeout: 60_000 });
  },
});

describe('the Cypher console', () => {
  it('shows a path result as captions, with the raw value on request', async () => {
    await suite.page.click('#tab-console');
    await suite.page.fill('#cypher-input', PATHS);
    await suite.page.click('#cypher-run');
    await suite.page.waitForSelector('#cypher-table tbody tr');
    const rows = suite.page.locator('#cypher-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    const first = suite.page.locator('#cypher-table tbody tr').first().locator('td').first();
    expect(await first.getAttribute('class')).toBe('cell-path');
    const caption = await first.locator('summary').innerText();
    expect(caption).toMatch(/^.+ –\[:TIE [a-z ]+\]→ .+ –\[:MEMBER_OF\]→ .+ \(2 hops\)$/);
    expect(caption).not.toContain('elementId');
    // Each row is one line of text, not a blob: the whole table is shorter than a few hundred px.
    const rowHeights = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    expect(Math.max(...rowHeights)).toBeLessThan(40);
    // The raw value is there on request, in a bounded box.
    await first.locator('summary').click();
    const raw = first.locator('pre.raw');
    expect(await raw.innerText()).toContain('"segments"');
    expect((await raw.boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(230);
    await first.locator('summary').click();
  });

  it('draws the nodes and relationships in a pane inside the viewport', async () => {
    const pane = suite.page.locator('#cypher-graph');
    await suite.page.waitForSelector('#cypher-graph canvas');
    const box = await pane.boundingBox();
    expect(box).not.toBeNull();
    if (box === null) return;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1000);
    expect(box.height).toBeGreaterThan(250);
    expect(box.width).toBeGreaterThan(400);
    expect(await suite.page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    expect(await seriousAxeViolations(suite.page)).toEqual([]);
    await screenshot(suite.page, 'console-path');
  });

  it('still refuses a write, with its error code', async () => {
    await suite.page.fill('#cypher-input', "CREATE (x:Person {id: 'intruder'})");
    await suite.page.click('#cypher-run');
    await suite.page.waitForSelector('#cypher-output .error');
    expect(await suite.page.locator('#cypher-output').innerText()).toMatch(/not run \(QUERY_REJECTED\)/);
  });

  it('raised no page errors', () => {
    expect(suite.errors).toEqual([]);
  });
});
