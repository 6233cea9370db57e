/**
 * Search ranking. The database proposes candidates (full-text: exact tokens first, fuzzy terms
 * only when those find too few); this decides how well each candidate's name forms match what
 * was typed, so the order is explainable and testable without a database.
 *
 * Score bands, best first: EXACT (1 the form as typed or the same compact key, 0.95 the same
 * romanization skeleton, 0.9 the same tokens in another order); whole tokens (0.85 every typed
 * token is an entire token of the form, in order, 0.8 in another order); PREFIX (0.6-0.8, every
 * typed token begins a token of the form); FUZZY (0.57-0.6, typos). So a name that holds every
 * typed token always outranks a typo match, which is what lets the database skip the fuzzy pass
 * when the exact pass already found `limit` names. Equal scores prefer the preferred name, then
 * the more prominent person (more ties, memberships, offices and events), then the id.
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
  /** Tie-break between equal matches: the person's degree in the graph (0 when unknown). */
  readonly prominence?: number;
}

export interface RankedCandidate<C extends Candidate> extends NameMatch {
  readonly candidate: C;
}

/** Below this a candidate is noise, not a typo. */
export const MIN_SCORE = 0.5;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition). With `max`, stops
 * as soon as the distance must exceed it and returns max + 1.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  // Three rolling rows (i-2, i-1, i) instead of the whole matrix.
  let before = new Int32Array(y.length + 1);
  let previous = Int32Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Int32Array(y.length + 1);
  let previousMin = 0;
  for (let i = 1; i <= x.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later cell comes from one of the last two rows, never below their minimum.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[y.length]!, max + 1);
}

/** 1 - edit distance / the longer length; 0 when that is below `threshold` (not worth computing exactly). */
function similarity(a: string, b: string, threshold: number): number {
  const longest = Math.max([...a].length, [...b].length);
  if (longest === 0) return 0;
  const sim = 1 - editDistance(a, b, Math.floor((1 - threshold) * longest + 1e-9)) / longest;
  return sim >= threshold ? sim : 0;
}

const sortedTokens = (spaced: string): string => spaced.split(' ').sort().join('');

interface Keys {
  readonly compact: string;
  readonly phonetic: string;
  readonly phoneticSorted: string;
  /** Normalised tokens ("sang", "jo") and their skeletons ("sang", "co"), position by position. */
  readonly words: readonly string[];
  readonly tokens: readonly string[];
}

/**
 * Keys of name forms seen lately. The same forms come back request after request (a person's
 * name and aliases; the text being typed), and computing their skeletons is most of the
 * ranking's cost. Bounded: cleared when full.
 */
const KEYS_CACHE_SIZE = 20_000;
const keysCache = new Map<string, Keys>();
const pairsCache = new WeakMap<Keys, readonly string[]>();

function keysOf(form: string): Keys {
  const cached = keysCache.get(form);
  if (cached !== undefined) return cached;
  const words = normalizeName(form).split(' ').filter(Boolean);
  const tokens = words.map((word) => phoneticName(word));
  const phonetic = tokens.join(' ');
  const keys: Keys = { compact: words.join(''), phonetic: phonetic.replace(/\s+/g, ''), phoneticSorted: sortedTokens(phonetic), words, tokens };
  if (keysCache.size >= KEYS_CACHE_SIZE) keysCache.clear();
  keysCache.set(form, keys);
  return keys;
}

/** Skeletons of each two neighbouring words written as one ("Sang-jo" -> "sangjo" -> "sankco"), by first position. */
function joinedPairs(keys: Keys): readonly string[] {
  let pairs = pairsCache.get(keys);
  if (pairs === undefined) {
    pairs = keys.words.slice(1).map((word, i) => phoneticName(keys.words[i]! + word));
    pairsCache.set(keys, pairs);
  }
  return pairs;
}

interface TokenMatch {
  /** Every typed token is an entire token (or two joined syllables) of the form. */
  readonly whole: boolean;
  /** ... and they come in the form's order. */
  readonly inOrder: boolean;
  /** ... and every token of the form was typed. */
  readonly complete: boolean;
}

/**
 * Matches the typed tokens to distinct tokens of the form: each typed token must be an entire
 * token, two neighbouring tokens written as one ("Sangjo" for "Sang-jo"), one of two typed
 * tokens joined in the form ("Sang jo" for "Sangjo"), or the beginning of a token. Null when
 * some typed token matches nothing.
 */
function matchTokens(q: Keys, f: Keys): TokenMatch | null {
  const used = new Array<boolean>(f.tokens.length).fill(false);
  const order: number[] = [];
  let whole = true;
  let formPairs: readonly string[] | null = null;
  let typedPairs: readonly string[] | null = null;
  const free = (i: number): boolean => i >= 0 && i < used.length && !used[i];
  const take = (...indexes: number[]): true => {
    for (const i of indexes) used[i] = true;
    order.push(indexes[0]!);
    return true;
  };
  const findSingle = (test: (token: string, i: number) => boolean): number => f.tokens.findIndex((token, i) => !used[i] && test(token, i));
  const findPair = (test: (joined: string) => boolean): number => {
    formPairs ??= joinedPairs(f);
    return formPairs.findIndex((joined, i) => free(i) && free(i + 1) && test(joined));
  };
  for (let j = 0; j < q.tokens.length; j += 1) {
    const token = q.tokens[j]!;
    let i = findSingle((candidate) => candidate === token);
    if (i >= 0 && take(i)) continue;
    i = findPair((joined) => joined === token);
    if (i >= 0 && take(i, i + 1)) continue;
    if (j + 1 < q.tokens.length) {
      typedPairs ??= joinedPairs(q);
      const joined = typedPairs[j]!;
      i = findSingle((candidate) => candidate === joined);
      if (i >= 0 && take(i)) {
        j += 1;
        continue;
      }
    }
    whole = false;
    // A prefix of the word as written or of its skeleton ("Sang" begins "Sangjo", whose skeleton is "sankco").
    i = findSingle((candidate, k) => candidate.startsWith(token) || f.words[k]!.startsWith(q.words[j]!));
    if (i >= 0 && take(i)) continue;
    i = findPair((joined) => joined.startsWith(token));
    if (i >= 0 && take(i, i + 1)) continue;
    return null;
  }
  return { whole, inOrder: order.every((index, k) => k === 0 || index > order[k - 1]!), complete: used.every(Boolean) };
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
  // "Pak" finds every Pak, "Pak Hon" Pak Hon-yong, "Sangjo" Ri Sang-jo.
  const tokens = matchTokens(q, f);
  if (tokens !== null) {
    if (tokens.whole && tokens.complete) return { score: 0.9, form, how: 'EXACT' };
    if (tokens.whole) return { score: tokens.inOrder ? 0.85 : 0.8, form, how: 'PREFIX' };
    return { score: 0.6 + 0.2 * Math.min(1, q.phonetic.length / f.phonetic.length), form, how: 'PREFIX' };
  }
  // Typos: the best of compact, phonetic and token-order-free similarity; short names need closer matches.
  const threshold = f.phonetic.length <= 6 ? 0.8 : 0.7;
  // The length difference alone bounds the similarity: skip the edit distances when it rules them out.
  const length = (key: string): number => [...key].length;
  const [qc, fc, qp, fp] = [length(q.compact), length(f.compact), length(q.phonetic), length(f.phonetic)];
  if (Math.min(Math.abs(qc - fc), Math.abs(qp - fp)) > (1 - threshold) * Math.max(qc, fc, qp, fp)) return null;
  const sim = Math.max(
    similarity(q.compact, f.compact, threshold),
    similarity(q.phonetic, f.phonetic, threshold),
    similarity(q.phoneticSorted, f.phoneticSorted, threshold),
  );
  if (sim >= threshold) return { score: 0.5 + 0.1 * sim, form, how: 'FUZZY' };
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

/** Best match first; equal scores prefer the preferred name, then prominence, then id, so the order is stable. */
export function rankCandidates<C extends Candidate>(query: string, candidates: readonly C[], limit: number): RankedCandidate<C>[] {
  const ranked: RankedCandidate<C>[] = [];
  for (const candidate of candidates) {
    const match = matchCandidate(query, candidate.forms);
    if (match !== null && match.score >= MIN_SCORE) ranked.push({ ...match, candidate });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.form === b.candidate.name) - Number(a.form === a.candidate.name) ||
      (b.candidate.prominence ?? 0) - (a.candidate.prominence ?? 0) ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return ranked.slice(0, limit);
}

/** Letters, digits and single spaces only: nothing else reaches Lucene, so no syntax can be injected. */
const clean = (s: string): string =>
  s
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const isLatin = (token: string): boolean => /^[a-z0-9]+$/.test(token);
/** The words typed, normalised, as Lucene sees them. */
const typedWords = (query: string): string[] => clean(normalizeName(query)).split(' ').filter(Boolean);

/** Longer terms are looked up exactly, even in the fuzzy pass. */
const MAX_FUZZY_TERM = 24;

/**
 * The fuzzy Lucene query (the fallback pass) over the person_names full-text index: the whole
 * compact and phonetic keys and each token, fuzzily, plus the last token as a prefix (the user
 * may still be typing).
 */
export function luceneQuery(query: string): string {
  const terms = new Set<string>();
  // Past any real name's length a fuzzy term only costs (Lucene builds an automaton per term): exact then.
  const fuzzy = (term: string): string => (term.length > MAX_FUZZY_TERM ? term : term.length >= 6 ? `${term}~2` : term.length >= 3 ? `${term}~1` : term);
  const normalized = clean(normalizeName(query));
  const phonetic = clean(phoneticName(query));
  for (const spaced of [normalized, phonetic]) {
    if (spaced === '') continue;
    const tokens = spaced.split(' ');
    terms.add(fuzzy(tokens.join('')));
    for (const token of tokens) terms.add(fuzzy(token));
    const last = tokens[tokens.length - 1]!;
    if (last.length >= 2 && isLatin(last)) terms.add(`${last}*`);
  }
  return [...terms].join(' OR ');
}

/** A Lucene term, or a quoted phrase (analysed like the index: Hanja splits into characters, "sang jo" into two words). */
const exactTerm = (text: string): string => (isLatin(text) ? text : `"${text}"`);

const SYLLABLE = /^[a-z]*[aeiou][a-z]*$/;

/**
 * A word of joined syllables may be meant as two ("sangjo" for "Sang-jo"): each split into two
 * parts that could each be a syllable (they hold a vowel), as phrases, also as skeletons.
 */
function splits(word: string): string[] {
  if (!isLatin(word) || word.length < 3 || word.length > 12) return [];
  const out: string[] = [];
  for (let k = 1; k < word.length; k += 1) {
    const [a, b] = [word.slice(0, k), word.slice(k)];
    if (SYLLABLE.test(a) && SYLLABLE.test(b)) out.push(`"${a} ${b}"`, `"${phoneticName(a)} ${phoneticName(b)}"`);
  }
  return out;
}

const MAX_EXACT_WORDS = 8;
const HANGUL = /^\p{Script=Hangul}+$/u;

/**
 * The exact Lucene query (the first pass): the typed name's keys as phrases or terms, or else
 * every typed word, each as itself, its skeleton, its two halves if joined, or (the last word)
 * a prefix. No fuzzy terms, which are what makes full-text search slow on a large index.
 */
export function exactLuceneQuery(query: string): string {
  // Each distinct word once (the last one stays last: it may be unfinished); a name has a
  // handful, so more only make the query costly.
  const typed = typedWords(query);
  const words = typed.filter((word, i) => typed.lastIndexOf(word) === i).slice(-MAX_EXACT_WORDS);
  if (words.length === 0) return '';
  const required = words.map((word, i) => {
    const alternatives = new Set([exactTerm(word), exactTerm(phoneticName(word)), ...splits(word)]);
    // The last word may be unfinished: a prefix, even of one letter once other words narrow it ("Pak Ok-i").
    if (i === words.length - 1 && (word.length >= 2 || words.length > 1) && isLatin(word)) {
      alternatives.add(`${word}*`);
      if (isLatin(phoneticName(word))) alternatives.add(`${phoneticName(word)}*`);
    }
    // Hangul is indexed a word at a time, so its syllables typed so far are a prefix too ("박헌").
    if (i === words.length - 1 && HANGUL.test(word)) alternatives.add(`${word}*`);
    return `+(${[...alternatives].join(' OR ')})`;
  });
  const keys = new Set(
    exactKeys(query)
      .map(clean)
      .filter((key) => key !== '')
      .map(exactTerm),
  );
  return [...keys, `(${required.join(' ')})`].join(' OR ');
}

/**
 * Lucene cannot require that typed words match different words of a name: "Sin Ok-Si" finds
 * every Sin Ok-..., since "si*" is satisfied by "sin" itself. When the last word begins other
 * typed words (or repeats one), search.cypher takes a larger pool of exact hits and keeps those
 * with that many words beginning with it. Null when no such check is needed.
 */
export function prefixCheck(query: string): { readonly prefix: string; readonly words: number } | null {
  const words = typedWords(query);
  const last = words[words.length - 1];
  if (last === undefined || words.length < 2) return null;
  const count = words.filter((word) => word.startsWith(last)).length;
  return count >= 2 ? { prefix: last, words: count } : null;
}

/** Exact keys of a query: normalised and phonetic, spaced and compact (as stored in Person.searchKeys). */
export function exactKeys(query: string): string[] {
  const phonetic = phoneticName(query);
  return [...new Set([normalizeName(query), compactName(query), phonetic, phonetic.replace(/\s+/g, '')])].filter((key) => key !== '');
}

/** Parameters of cypher/queries/search.cypher for a query text and result limit (null when no letter or digit was typed). */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- passed where the driver wants `Params` (an index signature), which an interface does not satisfy
export type SearchParams = {
  readonly exact: string;
  readonly fuzzy: string;
  /** The fuzzy pass runs only when the exact pass found fewer persons than this (the limit asked for). */
  readonly enough: number;
  /** Persons to take from each pass, and to return at most. */
  readonly candidates: number;
  /** Exact hits to look through for them (more than `candidates` only with a prefix check). */
  readonly pool: number;
  /** See prefixCheck: hits must have `prefixWords` words of one key beginning with `prefix` (null: no check). */
  readonly prefix: string | null;
  readonly prefixWords: number;
};

/** The pool for a prefix check: at 100k synthetic persons "Kim Il-K" has ~500 exact hits. */
const PREFIX_POOL = 1_000;

/**
 * Both passes look in the searchKeys field only. It holds every name form normalised (the other
 * fields of person_names hold the same forms as written, which a normalised query cannot match
 * any better), and an unqualified query would run each term against all five fields: five fuzzy
 * automata per term instead of one, most of the fuzzy pass's cost.
 */
const inSearchKeys = (query: string): string => `searchKeys:(${query})`;

export function searchParams(query: string, limit: number): SearchParams | null {
  const exact = exactLuceneQuery(query);
  const fuzzy = luceneQuery(query);
  if (exact === '' || fuzzy === '') return null;
  const candidates = Math.max(50, limit * 5);
  const check = prefixCheck(query);
  return {
    exact: inSearchKeys(exact),
    fuzzy: inSearchKeys(fuzzy),
    enough: limit,
    candidates,
    pool: check === null ? candidates : Math.max(PREFIX_POOL, candidates),
    prefix: check?.prefix ?? null,
    prefixWords: check?.words ?? 0,
  };
}
