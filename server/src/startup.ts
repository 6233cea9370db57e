/** Brings a database to the state the app needs: schema applied, curated seed loaded. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { seedFingerprint } from './seed/fingerprint.js';
import { SeedValidationError } from './seed/errors.js';
import { seedDatabase } from './seed/load.js';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed');

export type SeedDecision = 'load' | 'skip-unchanged' | 'skip-disabled';

export function decideSeeding(policy: Config['seedOnStart'], state: { fingerprint: string | null; persons: number }, fingerprint: string): SeedDecision {
  if (policy === 'never') return 'skip-disabled';
  if (policy === 'always' || state.persons === 0 || state.fingerprint !== fingerprint) return 'load';
  return 'skip-unchanged';
}

export async function prepareDatabase(db: Database, config: Config, log: (line: string) => void, seedDir = SEED_DIR): Promise<SeedDecision> {
  const fingerprint = seedFingerprint(seedDir);
  const [row] = await db.read('meta/get-seed-state');
  const state = { fingerprint: typeof row?.['fingerprint'] === 'string' ? row['fingerprint'] : null, persons: Number(row?.['persons'] ?? 0) };
  const decision = decideSeeding(config.seedOnStart, state, fingerprint);
  if (decision === 'load') {
    log(state.persons === 0 ? 'The database is empty; loading the curated seed...' : 'The seed files changed; reloading the curated seed...');
    try {
      // seedDatabase applies the schema itself before loading.
      const result = await seedDatabase(db, seedDir, { onProgress: (line) => log(`  ${line}`) });
      await db.write('meta/set-seed-state', { fingerprint });
      log(`Seed loaded: ${result.nodes} nodes, ${result.relationships} relationships (checksum ${result.checksum.slice(0, 12)}).`);
      return 'load';
    } catch (error) {
      if (!(error instanceof SeedValidationError && state.persons > 0)) throw error;
      // Keep serving the last good data rather than refusing to start over a typo.
      log(`WARNING: the seed files have errors, so the previous data stays loaded.\n${error.message}`);
    }
  } else {
    log(decision === 'skip-disabled' ? 'Seed loading is off (ATLAS_SEED_ON_START=never).' : 'Seed unchanged since the last load; keeping the data.');
  }
  const applied = await db.applySchema();
  log(`Schema ready (${applied} constraints and indexes checked).`);
  return decision === 'load' ? 'skip-unchanged' : decision;
}
