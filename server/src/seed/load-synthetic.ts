/**
 * Loads generated rows into the SEPARATE synthetic database: wipes it (only if it is empty or
 * already marked synthetic), then writes UNWIND batches, one transaction per batch, and reports
 * throughput. Never used on the curated database.
 */
import type { Database } from '../db/database.js';
import { countRows, WRITE_STEPS, type GraphRows, type NodeKey } from './rows.js';

const NODE_STEP_KEYS: readonly NodeKey[] = ['sources', 'factions', 'persons', 'offices', 'events'];

export interface SyntheticLoadOptions {
  readonly batchSize?: number;
  /** Node batches written at the same time, each in its own transaction. */
  readonly parallel?: number;
  readonly seed: number;
  readonly persons: number;
  readonly onProgress?: (message: string) => void;
}

export interface SyntheticLoadResult {
  readonly elements: number;
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
  let total = 0;
  for (;;) {
    const deleted = numberOf(await db.write('synthetic/wipe-batch', { limit: 20_000 }), 'deleted');
    total += deleted;
    if (deleted === 0) break;
  }
  if (total > 0) onProgress(`wiped ${total} nodes`);
}

export async function loadSyntheticRows(db: Database, rows: GraphRows, options: SyntheticLoadOptions): Promise<SyntheticLoadResult> {
  const progress = options.onProgress ?? ((): void => undefined);
  const batchSize = options.batchSize ?? 5_000;
  const parallel = options.parallel ?? 4;
  await wipeSynthetic(db, progress);
  await db.applySchema();
  await db.write('synthetic/mark', { seed: options.seed, persons: options.persons });
  const started = performance.now();
  let written = 0;
  for (const step of WRITE_STEPS) {
    const list = rows[step.key];
    const stepStarted = performance.now();
    const batches: (typeof list)[] = [];
    for (let start = 0; start < list.length; start += batchSize) batches.push(list.slice(start, start + batchSize));
    // Node batches run several at a time (the client packs one while the server writes
    // another). Relationship batches run one at a time: parallel ones lock the same dense
    // faction and person nodes and deadlock.
    const isNodeStep = (NODE_STEP_KEYS as readonly string[]).includes(step.key);
    await runConcurrently(batches, isNodeStep ? parallel : 1, async (batch) => {
      const result = await db.write(step.query, { rows: batch }, { timeoutMs: 600_000 });
      const count = numberOf(result, 'written');
      if (count !== batch.length) throw new Error(`${step.query}: wrote ${count} of ${batch.length} ${step.label} rows; an end node is missing`);
      written += count;
    });
    if (list.length > 0) {
      const seconds = (performance.now() - stepStarted) / 1000;
      progress(`  ${step.label.padEnd(16)} ${String(list.length).padStart(9)}  ${seconds.toFixed(1).padStart(6)} s  ${Math.round(list.length / Math.max(seconds, 1e-3)).toLocaleString('en-US').padStart(9)}/s`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (written !== countRows(rows)) throw new Error(`wrote ${written} of ${countRows(rows)} elements`);
  return { elements: written, seconds, elementsPerSecond: written / Math.max(seconds, 1e-3) };
}
