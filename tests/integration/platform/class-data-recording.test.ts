/**
 * The class-data archive is recorded by the JVM that serves and written as it exits (issue 13;
 * server/src/embedded/process.ts): kept under its own name only after a clean stop, never after a
 * kill, and a damaged archive never stops a JVM from starting.
 *
 * The JVM here runs a stand-in launcher (same class name and stdout protocol as
 * launcher/src/main/java, no Neo4j), so that each case costs a second, not a Neo4j start: what is
 * tested is the recording's bookkeeping and the JVM's handling of the archive, which do not
 * depend on what the JVM runs. The real Neo4j's archive is exercised by the suite itself: its
 * shared Neo4j records it in a fresh clone, and lifecycle and supervision check what they see.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classDataArgs } from '../../../server/src/embedded/class-data.js';
import type { Neo4jRuntime } from '../../../server/src/embedded/jars.js';
import { findJava } from '../../../server/src/embedded/java.js';
import { CLASS_DATA_NOTES } from '../../../server/src/embedded/jvm.js';
import { freePort } from '../../../server/src/embedded/ports.js';
import { startManagedNeo4j, type ManagedNeo4j } from '../../../server/src/embedded/process.js';

const java = findJava(process.env['JAVA_HOME']);
const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-class-data-recording-'));
const jar = path.join(dir, 'launcher.jar');
const archives = path.join(dir, 'class-data');
const running = new Set<ManagedNeo4j>();

/** Says it is ready, waits for its stdin to close, and stops with the launcher's lines. */
const STAND_IN = `package atlas.launcher;
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("ATLAS-STOPPED")));
    System.out.println("ATLAS-READY bolt://127.0.0.1:" + System.getenv("ATLAS_NEO4J_BOLT_PORT"));
    System.out.flush();
    while (System.in.read() != -1) {}
    System.exit(0);
  }
}
`;

beforeAll(() => {
  const sources = path.join(dir, 'src/atlas/launcher');
  mkdirSync(sources, { recursive: true });
  writeFileSync(path.join(sources, 'EmbeddedNeo4j.java'), STAND_IN);
  const compiled = spawnSync(java.javac, ['-d', path.join(dir, 'classes'), path.join(sources, 'EmbeddedNeo4j.java')], { encoding: 'utf8' });
  expect(compiled.status, compiled.stderr).toBe(0);
  // A jar: CDS archives classes from jars only (as jars.ts builds the real launcher's).
  const jarTool = path.isAbsolute(java.javac) ? path.join(path.dirname(java.javac), 'jar') : 'jar';
  const packed = spawnSync(jarTool, ['cf', jar, '-C', path.join(dir, 'classes'), 'atlas'], { encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
});

afterAll(async () => {
  await Promise.all([...running].map((jvm) => jvm.stop()));
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A runtime of the stand-in whose archive is `name` in `archives`. */
function runtimeWith(name: string): Neo4jRuntime {
  return { libDir: dir, classesDir: path.join(dir, 'classes'), classpath: jar, plugin: null, classDataFile: path.join(archives, name) };
}

async function start(runtime: Neo4jRuntime, log: string[], niceness?: number): Promise<ManagedNeo4j> {
  const jvm = await startManagedNeo4j(
    java.java,
    runtime,
    {
      homeDir: path.join(dir, 'home'),
      boltPort: await freePort(),
      password: 'not-used',
      heapMb: 64,
      pageCacheMb: 8,
      txTimeoutSeconds: 30,
      txMemoryMb: 16,
      startTimeoutSeconds: 120,
      procedureAllowlist: [],
      quickStart: true,
      niceness,
    },
    (line) => log.push(line),
  );
  running.add(jvm);
  return jvm;
}

/** Temporary files left beside the archives (claims of a recording, unfinished archives). */
const partials = (): string[] => (existsSync(archives) ? readdirSync(archives).filter((name) => name.includes('.partial-')) : []);

/** Whether the JVM maps `archive` (-Xshare:on fails when it cannot). */
function usable(archive: string): boolean {
  const run = spawnSync(
    java.java,
    [...classDataArgs({ kind: 'use', file: archive }).filter((arg) => arg !== '-Xshare:auto'), '-Xshare:on', '-cp', jar, 'atlas.launcher.EmbeddedNeo4j'],
    {
      input: '',
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, ATLAS_NEO4J_BOLT_PORT: '1' },
    },
  );
  return run.status === 0 && run.stdout.includes('ATLAS-READY');
}

describe('recording the class-data archive in the JVM that serves', () => {
  it('writes it on a clean stop, under its own name only then, and the next start uses it', { timeout: 120_000 }, async () => {
    const runtime = runtimeWith('clean.jsa');
    const log: string[] = [];
    const jvm = await start(runtime, log);
    expect(jvm.writesClassDataOnStop).toBe(true);
    expect(log.join('\n')).toContain(CLASS_DATA_NOTES.record);
    // While it serves: claimed by an empty temporary file, no archive under the real name.
    expect(partials()).toHaveLength(1);
    expect(existsSync(runtime.classDataFile ?? '')).toBe(false);

    await jvm.stop();
    expect(log.join('\n')).toMatch(/has stopped; its JVM is writing the class-data archive/);
    expect(log.join('\n')).toMatch(/Class-data archive written in [\d.]+ s after Neo4j had stopped/);
    expect(partials()).toEqual([]);
    expect(usable(runtime.classDataFile ?? '')).toBe(true);

    const next: string[] = [];
    const again = await start(runtime, next);
    expect(again.writesClassDataOnStop).toBe(false);
    expect(next.join('\n')).toContain(CLASS_DATA_NOTES.use);
    await again.stop();
  });

  it('writes none when the JVM is killed, and the next start records again', { timeout: 120_000 }, async () => {
    const runtime = runtimeWith('killed.jsa');
    const log: string[] = [];
    const jvm = await start(runtime, log);
    expect(jvm.writesClassDataOnStop).toBe(true);
    process.kill(jvm.pid, 'SIGKILL');
    const exit = await jvm.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(log.join('\n')).toContain('did not stop cleanly, so no archive was written');
    expect(existsSync(runtime.classDataFile ?? '')).toBe(false);
    expect(partials()).toEqual([]);

    const again = await start(runtime, []);
    expect(again.writesClassDataOnStop).toBe(true);
    await again.stop();
    expect(existsSync(runtime.classDataFile ?? '')).toBe(true);
  });

  it('starts a JVM whose archive is damaged: a file that is no archive is ignored, a truncated one removed', { timeout: 120_000 }, async () => {
    const good = runtimeWith('good.jsa');
    await (await start(good, [])).stop();
    const bytes = readFileSync(good.classDataFile ?? '');

    // Not an archive at all: the JVM ignores it.
    const garbage = runtimeWith('garbage.jsa');
    writeFileSync(garbage.classDataFile ?? '', 'not a class-data archive\n');
    expect(usable(garbage.classDataFile ?? '')).toBe(false);
    const ignoring: string[] = [];
    const ignored = await start(garbage, ignoring);
    expect(ignoring.join('\n')).toContain(CLASS_DATA_NOTES.use);
    await ignored.stop();
    expect((await ignored.exited).code).toBe(0);

    // Truncated (what a write cut short would leave): Java 17 crashes mapping it, so the start
    // removes it, starts again without it, and records a new one.
    const truncated = runtimeWith('truncated.jsa');
    writeFileSync(truncated.classDataFile ?? '', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(usable(truncated.classDataFile ?? '')).toBe(false);
    const recovering: string[] = [];
    const recovered = await start(truncated, recovering);
    expect(recovering.join('\n')).toMatch(/crashed loading the class-data archive .*truncated\.jsa \(a damaged file\); it is removed/);
    expect(recovered.writesClassDataOnStop).toBe(true);
    await recovered.stop();
    expect(usable(truncated.classDataFile ?? '')).toBe(true);
    // The crash report lies beside Neo4j's logs (jvm.ts), not in the folder the app was started from.
    expect(readdirSync(path.join(dir, 'home', 'logs')).some((name) => name.startsWith('hs_err_pid'))).toBe(true);
  });

  it('runs the recording JVM at the niceness asked for (the suite records beside its tests at 19)', { timeout: 60_000 }, async () => {
    const jvm = await start(runtimeWith('nice.jsa'), [], 19);
    // /proc/<pid>/stat: the 19th field is the niceness; the pid is the JVM's own (sh and nice exec it).
    const fields = readFileSync(`/proc/${jvm.pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    expect(readFileSync(`/proc/${jvm.pid}/cmdline`, 'utf8')).toContain('atlas.launcher.EmbeddedNeo4j');
    expect(Number(fields[16])).toBe(19);
    await jvm.stop();
  });
});
