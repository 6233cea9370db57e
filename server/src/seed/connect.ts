/**
 * Database connections for the seed CLIs: the curated Neo4j (external, the running server's
 * embedded one, or a freshly started embedded one) and the separate synthetic Neo4j.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { Database, type Connection } from '../db/database.js';
import { startEmbedded } from '../embedded/managed.js';
import { resolvePassword } from '../embedded/password.js';
import { freePort, isPortFree } from '../embedded/ports.js';

export interface OpenDatabase {
  readonly db: Database;
  readonly connection: Connection;
  /** Closes the driver and stops a Neo4j this process started. */
  close(): Promise<void>;
}

function open(connection: Connection, stop: () => Promise<void> = async () => undefined, maxPoolSize?: number): OpenDatabase {
  const db = Database.connect(connection, maxPoolSize === undefined ? {} : { maxPoolSize });
  return {
    db,
    connection,
    async close() {
      await db.close();
      await stop();
    },
  };
}

/**
 * The curated database. In embedded mode a server that is already running holds the Bolt port;
 * then we talk to its Neo4j (same data dir, same password) instead of starting a second one.
 */
export async function openCuratedDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  const settings = config.neo4j;
  if (settings.mode === 'external') {
    const { uri, user, password, database } = settings;
    log(`Using the external Neo4j at ${uri} (database "${database}")`);
    return open({ uri, user, password, database });
  }
  if (!(await isPortFree(settings.boltPort))) {
    const uri = `bolt://127.0.0.1:${settings.boltPort}`;
    log(`Using the embedded Neo4j already running at ${uri}`);
    return open({ uri, user: 'neo4j', password: resolvePassword(config.dataDir, settings.password), database: settings.database });
  }
  const running = await startEmbedded({ dataDir: config.dataDir, cacheDir: config.cacheDir, settings, log });
  return open(running.connection, running.stop);
}

export interface SyntheticTarget {
  readonly uri?: string | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly database?: string | undefined;
}

/** True when two Bolt URIs name the same server (scheme ignored, localhost = 127.0.0.1). */
export function sameServer(a: string, b: string): boolean {
  const hostPort = (uri: string): string => {
    const rest = uri.replace(/^[a-z+]+:\/\//, '').split(/[/?]/)[0] ?? '';
    const [host, port] = rest.split(':');
    const normalHost = host === 'localhost' || host === '::1' || host === '[::1]' ? '127.0.0.1' : host;
    return `${normalHost}:${port ?? '7687'}`;
  };
  return hostPort(a) === hostPort(b);
}

/**
 * The synthetic database: an explicit URI (never the curated server), or a second managed Neo4j
 * with its own data folder `<dataDir>/synthetic` on a free port.
 */
export async function openSyntheticDatabase(config: Config, target: SyntheticTarget, heapMb: number, log: (line: string) => void): Promise<OpenDatabase> {
  if (target.uri !== undefined) {
    const curatedUri = config.neo4j.mode === 'external' ? config.neo4j.uri : `bolt://127.0.0.1:${config.neo4j.boltPort}`;
    if (sameServer(target.uri, curatedUri)) {
      throw new Error(`--uri / SYN_NEO4J_URI (${target.uri}) points at the curated Neo4j (${curatedUri}); synthetic data must go to a different server`);
    }
    if (target.password === undefined) throw new Error('--password / SYN_NEO4J_PASSWORD must be set with --uri / SYN_NEO4J_URI');
    log(`Using the synthetic Neo4j at ${target.uri}`);
    return open({ uri: target.uri, user: target.user ?? 'neo4j', password: target.password, database: target.database ?? 'neo4j' }, undefined, 8);
  }
  if (config.neo4j.mode === 'external') {
    throw new Error(
      'NEO4J_URI points at an external Neo4j, so the synthetic data needs its own server: pass --uri/--password or set SYN_NEO4J_URI/SYN_NEO4J_PASSWORD',
    );
  }
  const dataDir = path.join(config.dataDir, 'synthetic');
  const settings = { ...config.neo4j, boltPort: await freePort(), password: undefined, heapMb: Math.max(config.neo4j.heapMb, heapMb), txTimeoutSeconds: 600 };
  const running = await startEmbedded({ dataDir, cacheDir: config.cacheDir, settings, log });
  return open(running.connection, running.stop, 8);
}
