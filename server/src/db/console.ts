/**
 * The research console: user-written Cypher, read-only and bounded. Defence in depth, because
 * the text is the user's own: a static scan and a check of the EXPLAIN plan (console-checks.ts),
 * with the static limits of console-limits.ts (nesting, range sizes, value growth, regexes) and
 * the expression budget of console-budget.ts (what expressions could build, unseen by Neo4j),
 * then an explicit read transaction with a time limit, a Node-side deadline (deadline.ts), and
 * row and byte caps, at most a few at a time. The database's own procedure allow-list and
 * transaction memory limits back this up.
 */
import { AtlasError, ErrorCode } from '../errors.js';
import { checkExpressionBudget, checkPathExpansions } from './console-budget.js';
import { DEFAULT_EXPRESSION_BUDGET, checkConsoleText, checkPlan } from './console-checks.js';
import type { Database, Params } from './database.js';
import { GraphNode, GraphRelationship, type Plain } from './values.js';

export { ALLOWED_PROCEDURES, READ_OPERATORS, checkConsoleText, checkPlan, stripLiterals } from './console-checks.js';

/** Console queries one app runs at once unless told otherwise. */
export const DEFAULT_CONSOLE_CONCURRENCY = 2;

/** Console queries get this long past their time limit before the Node-side deadline answers. */
export const CONSOLE_DEADLINE_GRACE_MS = 500;

/** The console's answer cap in bytes unless told otherwise. */
export const DEFAULT_CONSOLE_MAX_BYTES = 4 * 1024 * 1024;

export interface ConsoleLimits {
  readonly timeoutMs: number;
  readonly maxRows: number;
  /** Estimated JSON bytes of the rows; past it the answer is cut short (`truncated`). */
  readonly maxBytes?: number;
  /** Console queries running at once; more are refused (retryable), not queued. */
  readonly maxConcurrent?: number;
  /** What one query may build inside expressions, unseen by Neo4j's memory tracker (console-budget.ts). */
  readonly maxExpressionBytes?: number;
}

export interface GraphNodeOut {
  readonly id: string;
  readonly labels: string[];
  readonly properties: Record<string, Plain>;
  readonly caption: string;
}

export interface GraphRelationshipOut {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly properties: Record<string, Plain>;
}

export interface CappedGraph {
  readonly columns: readonly string[];
  readonly rows: readonly Plain[][];
  readonly truncated: boolean;
  readonly nodes: readonly GraphNodeOut[];
  readonly relationships: readonly GraphRelationshipOut[];
  readonly elapsedMs: number;
}

function caption(properties: Record<string, Plain>, labels: readonly string[]): string {
  for (const key of ['name', 'title', 'id']) {
    const value = properties[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return labels[0] ?? 'node';
}

/** Collects every node and relationship in the result values (including inside lists, maps and paths). */
export function graphOf(rows: readonly Plain[][]): { nodes: GraphNodeOut[]; relationships: GraphRelationshipOut[] } {
  const nodes = new Map<string, GraphNodeOut>();
  const relationships = new Map<string, GraphRelationshipOut>();
  const walk = (value: Plain): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    // Only what toPlain built from a driver node or relationship counts: a map with the same
    // keys, built by the query itself, is data and must not draw (or break) the graph view.
    const graphValue: unknown = value;
    if (graphValue instanceof GraphNode) {
      const node = graphValue;
      nodes.set(node.elementId, { id: node.elementId, labels: node.labels, properties: node.properties, caption: caption(node.properties, node.labels) });
      return;
    }
    if (graphValue instanceof GraphRelationship) {
      const rel = graphValue;
      relationships.set(rel.elementId, { id: rel.elementId, type: rel.type, source: rel.startElementId, target: rel.endElementId, properties: rel.properties });
      return;
    }
    Object.values(value).forEach(walk);
  };
  rows.forEach((row) => row.forEach(walk));
  // A relationship is drawable only with both ends; ends not returned are left out rather than invented.
  const drawable = [...relationships.values()].filter((rel) => nodes.has(rel.source) && nodes.has(rel.target));
  return { nodes: [...nodes.values()], relationships: drawable };
}

/**
 * Console queries in flight, per database handle (one per app). Each holds a pooled connection
 * for up to its time limit, so without a cap a few requests could starve the rest of the API.
 */
const running = new WeakMap<Database, number>();

/** The data's most relationships on one node, per database handle, read again after this long (the data changes only with a seed load). */
const MAX_DEGREE_TTL_MS = 60_000;
const maxDegrees = new WeakMap<Database, { readonly at: number; readonly degree: number }>();

async function maxDegree(db: Database): Promise<number> {
  const known = maxDegrees.get(db);
  if (known !== undefined && performance.now() - known.at < MAX_DEGREE_TTL_MS) return known.degree;
  const [row] = await db.read('console/max-degree');
  const degree = Number(row?.['maxDegree'] ?? 0);
  maxDegrees.set(db, { at: performance.now(), degree });
  return degree;
}

function busy(): AtlasError {
  return new AtlasError(ErrorCode.QUERY_REJECTED, 'The console is busy with other queries; retry shortly', { field: 'query', retryable: true });
}

export async function runConsole(db: Database, text: string, params: Params, limits: ConsoleLimits): Promise<CappedGraph> {
  checkConsoleText(text, params, limits.maxExpressionBytes);
  const inFlight = running.get(db) ?? 0;
  if (inFlight >= (limits.maxConcurrent ?? DEFAULT_CONSOLE_CONCURRENCY)) throw busy();
  running.set(db, inFlight + 1);
  try {
    const started = performance.now();
    // One deadline for planning and running together: the slot is back by then whatever Neo4j does.
    const deadline = started + limits.timeoutMs + CONSOLE_DEADLINE_GRACE_MS;
    const left = (): number => Math.max(1, Math.round(deadline - performance.now()));
    const plan = await db.explain(text, params, { timeoutMs: limits.timeoutMs, deadlineMs: left() });
    checkPlan(plan);
    // Paths of several hops: bounded hops, and their rows from the data's fan-out, not the planner's estimate.
    const expansions = plan.pathExpansions ?? [];
    const paths = expansions.length === 0 ? 0 : checkPathExpansions(expansions, await maxDegree(db));
    // Again with the rows the planner expects: lists collected from them are that long.
    checkExpressionBudget(text, params, limits.maxExpressionBytes ?? DEFAULT_EXPRESSION_BUDGET, Math.max(plan.maxEstimatedRows ?? 0, paths));
    const maxBytes = limits.maxBytes ?? DEFAULT_CONSOLE_MAX_BYTES;
    const result = await db.readCapped(text, params, {
      timeoutMs: Math.max(1, left() - CONSOLE_DEADLINE_GRACE_MS),
      deadlineMs: left(),
      maxRows: limits.maxRows,
      maxBytes,
    });
    const rows = result.rows.map((row) => result.columns.map((column) => row[column] ?? null));
    const graph = graphOf(rows);
    return { columns: result.columns, rows, truncated: result.truncated, ...graph, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    running.set(db, (running.get(db) ?? 1) - 1);
  }
}
