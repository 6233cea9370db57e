/**
 * `npm start` on the managed Neo4j: it starts, answers GraphQL, stops cleanly on SIGTERM with no
 * JVM left behind, and a second start reuses the data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUICK_START_JVM_OPTIONS } from '../../../server/src/embedded/jvm.js';
import { freePort } from '../../../server/src/embedded/ports.js';
import { isAlive, runMain, type MainProcess } from '../../setup/run-main.js';
import { classDataUse } from '../../support/class-data.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startApp(): Promise<{ app: MainProcess; url: string; jvmPid: number }> {
  const app = runMain({ PORT: String(await freePort()), ATLAS_NEO4J_BOLT_PORT: String(await freePort()), ATLAS_DATA_DIR: dataDir });
  const [, pid] = await app.waitFor(/JVM pid (\d+)/, 180_000);
  const [, url] = await app.waitFor(/GraphQL\s+(http:\/\/\S+)/, 180_000);
  return { app, url: url!, jvmPid: Number(pid) };
}

async function typename(url: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  return response.json();
}

async function stopApp(app: MainProcess, jvmPid: number): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toBe(0);
  expect(app.output()).toContain('Stopped.');
  expect(isAlive(jvmPid)).toBe(false);
}

describe('npm start with the managed Neo4j', () => {
  it('serves GraphQL, stops cleanly, and restarts on the same data', { timeout: 400_000 }, async () => {
    const first = await startApp();
    expect(await typename(first.url)).toEqual({ data: { __typename: 'Query' } });
    // run-main.ts passes the tests' ATLAS_NEO4J_QUICK_START=on; the JVM must have been given it.
    expect(readFileSync(`/proc/${first.jvmPid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining([...QUICK_START_JVM_OPTIONS]));
    await stopApp(first.app, first.jvmPid);
    // The class-data archive: a first start with none in the cache records it as it serves and
    // writes it on this clean stop; the next start loads its classes from it (README, quick start).
    const firstArchive = classDataUse(first.app.output());
    if (firstArchive === 'record') expect(first.app.output()).toMatch(/Class-data archive written in [\d.]+ s after Neo4j had stopped/);

    const second = await startApp();
    expect(await typename(second.url)).toEqual({ data: { __typename: 'Query' } });
    // (When another JVM was recording it meanwhile, the first start had none and wrote none.)
    if (firstArchive !== 'none') expect(classDataUse(second.app.output())).toBe('use');
    await stopApp(second.app, second.jvmPid);
  });
});

describe('a stop during start-up', () => {
  it('lets the current step finish, then stops everything cleanly', { timeout: 300_000 }, async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'atlas-early-stop-'));
    try {
      const app = runMain({ PORT: String(await freePort()), ATLAS_NEO4J_BOLT_PORT: String(await freePort()), ATLAS_DATA_DIR: scratch });
      // Stop while Neo4j is still opening: its JVM exists but Bolt is not ready yet.
      await app.waitFor(/Starting embedded Neo4j/, 180_000);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain('Stopped.');
      expect(app.output()).not.toMatch(/could not start|unexpected error/i);
      // The step under way (opening Neo4j) completed before the stop, so its JVM was reported.
      const pid = /JVM pid (\d+)/.exec(app.output())?.[1];
      expect(pid).toBeDefined();
      expect(isAlive(Number(pid))).toBe(false);
      expect(app.output()).not.toContain('Faction Atlas is ready');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
