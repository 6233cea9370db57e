/**
 * Search ranking. The database proposes candidates (full-text with fuzzy terms); this decides
 * how well each candidate's name forms match what was typed, so the order is explainable and
 * testable without a database.
 */
import { compactName, normalizeName, phoneticName } from './names.js';

export type MatchHow = 'EXACT' | 'PREFIX' | 'FUZZY';

export interface NameMatch {
  readonly score: number;
  readonly form: string;
  readonly how: MatchHow;
}

export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly forms: readonly string[];
}

export interface RankedCandidate<C extends Candidate> extends NameMatch {
  readonly candidate: C;
}

/** Below this a candidate is noise, not a typo. */
export const MIN_SCORE = 0.5;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

function similarity(a: string, b: string): number {
  const longest = Math.max([...a].length, [...b].length);
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
}

const sortedTokens = (spaced: string): string => spaced.split(' ').sort().join('');

interface Keys {
  readonly compact: string;
  readonly phonetic: string;
  readonly phoneticSorted: string;
  readonly tokens: readonly string[];
}

function keysOf(form: string): Keys {
  const phonetic = phoneticName(form);
  return {
    compact: compactName(form),
    phonetic: phonetic.replace(/\s+/g, ''),
    phoneticSorted: sortedTokens(phonetic),
    tokens: phonetic.split(' ').filter(Boolean),
  };
}

/** How well `query` matches one name form; null when it does not. */
export function matchForm(query: string, form: string): NameMatch | null {
  return matchKeys(keysOf(query), form);
}

function matchKeys(q: Keys, form: string): NameMatch | null {
  const f = keysOf(form);
  if (q.compact === '' || f.compact === '') return null;
  if (q.compact === f.compact) return { score: 1, form, how: 'EXACT' };
  if (q.phonetic === f.phonetic) return { score: 0.95, form, how: 'EXACT' };
  if (q.phoneticSorted === f.phoneticSorted) return { score: 0.9, form, how: 'EXACT' };
  // Every typed token begins a token of the form: "Pak" finds every Pak, "Pak Hon" Pak Hon-yong.
  const remaining = [...f.tokens];
  const prefix = q.tokens.every((token) => {
    const index = remaining.findIndex((candidate) => candidate.startsWith(token));
    if (index < 0) return false;
    remaining.splice(index, 1);
    return true;
  });
  if (prefix) return { score: 0.6 + 0.25 * (q.phonetic.length / f.phonetic.length), form, how: 'PREFIX' };
  // Typos: the worse of compact and phonetic similarity is ignored; short names need closer matches.
  const sim = Math.max(similarity(q.compact, f.compact), similarity(q.phonetic, f.phonetic), similarity(q.phoneticSorted, f.phoneticSorted));
  const threshold = f.phonetic.length <= 6 ? 0.8 : 0.7;
  if (sim >= threshold) return { score: 0.85 * sim, form, how: 'FUZZY' };
  return null;
}

/** The best-matching form of one candidate. */
export function matchCandidate(query: string, forms: readonly string[]): NameMatch | null {
  let best: NameMatch | null = null;
  const typed = query.trim().toLowerCase();
  const keys = keysOf(query);
  for (const form of forms) {
    // The very form typed (diacritics and all) is the one to report.
    if (form.toLowerCase() === typed) return { score: 1, form, how: 'EXACT' };
    const match = matchKeys(keys, form);
    if (match !== null && (best === null || match.score > best.score)) best = match;
  }
  return best;
}

/** Best match first; equal scores prefer the preferred name, then id, so the order is stable. */
export function rankCandidates<C extends Candidate>(query: string, candidates: readonly C[], limit: number): RankedCandidate<C>[] {
  const ranked: RankedCandidate<C>[] = [];
  for (const candidate of candidates) {
    const match = matchCandidate(query, candidate.forms);
    if (match !== null && match.score >= MIN_SCORE) ranked.push({ ...match, candidate });
  }
  ranked.sort((a, b) => b.score - a.score || Number(b.form === b.candidate.name) - Number(a.form === a.candidate.name) || a.candidate.id.localeCompare(b.candidate.id));
  return ranked.slice(0, limit);
}

/**
 * The Lucene query that proposes candidates from the person_names full-text index: the whole
 * compact and phonetic keys and each token, fuzzily, plus the last token as a prefix (the
 * user may still be typing). Only letters and digits reach Lucene, so no syntax can be injected.
 */
export function luceneQuery(query: string): string {
  const clean = (s: string): string => s.replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
  const terms = new Set<string>();
  const fuzzy = (term: string): string => (term.length >= 6 ? `${term}~2` : term.length >= 3 ? `${term}~1` : term);
  const normalized = clean(normalizeName(query));
  const phonetic = clean(phoneticName(query));
  for (const spaced of [normalized, phonetic]) {
    if (spaced === '') continue;
    const tokens = spaced.split(' ');
    terms.add(fuzzy(tokens.join('')));
    for (const token of tokens) terms.add(fuzzy(token));
    const last = tokens[tokens.length - 1]!;
    if (last.length >= 2 && /^[a-z0-9]+$/.test(last)) terms.add(`${last}*`);
  }
  return [...terms].join(' OR ');
}

/** Exact keys to look up alongside the full-text search (Hangul/Hanja and punctuation-heavy forms). */
export function exactKeys(query: string): string[] {
  const phonetic = phoneticName(query);
  return [...new Set([normalizeName(query), compactName(query), phonetic, phonetic.replace(/\s+/g, '')])].filter((key) => key !== '');
}
