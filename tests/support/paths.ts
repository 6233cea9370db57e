/** Where the project is, for tests, benchmarks and the scripts that drive them. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The downloaded Neo4j jars and plugins (`npm run neo4j:fetch`), shared with `npm start`. */
export const CACHE_DIR = path.join(ROOT, '.atlas/cache');
