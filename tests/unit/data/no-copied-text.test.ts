/**
 * No copying: no string written in seed/**\/*.yaml (summaries, notes, titles, descriptions,
 * locators...) may share a run of RUN or more consecutive words with any source text in the
 * corpus (ATLAS_SOURCES_DIR; CI uses ../shared/sources), after both are normalised (lower
 * case, punctuation and whitespace collapsed). The seed paraphrases; it never copies a sentence.
 *
 * The one exception is the bibliographic title of a work in seed/sources.yaml: naming a work
 * by its title is citing it, not copying from it.
 */
import { describe, expect, it } from 'vitest';
import { normalise, readSeed, readSources, type SeedString } from './corpus.js';

const RUN = 10;

interface Hit {
  at: SeedString;
  source: string;
  run: string;
}

function isBibliographicTitle(s: SeedString): boolean {
  return s.file === 'seed/sources.yaml' && (s.key === 'title' || s.key === 'publication');
}

/** Every RUN-word window of every source, mapped to the file it comes from. */
function sourceWindows(): Map<string, string> {
  const windows = new Map<string, string>();
  for (const source of readSources()) {
    const words = normalise(source.text).split(' ');
    for (let i = 0; i + RUN <= words.length; i++) {
      const key = words.slice(i, i + RUN).join(' ');
      if (!windows.has(key)) windows.set(key, source.file);
    }
  }
  return windows;
}

/** The maximal runs of RUN or more words that a seed string shares with a source. */
function copiedRuns(s: SeedString, windows: Map<string, string>): Hit[] {
  const words = normalise(s.text).split(' ');
  const hits: Hit[] = [];
  let i = 0;
  while (i + RUN <= words.length) {
    const source = windows.get(words.slice(i, i + RUN).join(' '));
    if (source === undefined) {
      i++;
      continue;
    }
    // Extend the run as far as consecutive windows keep matching.
    let end = i + RUN;
    while (end < words.length && windows.has(words.slice(end - RUN + 1, end + 1).join(' '))) end++;
    hits.push({ at: s, source, run: words.slice(i, end).join(' ') });
    i = end;
  }
  return hits;
}

describe('seed text is paraphrased, not copied from the sources', () => {
  it('reads the seed and the sources', () => {
    expect(readSources().length).toBeGreaterThanOrEqual(5);
    expect(readSeed().strings.length).toBeGreaterThan(1000);
  });

  it(`no seed string shares a run of ${RUN}+ consecutive words with a source`, () => {
    const windows = sourceWindows();
    const hits = readSeed()
      .strings.filter((s) => !isBibliographicTitle(s))
      .flatMap((s) => copiedRuns(s, windows));
    const report = hits.map(
      (h) => `${h.at.file}:${h.at.line} (${h.at.key || 'list item'}): "${h.at.text.slice(0, 120)}"\n    shares with ${h.source}: "${h.run}"`,
    );
    expect(report, `copied runs:\n${report.join('\n')}`).toEqual([]);
  });

  it('the check itself catches a copied run and ignores a paraphrase', () => {
    const windows = sourceWindows();
    const copied: SeedString = {
      file: 'probe',
      line: 1,
      key: 'summary',
      // Shen §V para 6, verbatim apart from case and punctuation.
      text: 'His first targets were the Yan’an faction cadres who were in charge of the military!',
    };
    const paraphrase: SeedString = {
      file: 'probe',
      line: 2,
      key: 'summary',
      text: 'Kim turned first on the Yan’an men who commanded troops.',
    };
    expect(copiedRuns(copied, windows).map((h) => h.source)).toEqual(['002_8dbaa9784c474b3b.txt']);
    expect(copiedRuns(paraphrase, windows)).toEqual([]);
  });
});
