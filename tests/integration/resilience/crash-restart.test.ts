/**
 * Starting again after a crash (issue 13). The managed Neo4j, SIGKILLed, must start again on the
 * same data at once, on a slow machine too, and a start that cannot proceed must say why.
 *
 * The restart in outage.test.ts once failed on a busy machine with "Neo4j exited during start-up
 * (exit code 1)". The cause: the launcher's own first statement (setting the password on the
 * system database) ran under db.transaction.timeout, the limit meant for users' queries, and on a
 * loaded two-core machine that first statement of a cold JVM took longer than 30 s. The 1 s limit
 * here makes every start meet that case (each failed that way before the launcher gave its own
 * statement its own limit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEO4J_VERSION } from '../../../server/src/config.js';
import { Database } from '../../../server/src/db/database.js';
import { ensureNeo4jRuntime } from '../../../server/src/embedded/jars.js';
import { findJava } from '../../../server/src/embedded/java.js';
import { freePort } from '../../../server/src/embedded/ports.js';
import { PROCEDURE_ALLOWLIST, RELEASE_WAIT_MS, startManagedNeo4j, type ManagedNeo4j, type ManagedSettings } from '../../../server/src/embedded/process.js';
import { StartupError } from '../../../server/src/embedded/startup-error.js';
import { ROOT_DIR } from '../../setup/database.js';
import { TEST_QUICK_START } from '../../support/neo4j.js';
import { record } from './record.js';

const java = findJava(process.env['JAVA_HOME']);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-crash-restart-'));
const home = path.join(dataDir, 'neo4j');
// Every JVM still running, stopped in afterAll whatever failed.
const running = new Set<ManagedNeo4j>();
const timings: Record<string, number> = {};

afterAll(async () => {
  if (Object.keys(timings).length === 3) {
    const s = (name: string): string => ((timings[name] ?? Number.NaN) / 1000).toFixed(1);
    record(
      'crash-restart',
      [
        'Command: `npx vitest run tests/integration/resilience/crash-restart.test.ts` (own managed Neo4j, transaction limit 1 s).',
        '',
        `- First start: ${s('firstStartMs')} s. Restart on the same data right after SIGKILL: ${s('restartMs')} s.`,
        `- A start that met the store lock of a running JVM, which was then killed: started on its second attempt, ${s('lockRetryMs')} s in all (the second attempt waits ${RELEASE_WAIT_S} s first; ${RELEASE_WAIT_MS / 1000} s by default).`,
      ].join('\n'),
      timings,
    );
  }
  await Promise.all([...running].map((neo4j) => neo4j.stop()));
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

const PASSWORD = 'crash-restart-test';
/**
 * The second attempt's wait, shorter than the product's RELEASE_WAIT_MS (issue 13: the suite's
 * time). The claims do not need the full wait: the holder here is SIGKILLed and gone (its exit
 * awaited) when the wait starts, and the give-up case fails whatever the wait.
 */
const RELEASE_WAIT_S = 5;

/** Same data folder every time; a new port each time, so two JVMs can race for the store lock. */
async function settingsFor(homeDir: string): Promise<ManagedSettings> {
  return {
    homeDir,
    boltPort: await freePort(),
    password: PASSWORD,
    heapMb: 512,
    pageCacheMb: 64,
    txTimeoutSeconds: 1,
    txMemoryMb: 256,
    startTimeoutSeconds: 300,
    procedureAllowlist: PROCEDURE_ALLOWLIST,
    releaseWaitMs: RELEASE_WAIT_S * 1000,
    quickStart: TEST_QUICK_START,
  };
}

async function start(settings: ManagedSettings, log: (line: string) => void = () => undefined): Promise<ManagedNeo4j> {
  const runtime = await ensureNeo4jRuntime({ cacheDir: path.join(ROOT_DIR, '.atlas/cache'), version: NEO4J_VERSION, java, log: () => undefined });
  const neo4j = await startManagedNeo4j(java.java, runtime, settings, log);
  running.add(neo4j);
  return neo4j;
}

async function crash(neo4j: ManagedNeo4j): Promise<void> {
  process.kill(neo4j.pid, 'SIGKILL');
  await neo4j.stop();
  running.delete(neo4j);
}

async function failure(attempt: Promise<unknown>): Promise<StartupError> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StartupError);
  return error as StartupError;
}

describe('restart after a crash', () => {
  // Each step starts from the JVM the step before left running.
  let current: ManagedNeo4j | undefined;

  it('starts, and starts again at once after SIGKILL, however long its own first statement takes', async () => {
    const settings = await settingsFor(home);
    let started = Date.now();
    const first = await start(settings);
    timings['firstStartMs'] = Date.now() - started;
    await crash(first);
    started = Date.now();
    current = await start(settings);
    timings['restartMs'] = Date.now() - started;
    const db = Database.connect({ uri: current.uri, user: 'neo4j', password: PASSWORD, database: 'neo4j' });
    try {
      await db.ping();
    } finally {
      await db.close();
    }
  }, 600_000);

  it('tries once more when the store lock is held, and starts once the holder has gone', async () => {
    const holder = current;
    expect(holder).toBeDefined();
    // The first attempt meets the lock of the JVM still running; that JVM then goes, as the JVM
    // of a crashed run does once it has finished exiting.
    const lines: string[] = [];
    const started = Date.now();
    current = await start(await settingsFor(home), (line) => {
      lines.push(line);
      if (line.includes('Trying once more') && holder !== undefined) void crash(holder);
    });
    timings['lockRetryMs'] = Date.now() - started;
    expect(lines.filter((line) => line.includes('Trying once more') && line.includes('store lock'))).toHaveLength(1);
  }, 600_000);

  it('gives up after the second attempt while the lock stays held, and shows why', async () => {
    expect(current).toBeDefined();
    // A 1 s wait: nothing lets go of the lock here, so a longer one would only be spent idle.
    const error = await failure(start({ ...(await settingsFor(home)), releaseWaitMs: 1_000 }));
    expect(error.code).toBe('NEO4J_STORE_LOCKED');
    expect(error.detail ?? '').toContain('FileLockException');
  }, 600_000);
});
