/**
 * Resolves the Neo4j the app talks to: the external one named by NEO4J_URI, or the managed
 * embedded one, fetched, started, hardened and supervised here.
 */
import path from 'node:path';
import { NEO4J_VERSION, type Config, type EmbeddedNeo4j } from '../config.js';
import type { DatabaseHealth } from '../db/availability.js';
import type { Connection } from '../db/database.js';
import { CHILD_LOG_NAME, childLogPath } from './child-log.js';
import { findJava } from './java.js';
import { ensureNeo4jRuntime } from './jars.js';
import { ownerOnlyDir, ownerOnlyTree } from './owner-only.js';
import { PASSWORD_FILE, resolvePassword } from './password.js';
import { PROCEDURE_ALLOWLIST, startManagedNeo4j } from './process.js';
import { superviseNeo4j } from './supervisor.js';

export interface RunningNeo4j {
  readonly connection: Connection;
  readonly managed: boolean;
  /** A managed Neo4j's supervisor's view of it (pass it to Database.connect); none for an external one. */
  readonly health?: DatabaseHealth;
  /** True while the JVM serving now records the class-data archive: its clean stop then takes longer (process.ts). */
  readonly writesClassDataOnStop: () => boolean;
  readonly stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  readonly dataDir: string;
  readonly cacheDir: string;
  readonly settings: EmbeddedNeo4j;
  readonly log: (line: string) => void;
}

export async function startEmbedded({ dataDir, cacheDir, settings, log }: EmbeddedOptions): Promise<RunningNeo4j> {
  const java = findJava(settings.javaHome);
  const runtime = await ensureNeo4jRuntime({ cacheDir, version: NEO4J_VERSION, java, log, analytics: settings.analytics });
  // Owner-only: the password file, and the store with the system database's auth data (jvm.ts).
  ownerOnlyDir(dataDir);
  const password = resolvePassword(dataDir, settings.password);
  ownerOnlyTree(path.join(dataDir, PASSWORD_FILE));
  const homeDir = path.join(dataDir, 'neo4j');
  log(`Starting embedded Neo4j ${NEO4J_VERSION} (data in ${homeDir})...`);
  const launch = (signal: AbortSignal): ReturnType<typeof startManagedNeo4j> =>
    startManagedNeo4j(
      java.java,
      runtime,
      {
        homeDir,
        boltPort: settings.boltPort,
        password,
        heapMb: settings.heapMb,
        pageCacheMb: settings.pageCacheMb,
        txTimeoutSeconds: settings.txTimeoutSeconds,
        txMemoryMb: settings.txMemoryMb,
        startTimeoutSeconds: settings.startTimeoutSeconds,
        procedureAllowlist: PROCEDURE_ALLOWLIST,
        childLog: settings.childLog,
        quickStart: settings.quickStart,
        recordClassData: settings.recordClassData,
      },
      log,
      signal,
    );
  const neo4j = await superviseNeo4j(launch, {
    settings: settings.supervision,
    childLogFile: childLogPath(homeDir),
    childLogHint: `neo4j/logs/${CHILD_LOG_NAME} in the data folder (ATLAS_DATA_DIR)`,
    log,
  });
  return {
    // Restarts reuse the port, so the first JVM's address stays right.
    connection: { uri: neo4j.current()?.uri ?? `bolt://127.0.0.1:${settings.boltPort}`, user: 'neo4j', password, database: settings.database },
    managed: true,
    health: neo4j.health,
    writesClassDataOnStop: () => neo4j.current()?.writesClassDataOnStop === true,
    stop: neo4j.stop,
  };
}

export async function resolveNeo4j(config: Config, log: (line: string) => void): Promise<RunningNeo4j> {
  const neo4j = config.neo4j;
  if (neo4j.mode === 'external') {
    log(`Using the external Neo4j at ${neo4j.uri} (database "${neo4j.database}")`);
    return {
      connection: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database },
      managed: false,
      writesClassDataOnStop: () => false,
      stop: async () => undefined,
    };
  }
  return startEmbedded({ dataDir: config.dataDir, cacheDir: config.cacheDir, settings: neo4j, log });
}
