/**
 * Static limits on console text that the database cannot enforce itself (measured on Neo4j
 * 5.26; see the README's console section):
 *
 * - Shape: nesting deeper than MAX_NESTING (500 nested parentheses or NOTs overflow Neo4j's
 *   parser and the query never returns), more than MAX_TOKENS tokens or MAX_OPERATORS binary
 *   operators (planning time grows with them: 6,000 `+` terms plan for over 10 s).
 * - Growth: values built inside one expression are not seen by the transaction memory tracker,
 *   and loops inside one expression do not check the time limit. So `range()` takes integer
 *   literals spanning at most MAX_RANGE values (MAX_RANGE_PRODUCT for all of them together);
 *   list iterations (comprehensions, reduce, any/all/none/single) nest at most
 *   MAX_ITERATION_NESTING deep; a reduce step uses its accumulator once and holds no other
 *   iteration or replace(); replace() takes literal strings, and at most MAX_GROWING_REPLACES
 *   of them may lengthen the text; at most MAX_DOUBLINGS constructs can double a value (`+`
 *   joining two computed values, a list or map literal of several variables): 30 of them in a
 *   WITH chain make a gigabyte.
 * - Regular expressions: `=~` takes a string literal without backreferences, without quantified
 *   groups that themselves repeat or alternate (`(.*a){12}` backtracks for minutes), and with at
 *   most MAX_REGEX_UNBOUNDED unbounded repeat: two (`.*a.*b`) backtrack quadratically over a
 *   string the query built itself, and Neo4j cannot stop a regex match once it has started.
 *
 * These are conservative by design: a query that needs more can be split, or run elsewhere.
 */
import { AtlasError, ErrorCode } from '../errors.js';
import { callArguments, closingIndex, lexCypher, type Token } from './cypher-lexer.js';

export const CONSOLE_TEXT_LIMITS = {
  maxNesting: 32,
  maxTokens: 2_000,
  maxOperators: 250,
  maxRange: 100_000,
  maxRangeProduct: 1_000_000,
  maxIterationNesting: 2,
  maxGrowingReplaces: 2,
  maxDoublings: 6,
  maxRegexUnbounded: 1,
  /** A bounded repeat {n,m} above this counts as unbounded. */
  maxRegexBound: 100,
} as const;

const L = CONSOLE_TEXT_LIMITS;

const reject = (message: string): AtlasError => new AtlasError(ErrorCode.QUERY_REJECTED, message, { field: 'query' });

const BINARY_NAMES = new Set(['AND', 'OR', 'XOR', 'IN', 'STARTS', 'ENDS', 'CONTAINS', 'IS']);
const BINARY_OPS = new Set(['+', '-', '*', '/', '%', '^', '=', '<>', '!=', '<', '>', '<=', '>=', '=~']);
const QUANTIFIERS = new Set(['ANY', 'ALL', 'NONE', 'SINGLE']);

const isLiteral = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'string' || t.kind === 'number');
export const isCall = (tokens: readonly Token[], i: number, name: string): boolean =>
  tokens[i]?.kind === 'name' && tokens[i].upper === name && tokens[i + 1]?.text === '(' && tokens[i - 1]?.text !== '.';

function checkShape(tokens: readonly Token[]): void {
  if (tokens.length > L.maxTokens) throw reject(`the query has more than ${L.maxTokens} tokens; split it`);
  let depth = 0;
  let nots = 0;
  let operators = 0;
  for (const t of tokens) {
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') depth -= 1;
    nots = t.kind === 'name' && t.upper === 'NOT' ? nots + 1 : 0;
    if (depth + nots > L.maxNesting) throw reject(`the query nests deeper than ${L.maxNesting} levels (brackets and NOTs); flatten it`);
    if ((t.kind === 'op' && BINARY_OPS.has(t.text)) || (t.kind === 'name' && BINARY_NAMES.has(t.upper))) operators += 1;
  }
  if (operators > L.maxOperators) throw reject(`the query has more than ${L.maxOperators} operators; split it`);
}

function integerOf(arg: readonly Token[]): number | null {
  const negative = arg.length === 2 && arg[0]!.text === '-';
  const number = arg[negative ? 1 : 0];
  if (arg.length !== (negative ? 2 : 1) || number?.kind !== 'number' || !/^[0-9_]+$/.test(number.text)) return null;
  const value = Number(number.text.replace(/_/g, ''));
  return negative ? -value : value;
}

/** How many values range() called at token i spans, or null when its bounds are not whole-number literals. */
export function rangeSpan(tokens: readonly Token[], i: number): number | null {
  const values = callArguments(tokens, i + 1).map(integerOf);
  if (values.length < 2 || values.some((value) => value === null)) return null;
  const [start, end, step = 1] = values as number[];
  return step === 0 ? 0 : Math.max(0, Math.floor((end! - start!) / step) + 1);
}

function checkRanges(tokens: readonly Token[]): void {
  let product = 1;
  tokens.forEach((_t, i) => {
    if (!isCall(tokens, i, 'RANGE')) return;
    const span = rangeSpan(tokens, i);
    if (span === null) throw reject('range() in the console takes whole-number literals (no parameters or expressions), so its size is known before it runs');
    if (span > L.maxRange) throw reject(`range() spans ${span} values; the console allows ${L.maxRange}`);
    product *= Math.max(1, span);
    if (product > L.maxRangeProduct)
      throw reject(`the ranges in this query span ${L.maxRangeProduct}+ values together; the console allows ${L.maxRangeProduct}`);
  });
}

export interface Iteration {
  readonly end: number;
  readonly reduce: boolean;
}

/** The iteration construct starting at token i (`[x IN`, `reduce(`, `any(x IN` ...), or null. */
export function iterationAt(tokens: readonly Token[], i: number): Iteration | null {
  const t = tokens[i]!;
  if (t.text === '[' && tokens[i + 1]?.kind === 'name' && tokens[i + 2]?.upper === 'IN') return { end: closingIndex(tokens, i), reduce: false };
  if (isCall(tokens, i, 'REDUCE')) return { end: closingIndex(tokens, i + 1), reduce: true };
  if (t.kind === 'name' && QUANTIFIERS.has(t.upper) && tokens[i + 1]?.text === '(' && tokens[i + 3]?.upper === 'IN')
    return { end: closingIndex(tokens, i + 1), reduce: false };
  return null;
}

/** reduce(acc = init, x IN list | step): the step may use acc once, and hold no iteration or replace(). */
function checkReduceStep(tokens: readonly Token[], start: number, end: number): void {
  const accumulator = tokens[start + 2]?.text ?? '';
  let bar = start + 2;
  while (bar < end && tokens[bar]!.text !== '|') bar += 1;
  let uses = 0;
  for (let i = bar + 1; i < end; i += 1) {
    const t = tokens[i]!;
    if (iterationAt(tokens, i) !== null || isCall(tokens, i, 'REPLACE')) {
      throw reject('a reduce() step may not hold another list iteration or replace(): the accumulated value could grow without limit');
    }
    if (t.kind === 'name' && t.text === accumulator && tokens[i - 1]?.text !== '.') uses += 1;
  }
  if (uses > 1) throw reject(`a reduce() step uses its accumulator ${accumulator} ${uses} times; it could double on every step`);
}

function checkIterations(tokens: readonly Token[]): void {
  const open: Iteration[] = [];
  tokens.forEach((_t, i) => {
    while (open.length > 0 && i > open[open.length - 1]!.end) open.pop();
    const iteration = iterationAt(tokens, i);
    if (iteration === null) return;
    if (iteration.reduce) checkReduceStep(tokens, i, iteration.end);
    open.push(iteration);
    if (open.length > L.maxIterationNesting)
      throw reject(`list iterations (comprehensions, reduce, any/all/none/single) nest at most ${L.maxIterationNesting} deep in the console`);
  });
}

/** The literal search and replacement strings of the replace() called at token i, or null when either is computed or the search is empty. */
function replaceStrings(tokens: readonly Token[], i: number): { readonly from: string; readonly to: string } | null {
  const [, search, replacement] = callArguments(tokens, i + 1);
  const literal = (arg: Token[] | undefined): string | null => (arg?.length === 1 && arg[0]!.kind === 'string' ? arg[0]!.text : null);
  const from = literal(search);
  const to = literal(replacement);
  return from === null || to === null || from === '' ? null : { from, to };
}

/** How many times longer the replace() calls of a query can make a text, all applied in turn (1 when none lengthens it). */
export function replaceGrowth(tokens: readonly Token[]): number {
  let growth = 1;
  tokens.forEach((_t, i) => {
    const strings = isCall(tokens, i, 'REPLACE') ? replaceStrings(tokens, i) : null;
    if (strings !== null) growth *= Math.max(1, Math.ceil(strings.to.length / strings.from.length));
  });
  return growth;
}

function checkReplaces(tokens: readonly Token[]): void {
  let growing = 0;
  tokens.forEach((_t, i) => {
    if (!isCall(tokens, i, 'REPLACE')) return;
    const strings = replaceStrings(tokens, i);
    if (strings === null) throw reject('replace() in the console takes a non-empty literal search string and a literal replacement');
    if (strings.to.length > strings.from.length) growing += 1;
    if (growing > L.maxGrowingReplaces) throw reject(`at most ${L.maxGrowingReplaces} replace() calls per query may lengthen the text`);
  });
}

/** A list or map literal element that is a bare variable (`l` in `[l, l]` or `{a: l}`). */
function isBareVariable(element: readonly Token[], map: boolean): boolean {
  const value = map && element[1]?.text === ':' ? element.slice(2) : element;
  return value.length === 1 && value[0]!.kind === 'name';
}

/**
 * Constructs that can double a value: `+` joining two computed values, and a list or map literal
 * holding two or more variables (`WITH [l, l] AS l` doubles what a later RETURN sends).
 */
export function doublingCount(tokens: readonly Token[]): number {
  let doublings = tokens.filter((t, i) => t.kind === 'op' && t.text === '+' && !isLiteral(tokens[i - 1]) && !isLiteral(tokens[i + 1])).length;
  tokens.forEach((t, i) => {
    if ((t.text !== '[' && t.text !== '{') || iterationAt(tokens, i) !== null) return;
    const variables = callArguments(tokens, i).filter((element) => isBareVariable(element, t.text === '{')).length;
    if (variables >= 2) doublings += 1;
  });
  return doublings;
}

function checkDoublings(tokens: readonly Token[]): void {
  const doublings = doublingCount(tokens);
  if (doublings > L.maxDoublings)
    throw reject(
      `the query has ${doublings} constructs that can double a value (+ between computed values, lists or maps of several variables); the console allows ${L.maxDoublings}`,
    );
}

/** Why `pattern` could backtrack for a very long time, or null. */
export function regexHazard(pattern: string): string | null {
  if (/\\(?:[1-9]|k<)/.test(pattern)) return 'backreferences';
  // One entry per open group: does it hold a repeat or an alternation?
  const groups: boolean[] = [];
  let unbounded = 0;
  let lastGroupRisky = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    const bounds = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
    if (c === '*' || c === '+' || c === '?' || bounds !== null) {
      const repeat = c !== '?';
      const upper = bounds === null ? 1 : Number(bounds[3] === undefined ? bounds[1] : bounds[3] === '' ? Infinity : bounds[3]);
      if (c === '*' || c === '+' || upper > L.maxRegexBound) unbounded += 1;
      if (lastGroupRisky && repeat) return 'a repeated group that itself repeats or alternates';
      if (repeat && groups.length > 0) groups[groups.length - 1] = true;
      i += bounds === null ? 0 : bounds[0].length - 1;
      if (pattern[i + 1] === '?' || pattern[i + 1] === '+') i += 1;
      lastGroupRisky = false;
      continue;
    }
    lastGroupRisky = false;
    if (c === '\\') {
      i += 1;
    } else if (c === '[') {
      let j = i + 1;
      while (j < pattern.length && (pattern[j] !== ']' || j === i + 1)) j += pattern[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(') {
      groups.push(false);
      if (pattern[i + 1] === '?') i += 1;
    } else if (c === '|') {
      if (groups.length > 0) groups[groups.length - 1] = true;
    } else if (c === ')') {
      lastGroupRisky = groups.pop() ?? false;
      if (lastGroupRisky && groups.length > 0) groups[groups.length - 1] = true;
    }
  }
  return unbounded > L.maxRegexUnbounded
    ? `more than ${L.maxRegexUnbounded} unbounded repeat (*, +, {n,}; use CONTAINS, STARTS WITH or ENDS WITH for "contains")`
    : null;
}

function checkRegexes(tokens: readonly Token[]): void {
  tokens.forEach((t, i) => {
    if (t.kind !== 'op' || t.text !== '=~') return;
    const pattern = tokens[i + 1];
    const after = tokens[i + 2];
    if (pattern?.kind !== 'string' || (after !== undefined && after.kind === 'op' && after.text === '+')) {
      throw reject('=~ in the console takes its regular expression as a string literal, so it can be checked before it runs');
    }
    const hazard = regexHazard(pattern.text);
    if (hazard !== null) throw reject(`the regular expression has ${hazard}, which can backtrack for minutes; simplify it`);
  });
}

/** Throws QUERY_REJECTED when the text breaks one of the limits above. */
export function checkConsoleLimits(text: string): void {
  const tokens = lexCypher(text);
  checkShape(tokens);
  checkRanges(tokens);
  checkIterations(tokens);
  checkReplaces(tokens);
  checkDoublings(tokens);
  checkRegexes(tokens);
}
