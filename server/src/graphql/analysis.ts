/**
 * The analysis layer's state, one per app: GDS projections (db/graph-catalog.ts) and computed
 * answers, both kept per data revision. Every analysis call reads the revision first (one cheap
 * query: cypher/meta/get-data-revision), so an answer never outlives the data it came from,
 * whether or not the response cache is on.
 *
 * Memory stays bounded: answers are kept least-recently-used first within `cacheMb` (each
 * answer's size is estimated from its length), all of them dropped when the revision changes;
 * projections as graph-catalog.ts says (at most `maxGraphs`). A request that asks what another
 * is already computing waits for it instead of computing it twice.
 */
import type { Database } from '../db/database.js';
import { GraphCatalog } from '../db/graph-catalog.js';

interface Memo {
  readonly value: Promise<unknown>;
  bytes: number;
}

/** Rough bytes per item of a kept answer (an id, a number and the map around them). */
export const BYTES_PER_ITEM = 96;

export class AnalysisService {
  readonly catalog: GraphCatalog;
  private readonly memos = new Map<string, Memo>();
  private bytes = 0;
  private revisionSeen: string | null = null;
  /** What keepReady was given: run again for every new data revision. */
  private readier: ((isCurrent: (revision: string) => boolean) => Promise<void>) | null = null;
  private readying: Promise<void> | null = null;
  private readyAgain = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    readonly limits: { readonly maxGraphs: number; readonly cacheMb: number; readonly inProcessMaxPairs: number; readonly precomputeDates?: number },
  ) {
    this.catalog = new GraphCatalog(db, limits.maxGraphs);
    // A restarted Neo4j is a fresh JVM: no GDS classes loaded, no plan compiled.
    db.onRestart(() => void this.warmUp());
  }

  /**
   * Readies a fresh Neo4j JVM for the analysis fields, in the background at start-up and after
   * a restart: GDS's classes and the algorithm plans (GraphCatalog.warmUp), and the plans of the
   * other analysis queries, each run once on input that matches nothing (cheap at any size).
   * Without this, the first call of each field paid a second or more of loading and planning.
   * Never fails (no GDS, or no data yet, leaves the rest to the first call).
   */
  async warmUp(): Promise<void> {
    const none = { minRank: 3, families: [] };
    const never = { atFrom: '0001-01-01', atTo: '0001-01-01' };
    const plans: [string, Record<string, unknown>][] = [
      ['meta/get-data-revision', {}],
      ['analytics/network-pairs', { ...never, ...none, hostileKinds: [], max: 0 }],
      ['analytics/project-ties', { graphName: 'atlas-never-projected', ...never, ...none, hostileKinds: [], readConcurrency: 1 }],
      ['analytics/placements', { personIds: [], ...never, ...none }],
      ['analytics/placements-at', { ...never, ...none }],
      ['analytics/survival-subjects', { factionIds: [], ...none }],
      ['analytics/exposure', { personId: '', families: [] }],
    ];
    for (const [name, params] of plans) await this.db.read(name, params).catch(() => undefined);
    await this.catalog.warmUp().catch(() => undefined);
  }

  /** The current data revision ('none' before any loader set one); a change drops every kept answer. */
  async revision(): Promise<string> {
    const [row] = await this.db.read('meta/get-data-revision');
    const revision = typeof row?.['revision'] === 'string' ? row['revision'] : 'none';
    if (revision !== this.revisionSeen) {
      const first = this.revisionSeen === null;
      this.memos.clear();
      this.bytes = 0;
      this.revisionSeen = revision;
      if (!first && this.readier !== null) void this.ready();
    }
    return revision;
  }

  /**
   * Runs `readier` (analysis-precompute.ts) in the background now and again whenever a new data
   * revision is seen, one run at a time; a run stops early once `isCurrent(its revision)` turns
   * false (a newer revision, or the app stopping). Resolves when the current run ends; never fails.
   */
  keepReady(readier: (isCurrent: (revision: string) => boolean) => Promise<void>): Promise<void> {
    this.readier = readier;
    return this.ready();
  }

  private ready(): Promise<void> {
    if (this.readying !== null) {
      this.readyAgain = true;
      return this.readying;
    }
    const readier = this.readier;
    if (readier === null || this.stopped) return Promise.resolve();
    const run = async (): Promise<void> => {
      try {
        await readier((revision) => !this.stopped && this.revisionSeen === revision);
      } catch {
        // Readying is an optimisation: a failure leaves the work to the first call.
      }
    };
    this.readying = run().finally(() => {
      this.readying = null;
      if (this.readyAgain) {
        this.readyAgain = false;
        void this.ready();
      }
    });
    return this.readying;
  }

  /**
   * The answer for `key` (which must include the revision), computed once. `items` says how
   * many items the answer holds, for the memory bound.
   */
  async memo<T>(key: string, compute: () => Promise<T>, items: (value: T) => number): Promise<T> {
    const known = this.memos.get(key);
    if (known !== undefined) {
      this.memos.delete(key);
      this.memos.set(key, known);
      return known.value as Promise<T>;
    }
    const value = compute();
    const memo: Memo = { value, bytes: 0 };
    this.memos.set(key, memo);
    try {
      const result = await value;
      if (this.memos.get(key) === memo) {
        memo.bytes = (items(result) + 1) * BYTES_PER_ITEM + key.length;
        this.bytes += memo.bytes;
        this.trim();
      }
      return result;
    } catch (error) {
      // A failure is not kept: the next call tries again.
      if (this.memos.get(key) === memo) this.memos.delete(key);
      throw error;
    }
  }

  /** Kept answers and their estimated bytes (tests, diagnostics). */
  stats(): { entries: number; bytes: number; graphs: number } {
    return { entries: this.memos.size, bytes: this.bytes, graphs: this.catalog.size };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.readying;
    this.memos.clear();
    this.bytes = 0;
    await this.catalog.stop();
  }

  private trim(): void {
    const budget = this.limits.cacheMb * 1024 * 1024;
    for (const [key, memo] of this.memos) {
      if (this.bytes <= budget) break;
      // In-flight answers have no size yet (their callers still get them when they finish).
      if (memo.bytes === 0) continue;
      this.memos.delete(key);
      this.bytes -= memo.bytes;
    }
  }
}
