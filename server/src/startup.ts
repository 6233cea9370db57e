/** Brings a database to the state the app needs: schema applied, curated seed loaded. */
import type { Config } from './config.js';
import type { Database } from './db/database.js';

export async function prepareDatabase(db: Database, _config: Config, log: (line: string) => void): Promise<void> {
  const applied = await db.applySchema();
  log(`Schema ready (${applied} constraints and indexes checked).`);
}
