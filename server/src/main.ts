/**
 * `npm start`: resolve Neo4j (external, or the managed embedded one), prepare the schema and
 * seed, serve the API and the web client on one port, and stop everything cleanly on Ctrl-C or
 * SIGTERM.
 */
import type { Express } from 'express';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { Database } from './db/database.js';
import { RECORD_GRACE_MS } from './embedded/jvm.js';
import { resolveNeo4j, type RunningNeo4j } from './embedded/managed.js';
import { portInUseMessage, requirePortFree } from './embedded/ports.js';
import { StartupError } from './embedded/startup-error.js';
import { AtlasError } from './errors.js';
import { SeedValidationError } from './seed/errors.js';
import { prepareDatabase } from './startup.js';

const log = (line: string): void => console.log(line);

/** How long a shutdown may take before the app exits anyway (longer while the class-data archive is written). */
const SHUTDOWN_CAP_MS = 90_000;

function listen(app: Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(portInUseMessage(port, 'PORT', 'Faction Atlas')) : error),
    );
  });
}

function report(error: unknown): void {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof AtlasError || error instanceof SeedValidationError) {
    console.error(`\nFaction Atlas could not start: ${error.message}`);
    if (error instanceof StartupError && error.detail) console.error(`\n${error.detail}`);
  } else {
    console.error('\nFaction Atlas could not start because of an unexpected error:');
    console.error(error);
  }
}

interface Running {
  neo4j?: RunningNeo4j;
  db?: Database;
  server?: Server;
  stopApp?: () => Promise<void>;
}

/** Stops whatever has started, last-started first: HTTP, GraphQL, driver, Neo4j. */
async function stopAll(running: Running): Promise<void> {
  const { server } = running;
  if (server) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    log('  HTTP server closed');
  }
  await running.stopApp?.();
  await running.db?.close();
  if (running.neo4j?.managed) {
    log('  stopping Neo4j (waiting for a clean checkpoint)...');
    await running.neo4j.stop();
  }
}

/** Start-up steps, each checking whether a stop was asked for while the previous one ran. */
async function start(running: Running, stopRequested: () => boolean): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  // Check the HTTP port before spending a minute on Neo4j.
  await requirePortFree(config.port, 'PORT', 'Faction Atlas', config.host);
  running.neo4j = await resolveNeo4j(config, log);
  if (stopRequested()) return;
  running.db = Database.connect(running.neo4j.connection, { health: running.neo4j.health });
  await running.db.verifyConnectivity();
  await prepareDatabase(running.db, config, log);
  if (stopRequested()) return;
  const app = await createApp({ config, db: running.db });
  running.stopApp = app.stop;
  running.server = await listen(app.express, config.host, config.port);
  // In the background: the first analysis call need not pay for loading GDS's classes, nor a
  // first call at a new date for a GDS run (the answers of the data are readied, per revision).
  void app.warmUpAnalysis().then(() => app.precomputeAnalysis());
  const address = running.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log(`\nFaction Atlas is ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  log(`  web client  http://${shownHost}:${port}/`);
  log(`  GraphQL     http://${shownHost}:${port}/graphql`);
  log('Press Ctrl-C to stop.');
}

async function main(): Promise<void> {
  const running: Running = {};
  let shutdownStartedAt: number | undefined;
  let startup: Promise<void> = Promise.resolve();

  const shutdown = async (signal: string): Promise<void> => {
    if (shutdownStartedAt !== undefined) {
      // A terminal's Ctrl-C reaches both tsx and us, so one keypress arrives twice; only a
      // later, deliberate second Ctrl-C forces the exit.
      if (Date.now() - shutdownStartedAt < 1500) return;
      console.error(`Received ${signal} again; stopping immediately.`);
      process.exit(130);
    }
    shutdownStartedAt = Date.now();
    // A stuck step must not leave the terminal hanging; the JVM dies with us (stdin closes).
    const giveUp = (after: number): void => {
      console.error(`Shutdown took longer than ${Math.round(after / 1000)} s; exiting anyway.`);
      process.exit(1);
    };
    setTimeout(() => {
      // Unless the JVM is writing the class-data archive: it takes a while on a busy machine, and is
      // written once (a first start records it as it serves: server/src/embedded/process.ts).
      if (running.neo4j?.writesClassDataOnStop() !== true) giveUp(SHUTDOWN_CAP_MS);
      else setTimeout(() => giveUp(SHUTDOWN_CAP_MS + RECORD_GRACE_MS), RECORD_GRACE_MS).unref();
    }, SHUTDOWN_CAP_MS).unref();
    log(`\nReceived ${signal}; shutting down...`);
    // Let the running start-up step finish (a Maven fetch, Neo4j opening, the seed
    // transaction), so nothing is cut off half-way; then stop what exists.
    let settled = false;
    const notice = setTimeout(() => {
      if (!settled) log('  waiting for the current start-up step to finish (Ctrl-C again to force)...');
    }, 1000);
    await startup.catch(() => undefined);
    settled = true;
    clearTimeout(notice);
    await stopAll(running);
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  startup = start(running, () => shutdownStartedAt !== undefined);
  try {
    await startup;
  } catch (error) {
    // Once a stop was asked for, the shutdown path reports; a failure here is its side effect.
    if (shutdownStartedAt !== undefined) return;
    report(error);
    await running.db?.close().catch(() => undefined);
    await running.neo4j?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
