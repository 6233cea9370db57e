/**
 * For developing the client by hand: a throwaway Neo4j with the curated seed and the app on
 * PORT (default 4310), serving client/dist. `npx tsx tests/browser/dev-server.ts`; Ctrl-C stops.
 */
import path from 'node:path';
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { Database } from '../../server/src/db/database.js';
import { startThrowawayNeo4j } from '../support/neo4j.js';
import { seedDatabase } from '../../server/src/seed/load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env['PORT'] ?? 4310);
const neo4j = await startThrowawayNeo4j({ log: (l) => console.log(`[neo4j] ${l}`) });
const db = Database.connect(neo4j.connection);
await db.verifyConnectivity();
const loaded = await seedDatabase(db, path.join(ROOT, 'seed'));
console.log(`seeded: ${loaded.nodes} nodes, ${loaded.relationships} relationships`);
const config = { ...loadConfig({}, ROOT), port };
const app = await createApp({ config, db });
const server = app.express.listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}/`));
const stop = async (): Promise<void> => {
  server.close();
  await app.stop();
  await db.close();
  await neo4j.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
