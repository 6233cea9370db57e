/**
 * The console's expression budget (issue 14, case 1): a bound, read from the text and the
 * parameters alone, on the bytes a query can build inside expressions, where Neo4j's transaction
 * memory tracker does not look.
 *
 * The tracker sees what operators hold (collect(), ORDER BY, DISTINCT, aggregations), but not
 * the strings and lists an expression builds: a list comprehension's elements, a reduce()
 * accumulator, a concatenation, a function's result. The limits in console-limits.ts bound how
 * fast one value grows (doublings, replace()) and how many elements a range() makes, but not the
 * two together: 100,000 elements (one range() within its limit) of a 16,000-character literal
 * plus a number (within the text limit) is 1.6 GB, and the 1 GB heap is gone. This bounds the
 * product, whatever the spelling (a literal, a WITH variable, a parameter, a property):
 *
 *   value       = (2 x characters of string literals + 2 x characters of the parameters used
 *                  + PROPERTY_BYTES x the property reads one value can hold: all of them, or one
 *                  more than the query's `+` operators if that is fewer)
 *                 x 2^doublings x replace() growth
 *                 (the largest value the query can build once; two bytes a character, as Java
 *                 stores text outside Latin-1)
 *   element(I)  = ELEMENT_BYTES x value tokens of I's body outside nested iterations
 *                 + value x (1 + commas in I's body)      (each list or map entry can hold one)
 *                 + kept(J) for each iteration J nested in I's body
 *   count(I)    = the span of I's range() source, the length of a list parameter, or for a
 *                 list from the data (collect(), nodes(p), a property) the largest of
 *                 DATA_LIST_ELEMENTS, the product of the query's range() spans (a list collected
 *                 from UNWIND range() rows) and the most rows the planner expects (EXPLAIN)
 *   kept(I)     = count(I) x element(I), or 0 when I is any/all/none/single or only passed to
 *                 size(), head(), last() or isEmpty() (dropped before the next element)
 *   peak(I)     = kept(I) + the largest passing part of one element (nested peaks beyond kept)
 *   worst case  = value + sum over the outermost iterations I of peak(I)
 *
 * A query whose worst case exceeds its share of the heap is refused before it runs. The share
 * (consoleExpressionBudget) is a quarter of the heap split over the console slots, 128 MB with
 * the default 1 GB heap and two slots: the transaction trackers may use half the heap (the
 * launcher's db.memory.transaction.total.max), the consoles' expressions a quarter, and Neo4j's
 * own objects keep the last quarter (75 MB in use after a start with the curated data).
 *
 * Iterations are list comprehensions, pattern comprehensions, reduce() and any/all/none/single
 * (their values are dropped after each element, but counting them keeps the rule simple). Rows
 * are not: UNWIND and MATCH hand rows on one at a time, and the operators that hold rows are
 * tracked. The length of a list from the data is known only as well as the planner estimates
 * the rows it is collected from: it is checked twice, from the text before EXPLAIN and with the
 * plan's estimate after it.
 *
 * Paths of several hops are where the planner is furthest off (it expected 867 paths of one to
 * four hops from Kim Il-sung in the curated data; there are 221,725), so their rows are not taken
 * from its estimate (checkPathExpansions). Every variable-length relationship, shortest path and
 * quantified path pattern must state an upper bound of at most MAX_PATH_HOPS hops, and the paths
 * it can walk are bounded from the data: the rows the planner expects into it (its start points,
 * which it estimates well) times the sum over the allowed lengths k of maxDegree^k, maxDegree
 * being the most relationships any one node has. That bound takes the place of the planner's rows
 * for the lists collected from them. A path itself (nodes(p), relationships(p)) has at most one
 * node more than its hops: PATH_NODES_MAX.
 */
import { AtlasError, ErrorCode } from '../errors.js';
import type { PathExpansion } from './database.js';
import { closingIndex, lexCypher, type Token } from './cypher-lexer.js';
import { doublingCount, isCall, iterationAt, rangeSpan, replaceGrowth } from './console-limits.js';

/** Bytes a built element costs beyond its text: Neo4j's value around a Java object, its headers, its slot in the list. */
export const ELEMENT_BYTES = 64;
/** A property read, in bytes: the longest string in the curated seed has 515 characters, at two bytes each. */
export const PROPERTY_BYTES = 1_024;
/**
 * Elements assumed in a list from the data before the plan is known: the curated atlas has about
 * 340 nodes and 700 relationships, and paths and per-node lists are far shorter. Lists of a
 * larger graph (the synthetic network has up to 100,000 people) take the planner's estimate.
 */
export const DATA_LIST_ELEMENTS = 10_000;

/** The most hops a path of the console may take: a variable-length relationship needs `*..3` or less. */
export const MAX_PATH_HOPS = 3;
/**
 * Elements of nodes(p) or relationships(p): a path has at most one node more than its hops, and a
 * query at most a few relationship patterns strung together (a pattern's text is short).
 */
export const PATH_NODES_MAX = 1 + 8 * MAX_PATH_HOPS;

/** The console's expression budget for one query: a quarter of the heap, split over the console slots. */
export function consoleExpressionBudget(heapMb: number, consoleSlots: number): number {
  return Math.floor((heapMb * 1024 * 1024) / 4 / Math.max(1, consoleSlots));
}

type Params = Readonly<Record<string, unknown>>;

interface Estimate {
  /** Bytes its result holds once it is built. */
  readonly kept: number;
  /** Bytes live at the worst moment while it is built: its result so far and one element's passing values. */
  readonly peak: number;
  readonly count: number;
  readonly elementBytes: number;
  readonly start: number;
}

/** Functions that reduce a list to a small value: a list built only for them is dropped at once. */
const CONSUMERS = new Set(['SIZE', 'HEAD', 'LAST', 'ISEMPTY']);
const QUANTIFIERS = new Set(['ANY', 'ALL', 'NONE', 'SINGLE']);

/** Whether the iteration [start, end] is the whole argument of size(), head(), last() or isEmpty(). */
function consumedAtOnce(tokens: readonly Token[], start: number, end: number): boolean {
  return (
    tokens[start - 1]?.text === '(' &&
    CONSUMERS.has(tokens[start - 2]?.upper ?? '') &&
    isCall(tokens, start - 2, tokens[start - 2]!.upper) &&
    tokens[end + 1]?.text === ')'
  );
}

/** A pattern comprehension `[(a)-->(b) | ...]` or `[p = (a)-->(b) | ...]`: a list from the data. */
function patternComprehensionAt(tokens: readonly Token[], i: number): number | null {
  if (tokens[i]?.text !== '[') return null;
  const pattern = tokens[i + 1]?.text === '(' || (tokens[i + 1]?.kind === 'name' && tokens[i + 2]?.text === '=' && tokens[i + 3]?.text === '(');
  if (!pattern) return null;
  const end = closingIndex(tokens, i);
  let depth = 0;
  for (let j = i + 1; j < end; j += 1) {
    const t = tokens[j]!;
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') depth -= 1;
    if (depth === 0 && t.text === '|') return end;
  }
  return null;
}

/** Index of the first token at bracket depth 0 in [from, end) that `stop` accepts, or end. */
function findTopLevel(tokens: readonly Token[], from: number, end: number, stop: (t: Token) => boolean): number {
  let depth = 0;
  for (let j = from; j < end; j += 1) {
    const t = tokens[j]!;
    if (depth === 0 && stop(t)) return j;
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') depth -= 1;
  }
  return end;
}

/** Where an iteration's source list and body lie: [sourceStart, sourceEnd) and [sourceEnd, end). */
function iterationParts(tokens: readonly Token[], i: number, end: number): { source: [number, number]; body: [number, number] } {
  const isIn = (t: Token): boolean => t.kind === 'name' && t.upper === 'IN';
  const afterSource = (t: Token): boolean => t.text === '|' || (t.kind === 'name' && t.upper === 'WHERE');
  if (tokens[i]!.text === '[' && patternComprehensionAt(tokens, i) !== null) {
    // The pattern is the source; everything after its bar is the body.
    const bar = findTopLevel(tokens, i + 1, end, (t) => t.text === '|');
    return { source: [i + 1, bar], body: [bar, end] };
  }
  // reduce(acc = init, x IN source | step); [x IN source WHERE p | body]; any(x IN source WHERE p).
  const open = tokens[i]!.text === '[' ? i : i + 1;
  const inAt = isCall(tokens, i, 'REDUCE')
    ? findTopLevel(tokens, findTopLevel(tokens, open + 1, end, (t) => t.text === ',') + 1, end, isIn)
    : findTopLevel(tokens, open + 1, end, isIn);
  const sourceEnd = findTopLevel(tokens, inAt + 1, end, afterSource);
  return { source: [inAt + 1, sourceEnd], body: [sourceEnd, end] };
}

function paramValue(token: Token, params: Params): unknown {
  return params[token.text.slice(1).replace(/^`|`$/g, '')];
}

/** Elements the source tokens [from, to) can yield. */
function sourceCount(tokens: readonly Token[], from: number, to: number, params: Params, value: number, dataList: number): number {
  if (to - from === 1 && tokens[from]!.kind === 'param') {
    const list = paramValue(tokens[from]!, params);
    if (Array.isArray(list)) return list.length;
  }
  // nodes(p) or relationships(p): one path's elements, not a list from the data.
  if ((isCall(tokens, from, 'NODES') || isCall(tokens, from, 'RELATIONSHIPS')) && closingIndex(tokens, from + 1) === to - 1) return PATH_NODES_MAX;
  let ranges = 0;
  let onlyRanges = true;
  let split = false;
  for (let j = from; j < to; j += 1) {
    if (isCall(tokens, j, 'RANGE')) {
      ranges += rangeSpan(tokens, j) ?? DATA_LIST_ELEMENTS;
      j = closingIndex(tokens, j + 1);
    } else if (tokens[j]!.text !== '+') {
      onlyRanges = false;
      if (isCall(tokens, j, 'SPLIT')) split = true;
    }
  }
  // split() yields at most one piece per character of the largest value.
  return ranges + (onlyRanges ? 0 : Math.max(dataList, split ? value : 0));
}

/** Whether a body token can stand for a value built per element (not `|`, `,`, WHERE or a closing bracket). */
function buildsValue(t: Token): boolean {
  return t.kind !== 'close' && t.text !== '|' && t.text !== ',' && !(t.kind === 'name' && t.upper === 'WHERE');
}

/** The iteration starting at token i: its end, or null. */
function iterationEnd(tokens: readonly Token[], i: number): number | null {
  return iterationAt(tokens, i)?.end ?? patternComprehensionAt(tokens, i);
}

function estimate(tokens: readonly Token[], i: number, end: number, params: Params, value: number, dataList: number): Estimate {
  const { source, body } = iterationParts(tokens, i, end);
  // A nested iteration in the source is built once per evaluation of this one.
  let sourcePeak = 0;
  for (let j = source[0]; j < source[1]; j += 1) {
    const nestedEnd = iterationEnd(tokens, j);
    if (nestedEnd === null) continue;
    sourcePeak += estimate(tokens, j, nestedEnd, params, value, dataList).peak;
    j = nestedEnd;
  }
  let elementBytes = 0;
  let passing = 0;
  let commas = 0;
  for (let j = body[0]; j < body[1]; j += 1) {
    const nestedEnd = iterationEnd(tokens, j);
    if (nestedEnd !== null) {
      const nested = estimate(tokens, j, nestedEnd, params, value, dataList);
      // A list only counted or looked into is dropped before the next element: it passes.
      const kept = consumedAtOnce(tokens, j, nestedEnd) ? 0 : nested.kept;
      elementBytes += kept;
      passing += nested.peak - kept;
      j = nestedEnd;
      continue;
    }
    if (tokens[j]!.text === ',') commas += 1;
    else if (buildsValue(tokens[j]!)) elementBytes += ELEMENT_BYTES;
  }
  elementBytes += value * (1 + commas);
  const count = sourceCount(tokens, source[0], source[1], params, value, dataList);
  // any/all/none/single keep a boolean: what each element builds passes.
  const quantifier = QUANTIFIERS.has(tokens[i]!.upper);
  const kept = quantifier ? 0 : count * elementBytes;
  return { kept, peak: sourcePeak + kept + passing + (quantifier ? elementBytes : 0), count, elementBytes, start: i };
}

/** The largest value the query can build once, in bytes (see the header). */
function largestValue(tokens: readonly Token[], params: Params): number {
  let bytes = 0;
  let propertyReads = 0;
  let pluses = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'string') bytes += 2 * t.text.length;
    if (t.kind === 'param') bytes += 2 * JSON.stringify(paramValue(t, params) ?? null).length;
    if (t.kind === 'op' && t.text === '+') pluses += 1;
    // n.name, n {.name}: a property read (not a namespace such as db.labels( or a number).
    const next = tokens[i + 1];
    if (t.text === '.' && t.kind === 'op' && next?.kind === 'name' && tokens[i + 2]?.text !== '(' && tokens[i + 2]?.text !== '.' && i > 0) propertyReads += 1;
    if (isCall(tokens, i, 'PROPERTIES')) bytes += 8 * PROPERTY_BYTES;
  });
  // One value holds one property, or as many as the query's + operators can join into it.
  bytes += PROPERTY_BYTES * Math.min(propertyReads, 1 + pluses);
  return bytes * 2 ** doublingCount(tokens) * replaceGrowth(tokens);
}

const megabytes = (bytes: number): string => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`);
const kilobytes = (bytes: number): string => (bytes >= 1024 ** 2 ? megabytes(bytes) : `${Math.ceil(bytes / 1024)} KB`);

function snippet(tokens: readonly Token[], start: number): string {
  const text = tokens
    .slice(start, start + 8)
    .map((t) => (t.kind === 'string' ? `'${t.text.slice(0, 8)}${t.text.length > 8 ? '…' : ''}'` : t.text))
    .join(' ');
  return `${text} …`;
}

/** The product of the spans of every range() in the query: a list collected from UNWIND range() rows is at most this long. */
function rangeProduct(tokens: readonly Token[]): number {
  let product = 1;
  tokens.forEach((_t, i) => {
    if (isCall(tokens, i, 'RANGE')) product *= Math.max(1, rangeSpan(tokens, i) ?? 1);
  });
  return product;
}

/**
 * Throws QUERY_REJECTED when the query could build more than `budgetBytes` inside expressions.
 * `plannedRows` is the most rows the planner expects from any operator of the query (EXPLAIN),
 * once it is known: a list collected from the rows is at most that long, as far as it can tell.
 */
export function checkExpressionBudget(text: string, params: Params, budgetBytes: number, plannedRows = 0): void {
  const tokens = lexCypher(text);
  const value = largestValue(tokens, params);
  const dataList = Math.max(DATA_LIST_ELEMENTS, rangeProduct(tokens), Math.ceil(plannedRows));
  const outer: Estimate[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const end = iterationEnd(tokens, i);
    if (end === null) continue;
    outer.push(estimate(tokens, i, end, params, value, dataList));
    i = end;
  }
  const worst = value + outer.reduce((sum, e) => sum + e.peak, 0);
  if (worst <= budgetBytes) return;
  const biggest = [...outer].sort((a, b) => b.peak - a.peak)[0];
  const where =
    biggest === undefined
      ? `one value of up to ${kilobytes(value)}`
      : `${biggest.count.toLocaleString('en')} elements of up to ${kilobytes(biggest.elementBytes)} each in ${snippet(tokens, biggest.start)}`;
  throw new AtlasError(
    ErrorCode.QUERY_REJECTED,
    `the query could build up to ${megabytes(worst)} inside expressions (${where}), which Neo4j's memory limit does not see; the console allows ${megabytes(budgetBytes)}. Use smaller ranges or literals, or UNWIND a list so that its rows stream`,
    { field: 'query' },
  );
}

/** The bounds of one path-walking operator, as its plan details state them; hi null when unbounded. */
export function pathBounds(details: string): { lo: number; hi: number | null } | null {
  // A variable-length relationship: `[r*]`, `[*2]`, `[*1..3]`, `[*..3]`, `[*2..]`.
  const star = /\*\s*(\d+)?\s*(\.\.)?\s*(\d+)?/.exec(details);
  // A quantified path pattern or relationship: `{1, 3}`, `{2}`, `{1, }`, `+`, `*`.
  const braces = /\}\s*\{\s*(\d*)\s*(,)?\s*(\d*)\s*\}|\)\s*\{\s*(\d*)\s*(,)?\s*(\d*)\s*\}/.exec(details);
  if (braces !== null) {
    const lo = braces[1] ?? braces[4] ?? '';
    const comma = braces[2] ?? braces[5];
    const hi = braces[3] ?? braces[6] ?? '';
    return { lo: lo === '' ? 0 : Number(lo), hi: comma === undefined ? Number(lo) : hi === '' ? null : Number(hi) };
  }
  if (star === null) return null;
  const [, lo, range, hi] = star;
  if (range === undefined) return lo === undefined ? { lo: 1, hi: null } : { lo: Number(lo), hi: Number(lo) };
  return { lo: lo === undefined ? 1 : Number(lo), hi: hi === undefined ? null : Number(hi) };
}

/** sum of degree^k for k from lo to hi: the paths one start point can have, each hop choosing among at most `degree` relationships. */
export function pathsPerStart(lo: number, hi: number, degree: number): number {
  let total = 0;
  for (let k = lo; k <= hi; k += 1) total += Math.max(1, degree) ** k;
  return total;
}

/**
 * Refuses (QUERY_REJECTED) a plan that walks paths without an upper bound or longer than
 * MAX_PATH_HOPS, and returns the most paths its expansions can produce (0 without any), to be
 * used in place of the planner's rows for lists collected from them (see the header).
 */
export function checkPathExpansions(expansions: readonly PathExpansion[], maxDegree: number): number {
  let most = 0;
  for (const expansion of expansions) {
    const bounds = pathBounds(expansion.details);
    const what = `${expansion.operator} ${expansion.details.slice(0, 80)}`.trim();
    if (bounds === null || bounds.hi === null) {
      throw new AtlasError(
        ErrorCode.QUERY_REJECTED,
        `a path of any length (${what}) could walk a great part of the graph; the console needs an upper bound of at most ${MAX_PATH_HOPS} hops, such as -[*..${MAX_PATH_HOPS}]-`,
        { field: 'query' },
      );
    }
    if (bounds.hi > MAX_PATH_HOPS) {
      throw new AtlasError(
        ErrorCode.QUERY_REJECTED,
        `a path of up to ${bounds.hi} hops (${what}) is longer than the console allows: at most ${MAX_PATH_HOPS} hops, such as -[*..${MAX_PATH_HOPS}]-, since the paths multiply with every hop`,
        { field: 'query' },
      );
    }
    most = Math.max(most, expansion.inputRows * pathsPerStart(bounds.lo, bounds.hi, maxDegree));
  }
  return most;
}
