/**
 * Every shen2008 locator points at a paragraph and footnote that exist, by the paragraph
 * convention of docs/seed-format.md ("Citations"): paragraphs are counted within each section
 * as the source file lays them out, a block continuing a sentence cut at a page break counting
 * with the paragraph before it.
 */
import { describe, expect, it } from 'vitest';
import { parseShenLocator, readSeed, shenFootnotes, shenParagraphs } from './corpus.js';

describe('shen2008 locators', () => {
  const paragraphs = shenParagraphs();
  const footnotes = shenFootnotes();

  it('the convention splits Shen 2008 as expected', () => {
    const last = new Map(paragraphs.map((p) => [p.section, p.number]));
    expect(Object.fromEntries(last)).toEqual({ lead: 3, I: 16, II: 11, III: 21, IV: 5, V: 34, VI: 15, VII: 4 });
    expect(footnotes.size).toBe(138);
    // §V para 13 is the one naming "the Yan'an faction's Lee Sang-jo" (two blocks across a page break).
    const v13 = paragraphs.find((p) => p.section === 'V' && p.number === 13);
    expect(v13?.text).toContain('Yan’an faction’s Lee Sang-jo');
    expect(v13?.lines).toHaveLength(2);
  });

  it('every cited paragraph and footnote exists', () => {
    const problems: string[] = [];
    for (const c of readSeed().citations) {
      if (c.source !== 'shen2008') continue;
      const loc = parseShenLocator(c.at);
      for (const p of loc.paragraphs) {
        if (!paragraphs.some((q) => q.section === p.section && q.number === p.number))
          problems.push(`${c.file}:${c.line} "${c.at}": no §${p.section} para ${p.number}`);
      }
      for (const n of loc.footnotes) if (!footnotes.has(n)) problems.push(`${c.file}:${c.line} "${c.at}": no fn ${n}`);
      if (loc.paragraphs.length === 0 && loc.footnotes.length === 0) problems.push(`${c.file}:${c.line} "${c.at}": no paragraph or footnote`);
    }
    expect(problems).toEqual([]);
  });
});
