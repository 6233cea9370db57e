/**
 * The app's projections in Graph Data Science's graph catalog: the network at a date
 * (cypher/analytics/project-ties), kept for reuse while the data revision holds.
 *
 * Memory stays bounded: at most `maxGraphs` projections are kept (the least recently used one
 * not in use is dropped first), every projection of an older data revision is dropped as soon
 * as a newer revision is seen, and stop() drops them all. Names carry a per-process prefix, so
 * two apps on one Neo4j never drop each other's graphs.
 */
import { randomBytes } from 'node:crypto';
import { AtlasError, ErrorCode } from '../errors.js';
import type { Database } from './database.js';

export interface ProjectionKey {
  readonly revision: string;
  readonly atFrom: string;
  readonly atTo: string;
  readonly minRank: number;
  /** Source families whose facts count (null: all), sorted: server/src/graphql/args.ts factFilter. */
  readonly families: readonly string[] | null;
  readonly hostileKinds: readonly string[];
  /** The network is known to be small (read whole by the server): built on one thread. */
  readonly small?: boolean;
}

export interface Projection {
  readonly name: string;
  /** 0 when no tie is active at the date: nothing was projected, and no algorithm should run. */
  readonly nodeCount: number;
  readonly relationshipCount: number;
  /** Pairs joined by a BOND relationship (a tie that is not hostile); 0: none to run communities on. */
  readonly bonds: number;
}

interface Slot {
  readonly name: string;
  readonly revision: string;
  readonly ready: Promise<Projection>;
  users: number;
}

/** The plugin the analysis fields need, named in ANALYTICS_UNAVAILABLE errors. */
export const ANALYTICS_PLUGIN = 'Neo4j Graph Data Science (graph-data-science), 2.13.x for Neo4j 5.26';

/**
 * An error that says GDS is not there: an unknown gds.* procedure or function (not installed,
 * or not on the procedure allow-list). Checked on the mapped error's cause (db/errors.ts).
 */
export function isMissingGds(error: unknown): boolean {
  const cause = error instanceof AtlasError ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  const message = (cause as { message?: unknown } | null)?.message;
  if (typeof code !== 'string' || typeof message !== 'string') return false;
  const unknown =
    code === 'Neo.ClientError.Procedure.ProcedureNotFound' || (code === 'Neo.ClientError.Statement.SyntaxError' && /Unknown function/i.test(message));
  return unknown && /gds\./i.test(message);
}

export function analyticsUnavailable(field: string, cause?: unknown): AtlasError {
  return new AtlasError(
    ErrorCode.ANALYTICS_UNAVAILABLE,
    `${field} needs the ${ANALYTICS_PLUGIN} plugin, which this Neo4j does not have (or does not allow). Install it (Docker: NEO4J_PLUGINS='["graph-data-science"]'), or use the managed Neo4j, which loads it unless ATLAS_NEO4J_GDS=off. Everything else works without it.`,
    { field, cause },
  );
}

export class GraphCatalog {
  private readonly prefix = `atlas-${randomBytes(4).toString('hex')}`;
  // Insertion order is recency: a use re-inserts its slot.
  private readonly slots = new Map<string, Slot>();
  private revision: string | null = null;
  private counter = 0;
  /** Whether GDS answers (asked once per Neo4j start; a failure is asked again next time). */
  private present: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly maxGraphs: number,
  ) {
    // A restarted Neo4j has an empty catalog: the kept names would point at nothing, so they are
    // forgotten (not dropped); the analysis service warms the new JVM up (graphql/analysis.ts).
    db.onRestart(() => {
      this.slots.clear();
      this.present = null;
    });
  }

  /** Runs `work` on the projection for `key`, projecting it first when it is not kept. */
  async use<T>(key: ProjectionKey, work: (projection: Projection) => Promise<T>): Promise<T> {
    if (this.revision !== key.revision) {
      this.revision = key.revision;
      // A new data revision: every kept projection shows old data.
      this.trim();
    }
    const id = JSON.stringify([key.revision, key.atFrom, key.atTo, key.minRank, key.families, key.hostileKinds]);
    let slot = this.slots.get(id);
    if (slot === undefined) {
      this.counter += 1;
      const name = `${this.prefix}-${this.counter}`;
      const ready = this.project(name, key);
      slot = { name, revision: key.revision, ready, users: 0 };
      // A failed projection is not kept.
      ready.catch(() => {
        if (this.slots.get(id) === slot) this.slots.delete(id);
      });
    } else {
      this.slots.delete(id);
    }
    this.slots.set(id, slot);
    slot.users += 1;
    try {
      const projection = await slot.ready;
      return await work(projection);
    } finally {
      slot.users -= 1;
      this.trim();
    }
  }

  /**
   * Resolves when GDS is there; rejects as a call to a missing gds.* function does (isMissingGds).
   * An answer the server computes itself (small networks) still needs GDS to be there, so the
   * analysis fields answer the same on every Neo4j: ANALYTICS_UNAVAILABLE without it.
   */
  available(): Promise<void> {
    if (this.present === null) {
      const asked = this.db.read('analytics/gds-version').then(() => undefined);
      this.present = asked;
      asked.catch(() => {
        if (this.present === asked) this.present = null;
      });
    }
    return this.present;
  }

  /**
   * Loads GDS's classes in the Neo4j JVM (seconds on a fresh start) and compiles the plans of
   * the algorithm queries, by running each of them on a two-person projection, dropped at once:
   * otherwise the first user of each algorithm pays for both. Errors are the caller's to ignore
   * (no GDS, no data yet).
   */
  async warmUp(): Promise<void> {
    this.counter += 1;
    const graphName = `${this.prefix}-warm-${this.counter}`;
    try {
      const [row] = await this.db.read('analytics/warm-up', { graphName });
      if (row === undefined) return;
      const keep = 1;
      await this.db.read('analytics/degree', { graphName, keep });
      await this.db.read('analytics/betweenness', { graphName, keep, config: { relationshipTypes: ['TIE'] } });
      await this.db.read('analytics/pagerank', { graphName, keep });
      await this.db.read('analytics/leiden', { graphName, seed: 0 });
      await this.db.read('analytics/label-propagation', { graphName });
    } finally {
      await this.db.read('analytics/drop-graph', { graphName }).catch(() => undefined);
    }
  }

  /** Projections kept now (for tests and diagnostics). */
  get size(): number {
    return this.slots.size;
  }

  async stop(): Promise<void> {
    const all = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(all.map((slot) => this.dropWhenReady(slot)));
  }

  private async project(name: string, key: ProjectionKey): Promise<Projection> {
    const [row] = await this.db.read('analytics/project-ties', {
      graphName: name,
      atFrom: key.atFrom,
      atTo: key.atTo,
      minRank: key.minRank,
      families: key.families === null ? null : [...key.families],
      hostileKinds: [...key.hostileKinds],
      readConcurrency: key.small === true ? 1 : 4,
    });
    const nodeCount = typeof row?.['nodeCount'] === 'number' ? row['nodeCount'] : 0;
    const relationshipCount = typeof row?.['relationshipCount'] === 'number' ? row['relationshipCount'] : 0;
    const bonds = typeof row?.['bonds'] === 'number' ? row['bonds'] : 0;
    return { name, nodeCount, relationshipCount, bonds };
  }

  private trim(): void {
    for (const [id, slot] of this.slots) {
      if (this.slots.size <= this.maxGraphs) break;
      if (slot.users === 0) this.evict(id, slot);
    }
    // Projections of an older revision still in use when the revision changed go once free.
    for (const [id, slot] of [...this.slots]) {
      if (slot.users === 0 && slot.revision !== this.revision) this.evict(id, slot);
    }
  }

  private evict(id: string, slot: Slot): void {
    this.slots.delete(id);
    void this.dropWhenReady(slot);
  }

  private async dropWhenReady(slot: Slot): Promise<void> {
    try {
      await slot.ready;
      await this.db.read('analytics/drop-graph', { graphName: slot.name });
    } catch {
      // Not projected (the projection failed), or the database is gone: nothing to drop here.
    }
  }
}
