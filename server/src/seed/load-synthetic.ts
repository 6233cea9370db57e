/**
 * Loads generated rows into the SEPARATE synthetic database: wipes it (only if it is empty or
 * already marked synthetic), then bulk-writes it and reports throughput. Never used on the
 * curated database.
 *
 * The bulk load is create-only (cypher/synthetic/create-*.cypher): the database was just wiped,
 * so nothing needs MERGE's look-up-then-lock. Rows travel as compact lists of column values
 * rather than maps with the same keys over and over; a value every row of a batch shares
 * travels once; each distinct day is parsed once per batch. Each query takes one map parameter
 * ($batch): Neo4j keys its plan cache on the parameters' types including a size bucket of every
 * list parameter, so separate list parameters re-planned a query whenever a batch's list crossed
 * a power of ten (a second or more each on a cold JVM). The node queries return the element id
 * of every node they create, and the relationship queries find their end nodes by element id:
 * no unique-index look-up (which in a write query also takes a lock per node) and no
 * sort-and-collect of end nodes per batch. A missing end node is found in the client before its
 * batch is sent. The load needs no index, so all of cypher/indexes but the meta constraint is
 * dropped before it (cypher/synthetic/drop-deferred-schema.cypher) and built again, in one pass
 * over the data each, once the data it covers is written: the node schema after the nodes (its
 * full-text and range indexes then populate while the relationships are written, which adds
 * no index updates), the relationship schema at the end, two constraints at a time. That
 * build, and waiting until every index is online, count towards the reported time. Batches run
 * `parallel` at a time, nodes first, then relationships, every kind of a phase in one queue (so
 * the per-kind times printed overlap).
 * CREATE leaves relationship locking to commit time, and parallel batches have not deadlocked
 * in our runs (a deadlock would be a transient error, which the driver retries).
 */
import type { Database } from '../db/database.js';
import { countRows, type GraphRows, type NodeKey, type NodeRow, type PropertyValue, type RelationshipRow } from './rows.js';

/** Column names for a relationship's start and end node ids (never property keys). */
export const START = '@start';
export const END = '@end';

const INTERVAL = [
  'fromIso',
  'fromPrecision',
  'fromApprox',
  'toIso',
  'toPrecision',
  'toApprox',
  'fromEarliest',
  'fromLatest',
  'toEarliest',
  'toLatest',
] as const;
/** The inferred span (dataset-to-rows.ts spanFields). */
const SPAN = ['bounds', 'possibleEarliest', 'possibleLatest', 'certainEarliest', 'certainLatest'] as const;

export const SOURCE_COLUMNS = ['id', 'title', 'author', 'year', 'publication', 'file', 'kind', 'family'] as const;
export const FACTION_COLUMNS = [
  'id',
  'name',
  'aliases',
  'parentId',
  'description',
  'citations',
  'sourceIds',
  'lifespan',
  'formedIso',
  'formedPrecision',
  'formedApprox',
  'dissolvedIso',
  'dissolvedPrecision',
  'dissolvedApprox',
  'formedEarliest',
  'formedLatest',
  'dissolvedEarliest',
  'dissolvedLatest',
] as const;
export const PERSON_COLUMNS = [
  'id',
  'name',
  'hangul',
  'hanja',
  'aliases',
  'aliasSystems',
  'searchKeys',
  'summary',
  'disambiguation',
  'bornClaims',
  'diedClaims',
  'namesCitations',
  'citations',
  'sourceIds',
  'bornIso',
  'bornPrecision',
  'bornApprox',
  'diedIso',
  'diedPrecision',
  'diedApprox',
  'bornEarliest',
  'bornLatest',
  'diedEarliest',
  'diedLatest',
  'evidence',
  'attestedEarliest',
  'carriedLatest',
  'sourceFamilies',
] as const;
export const OFFICE_COLUMNS = ['id', 'title'] as const;
export const EVENT_COLUMNS = [
  'id',
  'kind',
  'title',
  'place',
  'summary',
  'certainty',
  'certaintyRank',
  'citations',
  'sourceIds',
  'dateIso',
  'datePrecision',
  'dateApprox',
  'dateEarliest',
  'dateLatest',
  'sourceFamilies',
] as const;
export const SUBGROUP_COLUMNS = [START, END, 'id'] as const;
export const MEMBERSHIP_COLUMNS = [START, END, 'id', 'certainty', 'certaintyRank', 'citations', 'sourceIds', ...INTERVAL, ...SPAN, 'sourceFamilies'] as const;
export const HELD_COLUMNS = [
  START,
  END,
  'id',
  'title',
  'certainty',
  'certaintyRank',
  'citations',
  'sourceIds',
  ...INTERVAL,
  ...SPAN,
  'sourceFamilies',
] as const;
export const PARTICIPATION_COLUMNS = [START, END, 'id', 'role', 'citations', 'sourceIds', 'sourceFamilies'] as const;
export const LINK_COLUMNS = [START, END, 'id', 'citations', 'sourceIds'] as const;
export const TIE_COLUMNS = [
  START,
  END,
  'id',
  'kind',
  'directed',
  'summary',
  'certainty',
  'certaintyRank',
  'citations',
  'sourceIds',
  ...INTERVAL,
  ...SPAN,
  'sourceFamilies',
] as const;

export interface CreateStep {
  readonly key: keyof GraphRows;
  /** Named query under cypher/. */
  readonly query: string;
  readonly label: string;
  /** The query's row layout: one entry per list position, a property or date key, or START/END. */
  readonly columns: readonly string[];
  /** Relationships only: the node kinds of the start and end node (their element ids come from the node steps). */
  readonly ends?: { readonly from: NodeKey; readonly to: NodeKey };
}

/** Nodes first (relationships MATCH their ends), in the curated loader's order. */
export const CREATE_STEPS: readonly CreateStep[] = [
  { key: 'sources', query: 'synthetic/create-sources', label: 'Source', columns: SOURCE_COLUMNS },
  { key: 'factions', query: 'synthetic/create-factions', label: 'Faction', columns: FACTION_COLUMNS },
  { key: 'persons', query: 'synthetic/create-persons', label: 'Person', columns: PERSON_COLUMNS },
  { key: 'offices', query: 'synthetic/create-offices', label: 'Office', columns: OFFICE_COLUMNS },
  { key: 'events', query: 'synthetic/create-events', label: 'Event', columns: EVENT_COLUMNS },
  { key: 'subgroups', query: 'synthetic/create-subgroups', label: 'SUBGROUP_OF', columns: SUBGROUP_COLUMNS, ends: { from: 'factions', to: 'factions' } },
  { key: 'memberships', query: 'synthetic/create-memberships', label: 'MEMBER_OF', columns: MEMBERSHIP_COLUMNS, ends: { from: 'persons', to: 'factions' } },
  { key: 'held', query: 'synthetic/create-held', label: 'HELD', columns: HELD_COLUMNS, ends: { from: 'persons', to: 'offices' } },
  {
    key: 'participations',
    query: 'synthetic/create-participations',
    label: 'PARTICIPATED_IN',
    columns: PARTICIPATION_COLUMNS,
    ends: { from: 'persons', to: 'events' },
  },
  { key: 'ledTo', query: 'synthetic/create-led-to', label: 'LED_TO', columns: LINK_COLUMNS, ends: { from: 'events', to: 'events' } },
  { key: 'previewOf', query: 'synthetic/create-preview-of', label: 'PREVIEW_OF', columns: LINK_COLUMNS, ends: { from: 'events', to: 'events' } },
  { key: 'reversedBy', query: 'synthetic/create-reversed-by', label: 'REVERSED_BY', columns: LINK_COLUMNS, ends: { from: 'events', to: 'events' } },
  { key: 'partOf', query: 'synthetic/create-part-of', label: 'PART_OF', columns: LINK_COLUMNS, ends: { from: 'events', to: 'events' } },
  { key: 'ties', query: 'synthetic/create-ties', label: 'TIE', columns: TIE_COLUMNS, ends: { from: 'persons', to: 'persons' } },
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
  // What each column holds, worked out once per batch rather than once per cell (this runs for
  // every element of a bulk load, on the same cores as Neo4j).
  const kinds = columns.map((column) => (column === START ? 'start' : column === END ? 'end' : isDateColumn(column) ? 'date' : 'property'));
  const full: Cell[][] = batch.map((row) =>
    columns.map((column, index) => {
      const kind = kinds[index];
      if (kind === 'property') return row.props[column] ?? null;
      const value = cellOf(row, column);
      if (value === null) return null;
      if (kind === 'start') return starts.indexOf(String(value));
      if (kind === 'end') return ends.indexOf(String(value));
      return dates.indexOf(String(value));
    }),
  );
  const first = full[0];
  const c: Cell[] = columns.map((_, index) => {
    if (first === undefined) return null;
    const value = first[index] ?? null;
    for (const cells of full) if (!sameCell(cells[index] ?? null, value)) return null;
    return value;
  });
  const shared = c.map((value) => value !== null);
  const rows = full.map((cells) => {
    let length = 0;
    for (let index = 0; index < cells.length; index += 1) {
      if (shared[index]) cells[index] = null;
      else if (cells[index] !== null) length = index + 1;
    }
    cells.length = length;
    return cells;
  });
  return { rows, c, starts: starts.values, ends: ends.values, dates: dates.values };
}

/**
 * Runs `work` over `items` with at most `limit` running at once; the first failure rejects, and
 * no item starts after it (the ones already running finish before this settles).
 */
async function runConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next]!;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  for (const result of results) if (result.status === 'rejected') throw result.reason;
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
  return `${Math.round(count / Math.max(seconds, 1e-3))
    .toLocaleString('en-US')
    .padStart(9)}/s`;
}

/** Reads a node query's `created` pairs ([id, elementId], one per node) into `into`. */
function recordCreated(result: readonly Record<string, unknown>[], step: CreateStep, into: Map<string, string>): void {
  const created = result[0]?.['created'];
  if (!Array.isArray(created)) throw new Error(`${step.query}: no element ids returned`);
  for (const pair of created) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') throw new Error(`${step.query}: malformed element id pair`);
    into.set(pair[0], pair[1]);
  }
}

/** The element ids of the given nodes, or an error naming the first one this load did not create. */
function elementIdsOf(ids: readonly string[], created: ReadonlyMap<string, string> | undefined, step: CreateStep, kind: keyof GraphRows): string[] {
  return ids.map((id) => {
    const elementId = created?.get(id);
    if (elementId === undefined) throw new Error(`${step.label}: end node ${id} is not among the ${kind} created; an end node is missing`);
    return elementId;
  });
}

/** A statement of cypher/indexes about relationships (the rest are about nodes). */
export function onRelationships(statement: string): boolean {
  return /FOR\s*\(\)\s*-\s*\[/.test(statement);
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
  /** Element ids of the nodes created so far, by node kind and id. */
  const created = new Map<keyof GraphRows, Map<string, string>>();
  // Within a phase the kinds do not depend on each other, so all their batches share one queue:
  // small kinds do not each cost a round of latency, and the client encodes one batch while
  // the server writes another.
  const writePhase = async (phase: readonly CreateStep[]): Promise<void> => {
    const work: { step: CreateStep; batch: (NodeRow | RelationshipRow)[] }[] = [];
    const spans = new Map<CreateStep, { first: number; last: number }>();
    for (const step of phase) {
      const list: readonly (NodeRow | RelationshipRow)[] = rows[step.key];
      for (let start = 0; start < list.length; start += batchSize) work.push({ step, batch: list.slice(start, start + batchSize) });
    }
    await runConcurrently(work, parallel, async ({ step, batch }) => {
      const batchStarted = performance.now();
      const { rows: cells, c, starts, ends, dates } = encodeBatch(batch, step.columns);
      const params =
        step.ends === undefined
          ? { batch: { rows: cells, c, dates } }
          : {
              batch: {
                rows: cells,
                c,
                dates,
                starts: elementIdsOf(starts, created.get(step.ends.from), step, step.ends.from),
                ends: elementIdsOf(ends, created.get(step.ends.to), step, step.ends.to),
              },
            };
      const result = await db.write(step.query, params, { timeoutMs: 600_000 });
      const count = numberOf(result, 'written');
      if (count !== batch.length) throw new Error(`${step.query}: wrote ${count} of ${batch.length} ${step.label} rows; an end node is missing`);
      if (step.ends === undefined) {
        const into = created.get(step.key) ?? new Map<string, string>();
        created.set(step.key, into);
        recordCreated(result, step, into);
      }
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
  };
  const timed = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    const from = performance.now();
    await work();
    progress(`  ${label.padEnd(16)} ${''.padStart(9)}  ${((performance.now() - from) / 1000).toFixed(1).padStart(6)} s`);
  };
  // Nodes, then the node schema: the unique node ids are built and checked now, and the
  // full-text and range indexes populate in the background while the relationships are
  // written (which never change a node's properties, so they add no index updates).
  await writePhase(CREATE_STEPS.filter((step) => step.ends === undefined));
  await timed('node schema', () => db.applySchema({ only: (statement) => !onRelationships(statement), parallel: 2, awaitSeconds: 0 }));
  await writePhase(CREATE_STEPS.filter((step) => step.ends !== undefined));
  // The relationship schema, then wait until every index (the node ones too) is online.
  await timed('indexes', () => db.applySchema({ only: onRelationships, parallel: 2, awaitSeconds: 1_800 }));
  const seconds = (performance.now() - started) / 1000;
  if (written !== countRows(rows)) throw new Error(`wrote ${written} of ${countRows(rows)} elements`);
  return { elements: written, seconds, elementsPerSecond: written / Math.max(seconds, 1e-3) };
}
