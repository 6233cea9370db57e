/**
 * Reads the data revision (cypher/meta/get-data-revision) on a timer and hands it to the
 * response cache. A failed read changes nothing: while Neo4j is away, cached answers are still
 * good, and the first read after it returns drops them if a loader ran meanwhile.
 */
import type { Database } from '../db/database.js';
import type { ResponseCache } from './response-cache.js';

export interface RevisionWatch {
  /** Reads the revision now (the timer does this every interval). */
  check(): Promise<void>;
  stop(): void;
}

export async function watchDataRevision(db: Database, cache: ResponseCache, intervalMs: number): Promise<RevisionWatch> {
  let checking: Promise<void> | null = null;
  const check = (): Promise<void> => {
    checking ??= db
      .read('meta/get-data-revision')
      .then(([row]) => cache.observeRevision(typeof row?.['revision'] === 'string' ? row['revision'] : null))
      .catch(() => undefined)
      .finally(() => {
        checking = null;
      });
    return checking;
  };
  await check();
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
