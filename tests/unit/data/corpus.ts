/**
 * Helpers for the data-quality tests: every string of the curated seed (with its file and
 * line), every citation in it, and the source texts of the corpus (the folder named by
 * ATLAS_SOURCES_DIR, see tests/setup/corpus.ts) split into sections and paragraphs by the
 * convention of docs/seed-format.md ("Citations").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { configuredSourcesDir, SOURCES_VARIABLE, sourcesDirProblem } from '../../setup/corpus.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SEED_DIR = path.join(ROOT, 'seed');

/**
 * The corpus folder. vitest.config.ts collects the files that call this only when the variable
 * is set; a set variable naming a wrong folder is a failure, never a quiet pass.
 */
export function sourcesDir(): string {
  const dir = configuredSourcesDir();
  if (dir === undefined) throw new Error(`${SOURCES_VARIABLE} is not set: the corpus checks need the folder of the source texts.`);
  const problem = sourcesDirProblem(dir);
  if (problem !== undefined) throw new Error(problem);
  return dir;
}

export interface SeedString {
  file: string; // relative to the repository root
  line: number;
  key: string; // the mapping key the string sits under ('' for list items)
  text: string;
}

export interface SeedCitation {
  file: string;
  line: number;
  source: string;
  at: string;
  note: string;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml')) out.push(full);
  }
  return out.sort();
}

interface Parsed {
  strings: SeedString[];
  citations: SeedCitation[];
}

let cache: Parsed | undefined;

/** Every string scalar and every `{source, at, note}` citation in seed/**\/*.yaml. */
export function readSeed(): Parsed {
  if (cache) return cache;
  const strings: SeedString[] = [];
  const citations: SeedCitation[] = [];
  for (const full of yamlFiles(SEED_DIR)) {
    const file = path.relative(ROOT, full);
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(full, 'utf8'), { lineCounter });
    const lineOf = (offset: number | undefined): number => (offset === undefined ? 0 : lineCounter.linePos(offset).line);
    visit(doc, {
      Pair(_index, pair) {
        if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'string') {
          strings.push({ file, line: lineOf(pair.value.range?.[0]), key: String(pair.key.value), text: pair.value.value });
        }
      },
      Seq(_index, seq) {
        for (const item of seq.items) {
          if (isScalar(item) && typeof item.value === 'string') {
            strings.push({ file, line: lineOf(item.range?.[0]), key: '', text: item.value });
          }
        }
      },
      Map(_index, map) {
        const source = map.get('source');
        const at = map.get('at');
        if (typeof source === 'string' && typeof at === 'string') {
          const note = map.get('note');
          citations.push({ file, line: lineOf(map.range?.[0]), source, at, note: typeof note === 'string' ? note : '' });
        }
      },
    });
  }
  cache = { strings, citations };
  return cache;
}

export interface SourceText {
  file: string;
  text: string;
}

export function readSources(): SourceText[] {
  const dir = sourcesDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ file: name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Lower-case, every run of non-letters/digits collapsed to one space (so punctuation,
 * quotes, footnote markers and line breaks do not hide a copied run of words). */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2070-\u209f\u00b9\u00b2\u00b3]/g, ' ') // superscript footnote markers
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '') // apostrophes inside words (Yan'an, Kim's)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// ---- Shen 2008: sections and paragraphs ----------------------------------------------------

export const SHEN_FILE = '002_8dbaa9784c474b3b.txt';

export interface ShenParagraph {
  section: string; // 'lead' for the untitled opening, else the Roman numeral
  number: number; // 1-based within the section
  lines: number[]; // 1-based line numbers in the source file (two when a page break cut it)
  text: string;
  footnotes: number[]; // footnote markers that occur in the paragraph
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

function markers(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) {
    out.push(Number([...match[0]].map((c) => SUPERSCRIPT[c]).join('')));
  }
  return out;
}

/**
 * The body of Shen 2008 by the convention of docs/seed-format.md: within each section, one
 * paragraph per blank-line-separated block as the file lays them out, except that a block that
 * only continues a sentence cut by a page break (the block before it does not end a sentence)
 * belongs to the paragraph before it. Footnotes (the blocks after §VII) are not paragraphs.
 */
export function shenParagraphs(): ShenParagraph[] {
  const lines = readFileSync(path.join(sourcesDir(), SHEN_FILE), 'utf8').split('\n');
  const out: ShenParagraph[] = [];
  let section: string | null = null;
  let number = 0;
  let previousEndsSentence = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('¹ ')) break; // the notes begin
    const heading = /^(I|II|III|IV|V|VI|VII)[.:] [A-Z’' -]+/.exec(line);
    if (heading && line === line.toUpperCase()) {
      section = heading[1] ?? null;
      number = 0;
      previousEndsSentence = true;
      continue;
    }
    if (line === 'ALLIANCE OF “TOOTH AND LIPS” OR MARRIAGE OF CONVENIENCE?') {
      section = 'lead';
      number = 0;
      continue;
    }
    if (section === null) continue;
    const last = out[out.length - 1];
    if (!previousEndsSentence && last && last.section === section) {
      last.lines.push(i + 1);
      last.text += ` ${line}`;
      last.footnotes.push(...markers(line));
    } else {
      number += 1;
      out.push({ section, number, lines: [i + 1], text: line, footnotes: markers(line) });
    }
    previousEndsSentence = /[.!?”"*][⁰¹²³⁴⁵⁶⁷⁸⁹]*$/.test(line);
  }
  return out;
}

/** The footnotes of Shen 2008 by number. */
export function shenFootnotes(): Map<number, string> {
  const text = readFileSync(path.join(sourcesDir(), SHEN_FILE), 'utf8');
  const notes = new Map<number, string>();
  const start = text.indexOf('\n¹ ');
  for (const raw of text.slice(start).split('\n')) {
    const line = raw.replace(/^- /, '').trim();
    const match = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s/.exec(line);
    if (match) {
      const n = markers(match[1] ?? '')[0];
      if (n !== undefined && !notes.has(n)) notes.set(n, line);
    }
  }
  return notes;
}

export interface ParsedLocator {
  paragraphs: { section: string; number: number }[];
  footnotes: number[];
  unparsed: string[];
}

function numberList(text: string): number[] {
  const out: number[] = [];
  for (const part of text.replace(/fns?\.?/gi, '').split(/,\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part.trim());
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(n);
    } else if (/^\d+$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return out;
}

/** Reads "§V, para 26-27, 34; fn 104, 105" and the like. */
export function parseShenLocator(at: string): ParsedLocator {
  const result: ParsedLocator = { paragraphs: [], footnotes: [], unparsed: [] };
  let section: string | null = null;
  for (const rawPart of at.split(';')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const para = /^(?:§\s*([IVX]+)|lead paragraphs?|introduction)\s*,?\s*(?:paras?\.?\s*([\d,\s–-]+))?$/i.exec(part);
    const fn = /^(?:fns?\.?|footnotes?|notes?)\s*([\d,\s–fn.-]+)$/i.exec(part);
    if (para) {
      section = para[1] ?? 'lead';
      for (const number of numberList(para[2] ?? '')) result.paragraphs.push({ section, number });
    } else if (fn) {
      result.footnotes.push(...numberList(fn[1] ?? ''));
    } else if (section !== null && /^paras?\.?\s*[\d,\s–-]+$/i.test(part)) {
      for (const number of numberList(part.replace(/^paras?\.?\s*/i, ''))) result.paragraphs.push({ section, number });
    } else {
      result.unparsed.push(part);
    }
  }
  return result;
}
