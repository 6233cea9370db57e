/**
 * The API as its own process (so the load test measures its memory and it has its own event
 * loop): NEO4J_URI/NEO4J_PASSWORD in the environment, listens on 127.0.0.1 port 0 and prints
 * "LISTENING <port>". Stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { Database } from '../server/src/db/database.js';

const config = { ...loadConfig(), port: 0 };
if (config.neo4j.mode !== 'external') throw new Error('server-child needs NEO4J_URI and NEO4J_PASSWORD');
const { uri, user, password, database } = config.neo4j;
const db = Database.connect({ uri, user, password, database });
const app = await createApp({ config, db });
const server = app.express.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(
    () =>
      void app
        .stop()
        .then(() => db.close())
        .then(() => process.exit(0)),
  );
});
