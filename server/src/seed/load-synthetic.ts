/**
 * Loads generated rows into the SEPARATE synthetic database: wipes it (only if it is empty or
 * already marked synthetic), then bulk-writes it and reports throughput. Never used on the
 * curated database.
 *
 * The bulk load is create-only (cypher/synthetic/create-*.cypher): the database was just wiped,
 * so nothing needs MERGE's look-up-then-lock. Rows travel as compact lists of column values
 * rather than maps with the same keys over and over; a value every row of a batch shares
 * travels once; each end node is looked up once per batch and each distinct day parsed once.
 * Indexes and constraints the load does not need are dropped before it and built afterwards in
 * one pass (cypher/synthetic/drop-deferred-schema.cypher); that build counts towards the
 * reported time. Batches run `parallel` at a time, nodes first, then relationships, every kind
 * of a phase in one queue (so the per-kind times printed overlap). MERGE locked both end nodes
 * as it went and parallel relationship batches deadlocked on dense faction nodes; CREATE leaves
 * relationship locking to commit time, and parallel batches have not deadlocked in our runs (a
 * deadlock would be a transient error, which the driver retries).
 */
import type { Database } from '../db/database.js';
import { countRows, type GraphRows, type NodeRow, type PropertyValue, type RelationshipRow } from './rows.js';

/** Column names for a relationship's start and end node ids (never property keys). */
export const START = '@start';
export const END = '@end';

const INTERVAL = ['fromIso', 'fromPrecision', 'fromApprox', 'toIso', 'toPrecision', 'toApprox', 'fromEarliest', 'fromLatest', 'toEarliest', 'toLatest'] as const;

export const SOURCE_COLUMNS = ['id', 'title', 'author', 'year', 'publication', 'file', 'kind'] as const;
export const FACTION_COLUMNS = ['id', 'name', 'aliases', 'parentId', 'description', 'citations', 'sourceIds'] as const;
export const PERSON_COLUMNS = [
  'id', 'name', 'hangul', 'hanja', 'aliases', 'aliasSystems', 'searchKeys', 'summary', 'disambiguation', 'bornClaims', 'diedClaims',
  'namesCitations', 'citations', 'sourceIds', 'bornIso', 'bornPrecision', 'bornApprox', 'diedIso', 'diedPrecision', 'diedApprox',
  'bornEarliest', 'bornLatest', 'diedEarliest', 'diedLatest',
] as const;
export const OFFICE_COLUMNS = ['id', 'title'] as const;
export const EVENT_COLUMNS = [
  'id', 'kind', 'title', 'place', 'summary', 'certainty', 'certaintyRank', 'citations', 'sourceIds', 'dateIso', 'datePrecision', 'dateApprox',
  'dateEarliest', 'dateLatest',
] as const;
export const SUBGROUP_COLUMNS = [START, END, 'id'] as const;
export const MEMBERSHIP_COLUMNS = [START, END, 'id', 'certainty', 'certaintyRank', 'citations', 'sourceIds', ...INTERVAL] as const;
export const HELD_COLUMNS = [START, END, 'id', 'title', 'certainty', 'certaintyRank', 'citations', 'sourceIds', ...INTERVAL] as const;
export const PARTICIPATION_COLUMNS = [START, END, 'id', 'role', 'citations', 'sourceIds'] as const;
export const LINK_COLUMNS = [START, END, 'id', 'citations', 'sourceIds'] as const;
export const TIE_COLUMNS = [START, END, 'id', 'kind', 'directed', 'summary', 'certainty', 'certaintyRank', 'citations', 'sourceIds', ...INTERVAL] as const;

export interface CreateStep {
  readonly key: keyof GraphRows;
  /** Named query under cypher/. */
  readonly query: string;
  readonly label: string;
  /** The query's row layout: one entry per list position, a property or date key, or START/END. */
  readonly columns: readonly string[];
}

/** Nodes first (relationships MATCH their ends), in the curated loader's order. */
export const CREATE_STEPS: readonly CreateStep[] = [
  { key: 'sources', query: 'synthetic/create-sources', label: 'Source', columns: SOURCE_COLUMNS },
  { key: 'factions', query: 'synthetic/create-factions', label: 'Faction', columns: FACTION_COLUMNS },
  { key: 'persons', query: 'synthetic/create-persons', label: 'Person', columns: PERSON_COLUMNS },
  { key: 'offices', query: 'synthetic/create-offices', label: 'Office', columns: OFFICE_COLUMNS },
  { key: 'events', query: 'synthetic/create-events', label: 'Event', columns: EVENT_COLUMNS },
  { key: 'subgroups', query: 'synthetic/create-subgroups', label: 'SUBGROUP_OF', columns: SUBGROUP_COLUMNS },
  { key: 'memberships', query: 'synthetic/create-memberships', label: 'MEMBER_OF', columns: MEMBERSHIP_COLUMNS },
  { key: 'held', query: 'synthetic/create-held', label: 'HELD', columns: HELD_COLUMNS },
  { key: 'participations', query: 'synthetic/create-participations', label: 'PARTICIPATED_IN', columns: PARTICIPATION_COLUMNS },
  { key: 'ledTo', query: 'synthetic/create-led-to', label: 'LED_TO', columns: LINK_COLUMNS },
  { key: 'previewOf', query: 'synthetic/create-preview-of', label: 'PREVIEW_OF', columns: LINK_COLUMNS },
  { key: 'reversedBy', query: 'synthetic/create-reversed-by', label: 'REVERSED_BY', columns: LINK_COLUMNS },
  { key: 'partOf', query: 'synthetic/create-part-of', label: 'PART_OF', columns: LINK_COLUMNS },
  { key: 'ties', query: 'synthetic/create-ties', label: 'TIE', columns: TIE_COLUMNS },
];

export interface SyntheticLoadOptions {
  readonly batchSize?: number;
  /** Batches written at the same time, each in its own transaction. */
  readonly parallel?: number;
  readonly seed: number;
  readonly persons: number;
  readonly onProgress?: (message: string) => void;
}

export interface SyntheticLoadResult {
  readonly elements: number;
  /** Writing every element plus building the deferred indexes and constraints. */
  readonly seconds: number;
  readonly elementsPerSecond: number;
}

export class NotSyntheticError extends Error {
  constructor(nodes: number) {
    super(`the target database holds ${nodes} nodes and is not marked synthetic; refusing to wipe it (is it the curated database?)`);
    this.name = 'NotSyntheticError';
  }
}

function numberOf(rows: readonly Record<string, unknown>[], column: string): number {
  const value = rows[0]?.[column];
  return typeof value === 'number' ? value : 0;
}

type Cell = PropertyValue;

function isRelationship(row: NodeRow | RelationshipRow): row is RelationshipRow {
  return 'from' in row;
}

/** Date columns hold `<prefix>Earliest/Latest` days (rows.ts dateFields), sent as ISO strings. */
export function isDateColumn(column: string): boolean {
  return column.endsWith('Earliest') || column.endsWith('Latest');
}

/** The value of one column of a row: a start/end id, a property, or a date (ISO day string). */
export function cellOf(row: NodeRow | RelationshipRow, column: string): Cell {
  if (column === START || column === END) {
    if (!isRelationship(row)) throw new Error(`${column} asked of node row ${row.id}`);
    return column === START ? row.from : row.to;
  }
  if (isDateColumn(column) && !Object.hasOwn(row.props, column)) return row.dates[column] ?? null;
  return row.props[column] ?? null;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

/** Distinct values in first-seen order; `indexOf` gives a value's position. */
class Dictionary {
  readonly values: string[] = [];
  private readonly positions = new Map<string, number>();
  indexOf(value: string): number {
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(value, position);
    }
    return position;
  }
}

/** The parameters of one create query (see cypher/synthetic/create-*.cypher). */
export interface EncodedBatch {
  /** Per row, its column values by position; null where the column is shared; trailing nulls cut. */
  readonly rows: Cell[][];
  /** Per column, the value every row shares, or null where rows differ. */
  readonly c: Cell[];
  /** Distinct start and end node ids; START and END columns hold positions in these. */
  readonly starts: string[];
  readonly ends: string[];
  /** Distinct ISO days; date columns hold positions in this. */
  readonly dates: string[];
}

/**
 * Lays a batch out as the create queries expect: each end node is looked up once per batch and
 * each distinct day parsed once, rows point at them by position, and a column with the same
 * value in every row travels once.
 */
export function encodeBatch(batch: readonly (NodeRow | RelationshipRow)[], columns: readonly string[]): EncodedBatch {
  const starts = new Dictionary();
  const ends = new Dictionary();
  const dates = new Dictionary();
  const full: Cell[][] = batch.map((row) =>
    columns.map((column) => {
      const value = cellOf(row, column);
      if (value === null) return null;
      if (column === START) return starts.indexOf(String(value));
      if (column === END) return ends.indexOf(String(value));
      if (isDateColumn(column)) return dates.indexOf(String(value));
      return value;
    }),
  );
  const first = full[0];
  const c: Cell[] = columns.map((_, index) => {
    if (first === undefined) return null;
    const value = first[index] ?? null;
    return full.every((cells) => sameCell(cells[index] ?? null, value)) ? value : null;
  });
  const rows = full.map((cells) => {
    let length = 0;
    cells.forEach((value, index) => {
      if (c[index] !== null) cells[index] = null;
      else if (value !== null) length = index + 1;
    });
    cells.length = length;
    return cells;
  });
  return { rows, c, starts: starts.values, ends: ends.values, dates: dates.values };
}

/** Runs `work` over `items` with at most `limit` running at once; the first failure rejects. */
async function runConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Deletes everything in the synthetic database, batch by batch. */
export async function wipeSynthetic(db: Database, onProgress: (message: string) => void = () => undefined): Promise<void> {
  const [state] = await db.read('synthetic/inspect-target');
  const nodes = typeof state?.['nodes'] === 'number' ? state['nodes'] : 0;
  const markers = typeof state?.['markers'] === 'number' ? state['markers'] : 0;
  if (nodes > 0 && markers === 0) throw new NotSyntheticError(nodes);
  const repeat = async (query: string, limit: number): Promise<number> => {
    let total = 0;
    for (;;) {
      const deleted = numberOf(await db.write(query, { limit }, { timeoutMs: 600_000 }), 'deleted');
      total += deleted;
      if (deleted === 0) return total;
    }
  };
  const relationships = await repeat('synthetic/wipe-relationships-batch', 50_000);
  const total = await repeat('synthetic/wipe-batch', 50_000);
  if (total > 0) onProgress(`wiped ${total} nodes and ${relationships} relationships`);
}

function rate(count: number, seconds: number): string {
  return `${Math.round(count / Math.max(seconds, 1e-3)).toLocaleString('en-US').padStart(9)}/s`;
}

export async function loadSyntheticRows(db: Database, rows: GraphRows, options: SyntheticLoadOptions): Promise<SyntheticLoadResult> {
  const progress = options.onProgress ?? ((): void => undefined);
  const batchSize = options.batchSize ?? 5_000;
  const parallel = options.parallel ?? 2;
  await wipeSynthetic(db, progress);
  // The full schema first (a fresh database has none), then drop what the load does not need.
  await db.applySchema();
  await db.runSchemaFile('synthetic/drop-deferred-schema');
  await db.write('synthetic/mark', { seed: options.seed, persons: options.persons });
  const started = performance.now();
  let written = 0;
  // Two phases, nodes then relationships (which look their end nodes up). Within a phase the
  // kinds do not depend on each other, so all their batches share one queue: small kinds do
  // not each cost a round of latency, and the client encodes one batch while the server
  // writes another.
  for (const phase of [CREATE_STEPS.filter((step) => !step.columns.includes(START)), CREATE_STEPS.filter((step) => step.columns.includes(START))]) {
    const work: { step: CreateStep; batch: (NodeRow | RelationshipRow)[] }[] = [];
    const spans = new Map<CreateStep, { first: number; last: number }>();
    for (const step of phase) {
      const list: readonly (NodeRow | RelationshipRow)[] = rows[step.key];
      for (let start = 0; start < list.length; start += batchSize) work.push({ step, batch: list.slice(start, start + batchSize) });
    }
    await runConcurrently(work, parallel, async ({ step, batch }) => {
      const batchStarted = performance.now();
      const { rows: cells, c, starts, ends, dates } = encodeBatch(batch, step.columns);
      const params = step.columns.includes(START) ? { rows: cells, c, starts, ends, dates } : { rows: cells, c, dates };
      const result = await db.write(step.query, params, { timeoutMs: 600_000 });
      const count = numberOf(result, 'written');
      if (count !== batch.length) throw new Error(`${step.query}: wrote ${count} of ${batch.length} ${step.label} rows; an end node is missing`);
      written += count;
      const span = spans.get(step);
      spans.set(step, { first: Math.min(span?.first ?? batchStarted, batchStarted), last: performance.now() });
    });
    for (const step of phase) {
      const span = spans.get(step);
      if (span === undefined) continue;
      const count = rows[step.key].length;
      const seconds = (span.last - span.first) / 1000;
      progress(`  ${step.label.padEnd(16)} ${String(count).padStart(9)}  ${seconds.toFixed(1).padStart(6)} s  ${rate(count, seconds)}`);
    }
  }
  const schemaStarted = performance.now();
  await db.applySchema({ awaitSeconds: 1_800 });
  progress(`  ${'indexes'.padEnd(16)} ${''.padStart(9)}  ${((performance.now() - schemaStarted) / 1000).toFixed(1).padStart(6)} s`);
  const seconds = (performance.now() - started) / 1000;
  if (written !== countRows(rows)) throw new Error(`wrote ${written} of ${countRows(rows)} elements`);
  return { elements: written, seconds, elementsPerSecond: written / Math.max(seconds, 1e-3) };
}
