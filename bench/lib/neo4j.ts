/**
 * Neo4j instances for benchmarks and fault scripts. NEO4J_URI (curated) or SYN_NEO4J_URI
 * (synthetic) when set; otherwise a managed embedded Neo4j of our own, on a free port with a temp
 * data folder, whose JVM pid we know, so fault scripts can kill it and start it again on the same
 * port and data (the app's driver then reconnects to the same address).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NEO4J_VERSION } from '../../server/src/config.js';
import type { Connection } from '../../server/src/db/database.js';
import { ensureNeo4jRuntime } from '../../server/src/embedded/jars.js';
import { findJava } from '../../server/src/embedded/java.js';
import { freePort } from '../../server/src/embedded/ports.js';
import { PROCEDURE_ALLOWLIST, startManagedNeo4j, type ManagedNeo4j } from '../../server/src/embedded/process.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(ROOT, '.atlas/cache');

export interface BenchNeo4j {
  readonly connection: Connection;
  /** 'external' when taken from the environment (never killed or restarted). */
  readonly kind: 'external' | 'managed';
  /** JVM pid (managed only). */
  pid(): number | null;
  /** SIGKILL the JVM (managed only): a crash, no clean shutdown. */
  kill(): Promise<void>;
  /** Starts the JVM again on the same port and data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly heapMb?: number;
  readonly pageCacheMb?: number;
  readonly txTimeoutSeconds?: number;
  readonly log: (line: string) => void;
}

function fromEnv(prefix: '' | 'SYN_'): Connection | null {
  const uri = process.env[`${prefix}NEO4J_URI`];
  if (uri === undefined || uri.trim() === '') return null;
  return {
    uri,
    user: process.env[`${prefix}NEO4J_USER`] ?? 'neo4j',
    password: process.env[`${prefix}NEO4J_PASSWORD`] ?? '',
    database: process.env[`${prefix}NEO4J_DATABASE`] ?? 'neo4j',
  };
}

export async function startManaged(options: StartOptions): Promise<BenchNeo4j> {
  const java = findJava(process.env['JAVA_HOME']);
  const runtime = await ensureNeo4jRuntime({ cacheDir: CACHE_DIR, version: NEO4J_VERSION, java, log: options.log });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-neo4j-'));
  const port = await freePort();
  const password = randomBytes(12).toString('base64url');
  const settings = {
    homeDir: path.join(dataDir, 'neo4j'),
    boltPort: port,
    password,
    heapMb: options.heapMb ?? 1024,
    pageCacheMb: options.pageCacheMb ?? 256,
    txTimeoutSeconds: options.txTimeoutSeconds ?? 30,
    txMemoryMb: 512,
    startTimeoutSeconds: 240,
    procedureAllowlist: PROCEDURE_ALLOWLIST,
  };
  let current: ManagedNeo4j | null = await startManagedNeo4j(java.java, runtime, settings, options.log);
  const connection: Connection = { uri: current.uri, user: 'neo4j', password, database: 'neo4j' };
  return {
    connection,
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

function external(connection: Connection, log: (line: string) => void): BenchNeo4j {
  log(`Using the Neo4j at ${connection.uri} (from the environment)`);
  const refuse = async (): Promise<void> => {
    throw new Error('an external Neo4j (NEO4J_URI / SYN_NEO4J_URI) cannot be killed or restarted by the bench');
  };
  return { connection, kind: 'external', pid: () => null, kill: refuse, restart: refuse, stop: async () => undefined };
}

/** The curated instance: NEO4J_URI if set, else our own managed one. */
export async function curatedNeo4j(options: StartOptions): Promise<BenchNeo4j> {
  const env = fromEnv('');
  return env === null ? startManaged(options) : external(env, options.log);
}

/** The synthetic instance: SYN_NEO4J_URI if set, else our own managed one (never the curated one). */
export async function syntheticNeo4j(options: StartOptions): Promise<BenchNeo4j> {
  const env = fromEnv('SYN_');
  if (env !== null && env.uri === process.env['NEO4J_URI']) throw new Error('SYN_NEO4J_URI must not be the curated NEO4J_URI');
  return env === null ? startManaged(options) : external(env, options.log);
}
