/**
 * Loads the curated seed into Neo4j in ONE write transaction: a bad file or a killed process
 * leaves the database as it was. Nodes and relationships are merged by id with every property
 * replaced, and curated elements no longer in the seed are deleted, so re-running gives an
 * identical graph (same counts, same checksum).
 */
import type { Database, QueryRunner } from '../db/database.js';
import { summarizeCuratedGraph, type GraphSummary } from './checksum.js';
import { SeedValidationError } from './errors.js';
import { datasetToRows } from './dataset-to-rows.js';
import { WRITE_STEPS, type GraphRows, type NodeKey, type RelationshipRow } from './rows.js';
import { CURATED_LABELS, CURATED_RELATIONSHIPS } from './graph-names.js';
import { validateSeedDir } from './validate.js';

export interface LoadOptions {
  /** Delete every curated node first (in the same transaction). */
  readonly reset?: boolean;
  /** Rows per UNWIND. */
  readonly batchSize?: number;
  readonly onProgress?: (message: string) => void;
  /** Server-side limit for the whole load transaction. */
  readonly timeoutMs?: number;
}

export interface LoadResult extends GraphSummary {
  readonly deletedNodes: number;
  readonly deletedRelationships: number;
  readonly written: number;
}

const DEFAULT_BATCH = 500;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

const NODE_KEYS: readonly NodeKey[] = ['sources', 'factions', 'persons', 'offices', 'events'];

function numberOf(rows: readonly Record<string, unknown>[], column: string): number {
  const value = rows[0]?.[column];
  return typeof value === 'number' ? value : 0;
}

/** "Label:id" and "TYPE:id:startId:endId" keys of everything the seed contains (see cypher/seed/delete-stale-*). */
function keepKeys(rows: GraphRows): { nodes: string[]; relationships: string[] } {
  const nodes: string[] = [];
  const relationships: string[] = [];
  for (const step of WRITE_STEPS) {
    const list = rows[step.key];
    if ((NODE_KEYS as readonly string[]).includes(step.key)) for (const row of list) nodes.push(`${step.label}:${row.id}`);
    else for (const row of list as readonly RelationshipRow[]) relationships.push(`${step.label}:${row.id}:${row.from}:${row.to}`);
  }
  return { nodes, relationships };
}

/** Writes `rows` in batches; throws (rolling the transaction back) if a relationship's end node is missing. */
export async function writeRows(tx: QueryRunner, rows: GraphRows, batchSize: number, onProgress: (message: string) => void): Promise<number> {
  let written = 0;
  for (const step of WRITE_STEPS) {
    const list = rows[step.key];
    for (let start = 0; start < list.length; start += batchSize) {
      const batch = list.slice(start, start + batchSize);
      const result = await tx.run(step.query, { rows: batch });
      const count = numberOf(result, 'written');
      if (count !== batch.length) {
        throw new Error(`${step.query}: wrote ${count} of ${batch.length} ${step.label} rows; an end node is missing`);
      }
      written += count;
    }
    if (list.length > 0) onProgress(`  ${step.label.padEnd(16)} ${String(list.length).padStart(6)}`);
  }
  return written;
}

async function deleteStale(tx: QueryRunner, rows: GraphRows, reset: boolean): Promise<{ nodes: number; relationships: number }> {
  const keep = reset ? { nodes: [], relationships: [] } : keepKeys(rows);
  // Relationships first: a relationship whose ends changed must go before MERGE re-creates it.
  const relationships = await tx.run('seed/delete-stale-relationships', { types: [...CURATED_RELATIONSHIPS], keep: keep.relationships });
  const nodes = await tx.run('seed/delete-stale-nodes', { labels: [...CURATED_LABELS], keep: keep.nodes });
  return { nodes: numberOf(nodes, 'deleted'), relationships: numberOf(relationships, 'deleted') };
}

/** Loads prepared rows as the curated graph. The database schema must already be applied. */
export async function loadCuratedRows(db: Database, rows: GraphRows, options: LoadOptions = {}): Promise<LoadResult> {
  const progress = options.onProgress ?? ((): void => undefined);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const outcome = await db.writeTransaction(
    async (tx) => {
      const deleted = await deleteStale(tx, rows, options.reset ?? false);
      progress(`${options.reset ? 'reset: deleted' : 'removed stale:'} ${deleted.nodes} nodes, ${deleted.relationships} relationships`);
      const written = await writeRows(tx, rows, batchSize, progress);
      await tx.run('meta/bump-data-revision');
      return { deleted, written };
    },
    { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
  );
  progress('committed');
  // Read back after the commit: the checksum describes what is actually in the database.
  const summary = await db.readTransaction((tx) => summarizeCuratedGraph(tx));
  return { ...summary, deletedNodes: outcome.deleted.nodes, deletedRelationships: outcome.deleted.relationships, written: outcome.written };
}

/** Validates `dir` (throwing SeedValidationError before touching the database), applies the schema and loads. */
export async function seedDatabase(db: Database, dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const validation = validateSeedDir(dir);
  if (!validation.ok) throw new SeedValidationError(validation.errors);
  await db.applySchema();
  return loadCuratedRows(db, datasetToRows(validation.dataset), options);
}

/** Counts and checksum of the curated graph as it is now. */
export function curatedSummary(db: Database): Promise<GraphSummary> {
  return db.readTransaction((tx) => summarizeCuratedGraph(tx));
}
