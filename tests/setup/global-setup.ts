/**
 * Hands every integration test a real Neo4j (tests/support/neo4j.ts: NEO4J_URI, else
 * testcontainers, else the managed embedded Neo4j), with the schema applied and the curated seed loaded. Tests read the
 * connection with `inject('neo4j')` (see tests/setup/database.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Connection } from '../../server/src/db/database.js';
import { Database } from '../../server/src/db/database.js';
import { recordClassDataArchive, startThrowawayNeo4j } from '../support/neo4j.js';
import { seedDatabase } from '../../server/src/seed/load.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
    neo4jKind: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const log = (line: string): void => console.log(`[test neo4j] ${line}`);
/** The recorder's own lines, without its progress ticks (they would interleave with the tests' output). */
const recorderLog = (line: string): void => {
  if (!line.includes('... waiting for Neo4j')) console.log(`[class-data recorder] ${line}`);
};

/**
 * The suite reloads the curated seed, which deletes curated nodes the seed does not hold. On a
 * database given through NEO4J_URI that is only safe when it is empty or already holds this
 * project's seed; anything else is someone's data, and the suite stops before touching it.
 */
async function refuseForeignData(db: Database): Promise<void> {
  const [state] = await db.read('meta/get-seed-state');
  const persons = Number(state?.['persons'] ?? 0);
  if (persons > 0 && typeof state?.['fingerprint'] !== 'string') {
    throw new Error(
      `NEO4J_URI points at a database with ${persons} Person nodes that this project's seed did not load. ` +
        'The tests would overwrite them: point NEO4J_URI at a scratch database (or unset it to use a throwaway embedded Neo4j).',
    );
  }
}

/**
 * `npm run build:client` when the client's sources are newer than its build
 * (scripts/build-client-if-stale.ts), for the browser files. Here, while Neo4j opens, rather than
 * before the suite starts (issue 13); before any file runs, so no browser file builds it at the
 * same time (tests/browser/harness.ts builds only when it is still stale).
 */
function buildClientIfStale(): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-client-if-stale.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('close', (code) => {
      // The script's first line says whether it built ("Building the web client...") or not.
      log(`web client: ${output.trim().split('\n')[0] ?? ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (code === 0) resolve();
      else reject(new Error(`The web client failed to build (exit code ${code ?? 'signal'}):\n${output}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const client = buildClientIfStale();
  // Settled either way, so a failed build is reported below rather than as an unhandled rejection.
  client.catch(() => undefined);
  // The full JIT here (no TEST_QUICK_START): this JVM serves the whole run, heavy queries
  // included, and graphql-limits failed on a quick-start one at load 25-30 (issue 13). It records
  // no class-data archive: writing one as it exits would hold up the teardown (recordArchive below).
  const neo4j = await startThrowawayNeo4j({ log, recordClassData: false }).catch(async (error: unknown) => {
    await client.catch(() => undefined);
    throw error;
  });
  try {
    const db = Database.connect(neo4j.connection);
    try {
      await db.verifyConnectivity();
      if (neo4j.kind === 'external') await refuseForeignData(db);
      const loaded = await seedDatabase(db, path.join(ROOT, 'seed'));
      log(`curated seed loaded: ${loaded.nodes} nodes, ${loaded.relationships} relationships, checksum ${loaded.checksum.slice(0, 12)}`);
    } finally {
      await db.close();
    }
    await client;
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
  log(`${neo4j.kind} Neo4j ready at ${neo4j.connection.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4j', neo4j.connection);
  project.provide('neo4jKind', neo4j.kind);
  // In a clone with none yet, the class-data archive is recorded beside the first test files, for
  // the own-neo4j tier's many starts after this tier (scripts/test-all.ts); it only costs speed, so
  // a failure is logged, not thrown.
  const recordArchive =
    neo4j.kind === 'managed'
      ? recordClassDataArchive({ log: recorderLog }).catch((error: unknown) =>
          recorderLog(`could not record the class-data archive (${error instanceof Error ? error.message : String(error)}); the next run tries again`),
        )
      : Promise.resolve();
  return async () => {
    await recordArchive;
    const stopping = Date.now();
    await neo4j.stop();
    log(`${neo4j.kind} Neo4j stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
  };
}
