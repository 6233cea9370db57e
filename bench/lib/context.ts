/** What every bench section gets: options, logging, and the shared curated Neo4j + API. */
import type { Database } from '../../server/src/db/database.js';
import { Database as Db } from '../../server/src/db/database.js';
import { seedDatabase } from '../../server/src/seed/load.js';
import path from 'node:path';
import { startApi, type RunningApi } from './api.js';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from '../../tests/support/neo4j.js';
import { ROOT } from '../../tests/support/paths.js';

export interface Curated {
  readonly neo4j: ThrowawayNeo4j;
  /** A direct-driver Database of its own (not the API's). */
  readonly db: Database;
  readonly api: RunningApi;
}

export interface BenchContext {
  readonly quick: boolean;
  log(line: string): void;
  /** Started on first use and shared by the sections; stopped at the end of the run. */
  curated(): Promise<Curated>;
  close(): Promise<void>;
}

export function createContext(quick: boolean): BenchContext {
  const log = (line: string): void => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  let curated: Promise<Curated> | null = null;
  return {
    quick,
    log,
    curated() {
      curated ??= (async () => {
        log('starting the curated Neo4j...');
        const neo4j = await startThrowawayNeo4j({ log: (line) => log(`  neo4j: ${line}`) });
        const db = Db.connect(neo4j.connection);
        const loaded = await seedDatabase(db, path.join(ROOT, 'seed'));
        log(`curated seed loaded: ${loaded.nodes} nodes, ${loaded.relationships} relationships`);
        const api = await startApi(neo4j.connection);
        log(`API at ${api.url}`);
        return { neo4j, db, api };
      })();
      return curated;
    },
    async close() {
      if (curated === null) return;
      const c = await curated;
      await c.api.close();
      await c.db.close();
      await c.neo4j.stop();
    },
  };
}

export interface Section {
  readonly name: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<void>;
}
