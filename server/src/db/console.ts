/**
 * The research console: user-written Cypher, read-only and bounded. Defence in depth, because
 * the text is the user's own: a static scan (no LOAD CSV, USE, administration, multiple
 * statements or procedures outside the allow-list), then EXPLAIN (the planner must call it a
 * read query and plan no LoadCSV or unlisted procedure), then a read transaction with a time
 * limit and a row cap. The database's own procedure allow-list and transaction memory limit
 * back this up.
 */
import { AtlasError, ErrorCode, badInput } from '../errors.js';
import type { Database, ExplainResult, Params } from './database.js';
import { isPlainNode, isPlainRelationship, type Plain } from './values.js';

export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.index.fulltext.querynodes',
]);

export interface ConsoleLimits {
  readonly timeoutMs: number;
  readonly maxRows: number;
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

const MAX_QUERY_LENGTH = 20_000;

const reject = (message: string): AtlasError => new AtlasError(ErrorCode.QUERY_REJECTED, message, { field: 'query' });

/** The query with string literals, quoted names and comments blanked, so keywords inside them do not count. */
export function stripLiterals(text: string): string {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`/g, (match) => ' '.repeat(match.length));
}

/** Static refusals, before the database sees the text. Throws QUERY_REJECTED or BAD_USER_INPUT. */
export function checkConsoleText(text: string): void {
  if (text.trim() === '') throw badInput('query', 'the query is empty');
  if (text.length > MAX_QUERY_LENGTH) throw badInput('query', `the query is longer than ${MAX_QUERY_LENGTH} characters`);
  const code = stripLiterals(text);
  if (/\bLOAD\s+CSV\b/i.test(code)) throw reject('LOAD CSV is not allowed in the console');
  if (/(^|[{};]|\bUNION(\s+ALL)?)\s*USE\b/i.test(code)) throw reject('USE is not allowed: the console reads the atlas database only');
  if (/^\s*(EXPLAIN|PROFILE)\b/i.test(code)) throw reject('EXPLAIN and PROFILE are added by the server; send the bare query');
  if (/\bIN\s+(\d+\s+CONCURRENT\s+)?TRANSACTIONS\b/i.test(code)) throw reject('CALL { ... } IN TRANSACTIONS is not allowed');
  if (/^\s*(SHOW|GRANT|DENY|REVOKE|ALTER|START|STOP|TERMINATE|DROP|ENABLE|DRYRUN)\b/i.test(code) || /^\s*CREATE\s+(OR\s+REPLACE\s+)?(USER|ROLE|DATABASE|ALIAS|COMPOSITE|INDEX|CONSTRAINT|FULLTEXT|RANGE|TEXT|POINT|LOOKUP|VECTOR)\b/i.test(code)) {
    throw reject('administration and schema commands are not allowed');
  }
  const body = code.trim().replace(/;\s*$/, '');
  if (body.includes(';')) throw reject('send one statement at a time');
  for (const match of code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)/gi)) {
    const name = match[1]!.toLowerCase();
    if (!ALLOWED_PROCEDURES.has(name)) throw reject(`procedure ${match[1]} is not on the console allow-list (${[...ALLOWED_PROCEDURES].join(', ')})`);
  }
}

/** Refusals read from the plan: the planner knows what the query really does. */
export function checkPlan(plan: ExplainResult): void {
  if (plan.queryType !== 'r') throw reject(`only read queries are allowed (the planner reports query type "${plan.queryType}")`);
  if (plan.operators.some((operator) => /LoadCSV/i.test(operator))) throw reject('LOAD CSV is not allowed in the console');
  for (const detail of plan.details) {
    for (const match of detail.matchAll(/\b([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+)\s*\(/g)) {
      const name = match[1]!.toLowerCase();
      const isProcedureCall = plan.operators.includes('ProcedureCall');
      if (isProcedureCall && /^(db|dbms|apoc|gds|tx)\./.test(name) && !ALLOWED_PROCEDURES.has(name)) {
        throw reject(`procedure ${match[1]} is not on the console allow-list`);
      }
    }
  }
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
    if (isPlainNode(value)) {
      nodes.set(value.elementId, { id: value.elementId, labels: value.labels, properties: value.properties, caption: caption(value.properties, value.labels) });
      return;
    }
    if (isPlainRelationship(value)) {
      relationships.set(value.elementId, { id: value.elementId, type: value.type, source: value.startElementId, target: value.endElementId, properties: value.properties });
      return;
    }
    Object.values(value).forEach(walk);
  };
  rows.forEach((row) => row.forEach(walk));
  // A relationship is drawable only with both ends; ends not returned are left out rather than invented.
  const drawable = [...relationships.values()].filter((rel) => nodes.has(rel.source) && nodes.has(rel.target));
  return { nodes: [...nodes.values()], relationships: drawable };
}

export async function runConsole(db: Database, text: string, params: Params, limits: ConsoleLimits): Promise<CappedGraph> {
  checkConsoleText(text);
  const started = performance.now();
  checkPlan(await db.explain(text, params));
  const result = await db.readCapped(text, params, limits);
  const rows = result.rows.map((row) => result.columns.map((column) => row[column] ?? null));
  const graph = graphOf(rows);
  return { columns: result.columns, rows, truncated: result.truncated, ...graph, elapsedMs: Math.round(performance.now() - started) };
}
