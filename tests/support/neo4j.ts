/**
 * The one way tests and benchmarks get a throwaway Neo4j, in this order:
 * 1. the server named by NEO4J_URI (SYN_NEO4J_URI for the benchmarks' synthetic instance), which
 *    is never killed, restarted or wiped by us;
 * 2. a testcontainers container, when a container runtime answers;
 * 3. otherwise the project's managed Neo4j (the JVM `npm start` runs) on a free port with a
 *    temporary data folder, removed on stop. Its JVM pid is known, so fault tests can SIGKILL it
 *    and start it again on the same port and data (the app's driver reconnects to the same address).
 * `source: 'managed'` skips 1 and 2: a test that kills the JVM needs one of its own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { externalNeo4jFromEnv, javaHomeFromEnv, NEO4J_VERSION } from '../../server/src/config.js';
import type { Connection } from '../../server/src/db/database.js';
import { GDS_PROCEDURES } from '../../server/src/embedded/gds.js';
import { ensureNeo4jRuntime } from '../../server/src/embedded/jars.js';
import { findJava } from '../../server/src/embedded/java.js';
import { freePort } from '../../server/src/embedded/ports.js';
import { PROCEDURE_ALLOWLIST, startManagedNeo4j, type ManagedNeo4j, type ManagedSettings } from '../../server/src/embedded/process.js';
import { CACHE_DIR } from './paths.js';

export type ThrowawayKind = 'external' | 'container' | 'managed';

export interface ThrowawayNeo4j {
  readonly connection: Connection;
  readonly kind: ThrowawayKind;
  /** JVM pid (managed only; null otherwise or while killed). */
  pid(): number | null;
  /** SIGKILL the JVM (managed only): a crash, no clean shutdown. */
  kill(): Promise<void>;
  /** Starts the JVM again on the same port and data folder (managed only). */
  restart(): Promise<void>;
  /** Stops it and removes its data; an external server is left as it is. */
  stop(): Promise<void>;
}

export interface ThrowawayOptions {
  readonly log: (line: string) => void;
  /**
   * 'curated' (default): NEO4J_URI, else container, else managed. 'synthetic': the same with
   * SYN_NEO4J_URI (which must not be the curated one). 'fresh': never an external server (a
   * container, else managed). 'managed': always a managed JVM of our own (kill and restart work).
   */
  readonly source?: 'curated' | 'synthetic' | 'fresh' | 'managed';
  readonly heapMb?: number;
  readonly pageCacheMb?: number;
  readonly txTimeoutSeconds?: number;
  /**
   * A managed JVM with the quick compiler only (ATLAS_NEO4J_QUICK_START): it opens in about half
   * the time. The tests ask for it (TEST_QUICK_START); benchmarks must not, their queries would run slower.
   */
  readonly quickStart?: boolean;
  /**
   * False: a managed JVM that finds no class-data archive does not record one (the suite's Neo4j:
   * recordClassDataArchive records it beside the tests instead). Default true.
   */
  readonly recordClassData?: boolean;
  /** Scheduling niceness of a managed JVM (default 0): see recordClassDataArchive. */
  readonly niceness?: number;
  /** The environment read for NEO4J_URI / SYN_NEO4J_URI and JAVA_HOME (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const NEO4J_IMAGE = `neo4j:${NEO4J_VERSION}-community`;

const TX_MEMORY_MB = 512;

/**
 * The Neo4j JVMs the tests start for themselves (kill, restart, another data set) open with the
 * quick compiler only (issue 13): there are about twenty, each lives for minutes at most, and their
 * start-up was much of the suite's time. The suite's shared Neo4j (global-setup.ts) and the
 * benchmarks keep the full JIT: they run heavy queries for longer.
 */
export const TEST_QUICK_START = true;
/**
 * The same for an app the tests run as `npm start` runs it (tests/setup/run-main.ts, resilience/app-process.ts),
 * without the analysis precompute: a minute of GDS work in the background per start, which these
 * tests (start-up, faults, supervision) do not use and would pay for in load
 * (tests/integration/api/analysis.test.ts runs the precompute itself).
 */
export const TEST_APP_ENV: Readonly<Record<string, string>> = { ATLAS_NEO4J_QUICK_START: 'on', ATLAS_ANALYSIS_PRECOMPUTE_DATES: '0' };

/** kill() and restart() for a Neo4j that is not our own JVM. */
const refusing = (reason: string) => (): Promise<void> => Promise.reject(new Error(reason));

function external(connection: Connection, variable: string, log: (line: string) => void): ThrowawayNeo4j {
  log(`Using the Neo4j at ${connection.uri} (${variable}).`);
  const refuse = refusing(`a Neo4j given by ${variable} is not ours to kill or restart`);
  return { connection, kind: 'external', pid: () => null, kill: refuse, restart: refuse, stop: () => Promise.resolve() };
}

async function tryContainer(options: ThrowawayOptions): Promise<ThrowawayNeo4j | undefined> {
  const { log } = options;
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    log('No container runtime answers; using the managed embedded Neo4j instead.');
    return undefined;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = randomBytes(12).toString('base64url');
  log(`Starting ${NEO4J_IMAGE} with testcontainers...`);
  const container = await new Neo4jContainer(NEO4J_IMAGE)
    .withPassword(password)
    .withEnvironment({
      NEO4J_db_transaction_timeout: `${options.txTimeoutSeconds ?? 30}s`,
      NEO4J_db_memory_transaction_max: `${TX_MEMORY_MB}m`,
      NEO4J_server_memory_heap_max__size: `${options.heapMb ?? 1024}m`,
      NEO4J_server_memory_pagecache_size: `${options.pageCacheMb ?? 256}m`,
      NEO4J_dbms_security_allow__csv__import__from__file__urls: 'false',
      NEO4J_dbms_security_procedures_allowlist: [...PROCEDURE_ALLOWLIST, ...GDS_PROCEDURES].join(','),
      // The analysis fields run Graph Data Science; the image installs the plugin itself.
      NEO4J_PLUGINS: '["graph-data-science"]',
      NEO4J_dbms_security_procedures_unrestricted: 'gds.*',
    })
    .start();
  const refuse = refusing('a testcontainers Neo4j is not killed or restarted by the tests; ask for source: "managed"');
  return {
    kind: 'container',
    connection: { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword(), database: 'neo4j' },
    pid: () => null,
    kill: refuse,
    restart: refuse,
    stop: async () => {
      await container.stop();
    },
  };
}

async function startManaged(options: ThrowawayOptions): Promise<ThrowawayNeo4j> {
  const java = findJava(javaHomeFromEnv(options.env));
  const runtime = await ensureNeo4jRuntime({ cacheDir: CACHE_DIR, version: NEO4J_VERSION, java, log: options.log });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-neo4j-'));
  const password = randomBytes(12).toString('base64url');
  const settings: ManagedSettings = {
    homeDir: path.join(dataDir, 'neo4j'),
    boltPort: await freePort(),
    password,
    heapMb: options.heapMb ?? 1024,
    pageCacheMb: options.pageCacheMb ?? 256,
    txTimeoutSeconds: options.txTimeoutSeconds ?? 30,
    txMemoryMb: TX_MEMORY_MB,
    startTimeoutSeconds: 240,
    procedureAllowlist: PROCEDURE_ALLOWLIST,
    quickStart: options.quickStart ?? false,
    recordClassData: options.recordClassData,
    niceness: options.niceness,
  };
  let current: ManagedNeo4j | null;
  try {
    current = await startManagedNeo4j(java.java, runtime, settings, options.log);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    connection: { uri: current.uri, user: 'neo4j', password, database: 'neo4j' },
    kind: 'managed',
    pid: () => current?.pid ?? null,
    async kill() {
      if (current === null) return;
      const running = current;
      current = null;
      process.kill(running.pid, 'SIGKILL');
      await running.stop();
    },
    async restart() {
      if (current !== null) return;
      current = await startManagedNeo4j(java.java, runtime, settings, options.log);
    },
    async stop() {
      await current?.stop();
      current = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * When the cache has no class-data archive yet (a fresh clone), records it in a managed Neo4j of
 * its own, started with the quick compiler and stopped as soon as it is ready: its JVM writes the
 * archive as it exits (server/src/embedded/process.ts). The suite's global set-up runs this beside
 * the first test files, so that neither its own start nor its teardown waits for the recording, and
 * the own-neo4j tier's many starts after it find the archive (issue 13).
 */
export async function recordClassDataArchive(options: Pick<ThrowawayOptions, 'log' | 'env'>): Promise<void> {
  const java = findJava(javaHomeFromEnv(options.env));
  const runtime = await ensureNeo4jRuntime({ cacheDir: CACHE_DIR, version: NEO4J_VERSION, java, log: options.log });
  if (runtime.classDataFile === undefined || existsSync(runtime.classDataFile)) return;
  const started = Date.now();
  // The archive holds classes, not compiled code: the quick compiler records it for the full JIT too.
  // At niceness 19 it takes only CPU time the tests leave idle: console-abuse's byte cap, whose
  // deadline allows for load, failed at load 14 with a recorder at full priority beside it.
  const recorder = await startManaged({ ...options, quickStart: true, pageCacheMb: 64, niceness: 19 });
  await recorder.stop();
  options.log(`class-data archive recorded beside the tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function startThrowawayNeo4j(options: ThrowawayOptions): Promise<ThrowawayNeo4j> {
  const source = options.source ?? 'curated';
  if (source === 'managed') return startManaged(options);
  if (source === 'curated' || source === 'synthetic') {
    const prefix = source === 'synthetic' ? 'SYN_' : '';
    const given = externalNeo4jFromEnv(options.env, prefix);
    if (given !== undefined) {
      if (source === 'synthetic' && given.uri === externalNeo4jFromEnv(options.env)?.uri) {
        throw new Error('SYN_NEO4J_URI must not be the curated NEO4J_URI: the synthetic load would wipe the curated data');
      }
      return external(given, `${prefix}NEO4J_URI`, options.log);
    }
  }
  return (await tryContainer(options)) ?? startManaged(options);
}
