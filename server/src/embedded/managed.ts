/**
 * Resolves the Neo4j the app talks to: the external one named by NEO4J_URI, or the managed
 * embedded one, fetched, started and hardened here.
 */
import path from 'node:path';
import { NEO4J_VERSION, type Config, type EmbeddedNeo4j } from '../config.js';
import type { Connection } from '../db/database.js';
import { findJava } from './java.js';
import { ensureNeo4jRuntime } from './jars.js';
import { resolvePassword } from './password.js';
import { PROCEDURE_ALLOWLIST, startManagedNeo4j } from './process.js';

export interface RunningNeo4j {
  readonly connection: Connection;
  readonly managed: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly dataDir: string;
  readonly cacheDir: string;
  readonly settings: EmbeddedNeo4j;
  readonly log: (line: string) => void;
}

export async function startEmbedded({ dataDir, cacheDir, settings, log }: EmbeddedOptions): Promise<RunningNeo4j> {
  const java = findJava(settings.javaHome);
  const runtime = await ensureNeo4jRuntime({ cacheDir, version: NEO4J_VERSION, java, log });
  const password = resolvePassword(dataDir, settings.password);
  log(`Starting embedded Neo4j ${NEO4J_VERSION} (data in ${path.join(dataDir, 'neo4j')})...`);
  const neo4j = await startManagedNeo4j(
    java.java,
    runtime,
    {
      homeDir: path.join(dataDir, 'neo4j'),
      boltPort: settings.boltPort,
      password,
      heapMb: settings.heapMb,
      pageCacheMb: settings.pageCacheMb,
      txTimeoutSeconds: settings.txTimeoutSeconds,
      txMemoryMb: settings.txMemoryMb,
      startTimeoutSeconds: settings.startTimeoutSeconds,
      procedureAllowlist: PROCEDURE_ALLOWLIST,
    },
    log,
  );
  return {
    connection: { uri: neo4j.uri, user: 'neo4j', password, database: settings.database },
    managed: true,
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
      stop: async () => undefined,
    };
  }
  return startEmbedded({ dataDir: config.dataDir, cacheDir: config.cacheDir, settings: neo4j, log });
}
