/** The test suite's way to the shared Neo4j provided by global-setup.ts. */
import { inject } from 'vitest';
import { Database } from '../../server/src/db/database.js';

export const ROOT_DIR = new URL('../..', import.meta.url).pathname;

/** A Database on the suite's Neo4j; close it in afterAll. */
export function openTestDatabase(): Database {
  return Database.connect(inject('neo4j'), { maxPoolSize: 10 });
}
