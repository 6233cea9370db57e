/**
 * Each start-up fault gets a clear message and leaves no damage: a taken port, a missing or old
 * Java, a failed Maven download, Neo4j dying during start-up, and a wrong external password.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findJava } from '../../../server/src/embedded/java.js';
import { ensureNeo4jRuntime } from '../../../server/src/embedded/jars.js';
import { freePort } from '../../../server/src/embedded/ports.js';
import { PROCEDURE_ALLOWLIST, startManagedNeo4j } from '../../../server/src/embedded/process.js';
import { NEO4J_VERSION } from '../../../server/src/config.js';
import { StartupError } from '../../../server/src/embedded/startup-error.js';
import { ROOT_DIR } from '../../setup/database.js';
import { runMain } from '../../setup/run-main.js';
import { TEST_QUICK_START } from '../../support/neo4j.js';

const tempDir = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), prefix));

function occupy(port = 0): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: net.Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('start-up faults', () => {
  let blocker: net.Server;

  beforeAll(async () => {
    blocker = await occupy();
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('names the HTTP port and PORT when the port is taken', async () => {
    const app = runMain({ PORT: String(portOf(blocker)), ATLAS_DATA_DIR: tempDir('atlas-fault-') });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(`Port ${portOf(blocker)} is already in use`);
    expect(app.output()).toContain('set PORT');
  });

  it('names the Bolt port and ATLAS_NEO4J_BOLT_PORT when that port is taken', async () => {
    const app = runMain({ PORT: String(await freePort()), ATLAS_NEO4J_BOLT_PORT: String(portOf(blocker)), ATLAS_DATA_DIR: tempDir('atlas-fault-') });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(`Port ${portOf(blocker)} is already in use`);
    expect(app.output()).toContain('ATLAS_NEO4J_BOLT_PORT');
  });

  it('says which Java version is needed when Java is too old', async () => {
    const home = tempDir('atlas-old-jdk-');
    mkdirSync(path.join(home, 'bin'));
    writeFileSync(path.join(home, 'bin/java'), `#!/bin/sh\necho 'openjdk version "11.0.2" 2019-01-15' >&2\n`);
    chmodSync(path.join(home, 'bin/java'), 0o755);
    const app = runMain({ PORT: String(await freePort()), JAVA_HOME: home, ATLAS_DATA_DIR: tempDir('atlas-fault-') });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Java 17 or newer is needed.*Java 11/);
  });

  it('leaves no half-installed cache when the Maven download fails', async () => {
    const cacheDir = tempDir('atlas-cache-');
    const emptyRepository = tempDir('atlas-m2-');
    // Offline against an empty local repository: Maven cannot resolve anything, as on a dead network.
    const attempt = ensureNeo4jRuntime({
      cacheDir,
      version: NEO4J_VERSION,
      java: findJava(undefined),
      log: () => undefined,
      mavenArgs: ['-o', `-Dmaven.repo.local=${emptyRepository}`],
    });
    await expect(attempt).rejects.toThrow(/Could not fetch Neo4j .* Nothing was installed/);
    const versionDir = path.join(cacheDir, `neo4j-${NEO4J_VERSION}`);
    expect(existsSync(path.join(versionDir, 'lib'))).toBe(false);
    expect(existsSync(versionDir) ? readdirSync(versionDir) : []).toEqual([]);
  });

  it('shows the tail of the log and fails when Neo4j exits during start-up', async () => {
    const runtime = await ensureNeo4jRuntime({
      cacheDir: path.join(ROOT_DIR, '.atlas/cache'),
      version: NEO4J_VERSION,
      java: findJava(undefined),
      log: () => undefined,
    });
    const home = tempDir('atlas-broken-home-');
    // A file where Neo4j needs its data folder makes the store impossible to open.
    writeFileSync(path.join(home, 'data'), 'not a folder');
    const attempt = startManagedNeo4j(
      findJava(undefined).java,
      runtime,
      {
        homeDir: home,
        boltPort: await freePort(),
        password: 'a-test-password',
        heapMb: 512,
        pageCacheMb: 64,
        txTimeoutSeconds: 30,
        txMemoryMb: 128,
        startTimeoutSeconds: 120,
        procedureAllowlist: PROCEDURE_ALLOWLIST,
        quickStart: TEST_QUICK_START,
      },
      () => undefined,
    );
    const error = await attempt.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).message).toContain('Neo4j exited during start-up');
    expect((error as StartupError).detail ?? '').toMatch(/ATLAS-ERROR|Exception/);
  });

  it('reports a wrong external password without printing it', async () => {
    const wrongPassword = 'definitely-not-the-password-42';
    const app = runMain({ PORT: String(await freePort()), NEO4J_URI: inject('neo4j').uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: wrongPassword });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('rejected the user name or password');
    expect(app.output()).not.toContain(wrongPassword);
  });
});
