/**
 * The research console's refusals, in two layers. The text scan gives clear messages for the
 * obvious cases before the database sees the query; the plan check is the real guard, because
 * the planner knows what the query does whatever its spelling (comments, odd whitespace,
 * `CYPHER` option prefixes, subqueries): every operator in the plan must be a known read
 * operator, and every procedure call must be on the allow-list.
 */
import { AtlasError, ErrorCode, badInput } from '../errors.js';
import { checkExpressionBudget, consoleExpressionBudget } from './console-budget.js';
import { checkConsoleLimits } from './console-limits.js';
import type { ExplainResult } from './database.js';

export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set(['db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.index.fulltext.querynodes']);

/**
 * Operators Neo4j 5.26 plans for read queries (checked with EXPLAIN on a range of reads against
 * the real server), without the "(All)"/"(Into)"/"(Pruning,BFS)" variant suffix. Anything else
 * is refused: writes (Create, Merge, Set*, Remove*, Delete, Foreach, SubqueryForeach), CALL IN
 * TRANSACTIONS (TransactionApply/Foreach), LoadCSV, and commands that plan as "reads" but are
 * not (ShowTransactions, ShowSettings, TerminateTransactions, AdministrationCommand, ...).
 */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  // Leaves: scans, seeks and counts.
  'AllNodesScan',
  'Argument',
  'ArgumentTracker',
  'EmptyRow',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'MultiNodeIndexSeek',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan',
  'UndirectedUnionRelationshipTypesScan',
  'DirectedRelationshipByIdSeek',
  'UndirectedRelationshipByIdSeek',
  'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
  // Traversal.
  'Expand',
  'OptionalExpand',
  'VarLengthExpand',
  'ShortestPath',
  'StatefulShortestPath',
  'Repeat',
  'NullifyMetadata',
  'ProjectEndpoints',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  // Nested loops and joins (subqueries, EXISTS/COUNT/COLLECT, pattern comprehensions).
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'RollUpApply',
  'Anti',
  'Optional',
  'CartesianProduct',
  'NodeHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'ValueHashJoin',
  // Row handling.
  'Filter',
  'Projection',
  'CacheProperties',
  'ProduceResults',
  'EmptyResult',
  'Limit',
  'Skip',
  'Sort',
  'PartialSort',
  'Top',
  'PartialTop',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Eager',
  'Unwind',
  'Union',
]);

const MAX_QUERY_LENGTH = 20_000;

/**
 * Graph Data Science stays out of the console entirely. Its projections live in the server's
 * memory (the analysis fields keep theirs in the graph catalog), and most of it writes, mutates
 * or changes that catalog: gds.graph.project (a procedure, and an aggregation function that a
 * plain RETURN can call), gds.graph.drop, *.mutate, *.write, gds.graph.writeNodeProperties...
 * A read-only subset would be one missed name from a hole, so every gds.* call is refused: by
 * name in the text (procedures and functions), and again in the plan, whatever the spelling.
 */
const GDS_CALL = /(?<![\w.$])gds\s*\./i;
const GDS_IN_PLAN = /\bgds\s*\./i;
const gdsRefused = (): AtlasError =>
  reject(
    'Graph Data Science (gds.*) is not available in the console: use the analysis fields (centrality, communities), which run it on the network at a date',
  );

const reject = (message: string): AtlasError => new AtlasError(ErrorCode.QUERY_REJECTED, message, { field: 'query' });

/** The query with string literals, quoted names and comments blanked, so keywords inside them do not count. */
export function stripLiterals(text: string): string {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`/g, (match) => ' '.repeat(match.length));
}

/**
 * Characters Cypher's lexer treats as whitespace that JavaScript's `\s` does not (the ASCII
 * separators U+001C..U+001F, NEL and a few zero-width ones). Turned into spaces, one for one,
 * so the keyword checks below cannot be dodged with them.
 */
// eslint-disable-next-line no-control-regex -- the separators U+001C..U+001F are exactly what this matches
const EXTRA_SPACE = /[\u001C-\u001F\u0085\u180E\u200B\u2060]/g;

/** Where the statement really starts: its first word, after any comments, whitespace or punctuation. */
function leadingWords(code: string): string {
  const start = code.search(/[\p{L}\p{N}_]/u);
  return start < 0 ? '' : code.slice(start);
}

const ADMIN_START = /^(SHOW|GRANT|DENY|REVOKE|ALTER|START|STOP|TERMINATE|DROP|ENABLE|DRYRUN|RENAME)\b/i;
const ADMIN_CREATE = /^CREATE\s+(OR\s+REPLACE\s+)?(USER|ROLE|DATABASE|ALIAS|COMPOSITE|INDEX|CONSTRAINT|FULLTEXT|RANGE|TEXT|POINT|LOOKUP|VECTOR)\b/i;

/** The expression budget with the default heap and console slots (the app passes its own). */
export const DEFAULT_EXPRESSION_BUDGET = consoleExpressionBudget(1024, 2);

/** Static refusals, before the database (and its parser) sees the text. Throws QUERY_REJECTED or BAD_USER_INPUT. */
export function checkConsoleText(
  text: string,
  params: Readonly<Record<string, unknown>> = {},
  expressionBudgetBytes: number = DEFAULT_EXPRESSION_BUDGET,
): void {
  if (text.trim() === '') throw badInput('query', 'the query is empty');
  if (text.length > MAX_QUERY_LENGTH) throw badInput('query', `the query is longer than ${MAX_QUERY_LENGTH} characters`);
  const code = stripLiterals(text).replace(EXTRA_SPACE, ' ');
  const head = leadingWords(code);
  // A leading CYPHER clause (version or planner/runtime options) would hide the real first
  // keyword from the checks below; the console has no use for it, so it is refused outright.
  if (/^CYPHER\b/i.test(head)) throw reject('query options (a leading CYPHER clause) are not allowed in the console; send the bare query');
  if (/^(EXPLAIN|PROFILE)\b/i.test(head)) throw reject('EXPLAIN and PROFILE are added by the server; send the bare query');
  if (/\bLOAD\s+CSV\b/i.test(code)) throw reject('LOAD CSV is not allowed in the console');
  if (/^USE\b/i.test(head) || /([{};]|\bUNION(\s+ALL)?)\s*USE\b/i.test(code)) throw reject('USE is not allowed: the console reads the atlas database only');
  if (/\bIN\s+(\d+\s+CONCURRENT\s+)?TRANSACTIONS\b/i.test(code)) throw reject('CALL { ... } IN TRANSACTIONS is not allowed');
  if (ADMIN_START.test(head) || ADMIN_CREATE.test(head)) throw reject('administration and schema commands are not allowed');
  const body = code.trim().replace(/;\s*$/, '');
  if (body.includes(';')) throw reject('send one statement at a time');
  if (GDS_CALL.test(code)) throw gdsRefused();
  for (const match of code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)/gi)) {
    const name = match[1]!.toLowerCase();
    if (!ALLOWED_PROCEDURES.has(name)) throw reject(`procedure ${match[1]} is not on the console allow-list (${[...ALLOWED_PROCEDURES].join(', ')})`);
  }
  // Nesting, size, growth and regular-expression limits (console-limits.ts), then what the
  // query could build inside expressions, unseen by Neo4j's memory tracker (console-budget.ts).
  checkConsoleLimits(text);
  checkExpressionBudget(text, params, expressionBudgetBytes);
}

/** "Expand(All)" -> "Expand": the variant does not change whether an operator reads or writes. */
function baseOperator(operator: string): string {
  return operator.replace(/\(.*$/s, '');
}

/** The procedure a ProcedureCall operator calls, from its details ("db.labels() :: (label :: STRING)"). */
function calledProcedure(details: string | undefined): string | null {
  return /^\s*([A-Za-z_][\w.]*)\s*\(/.exec(details ?? '')?.[1] ?? null;
}

/** Refusals read from the plan: the planner knows what the query really does. */
export function checkPlan(plan: ExplainResult): void {
  if (plan.queryType !== 'r') throw reject(`only read queries are allowed (the planner reports query type "${plan.queryType}")`);
  plan.operators.forEach((operator, index) => {
    const name = baseOperator(operator);
    // A GDS function call shows in the details of the operator that evaluates it.
    if (GDS_IN_PLAN.test(plan.details[index] ?? '')) throw gdsRefused();
    if (name === 'LoadCSV') throw reject('LOAD CSV is not allowed in the console');
    if (name === 'ProcedureCall') {
      const procedure = calledProcedure(plan.details[index]);
      if (procedure === null || !ALLOWED_PROCEDURES.has(procedure.toLowerCase())) {
        throw reject(`procedure ${procedure ?? '(unknown)'} is not on the console allow-list`);
      }
      return;
    }
    if (!READ_OPERATORS.has(name)) throw reject(`the query plans a ${name} operator, which is not a read the console allows`);
  });
}
