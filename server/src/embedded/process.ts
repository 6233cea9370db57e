/**
 * Starts the managed Neo4j (jvm.ts runs one attempt) and gets it through a restart after a crash:
 * a JVM of an earlier run that is still exiting can hold the store lock or the Bolt port for a
 * moment, so a start that fails on either is tried once more after they are released.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildLogSettings } from '../config.js';
import type { ClassDataMode } from './class-data.js';
import { publish, removeStalePartials, tempSibling, type Neo4jRuntime } from './jars.js';
import { launchJvm } from './jvm.js';
import { isPortFree, requirePortFree } from './ports.js';
import { StartupError } from './startup-error.js';

export interface ManagedSettings {
  readonly homeDir: string;
  readonly boltPort: number;
  readonly password: string;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly txTimeoutSeconds: number;
  readonly txMemoryMb: number;
  readonly startTimeoutSeconds: number;
  readonly procedureAllowlist: readonly string[];
  /** Size cap and kept files of <homeDir>/logs/neo4j-child.log; defaults from config.ts. */
  readonly childLog?: ChildLogSettings;
  /** Set by startManagedNeo4j from the runtime (class-data.ts); callers leave it out. */
  readonly classData?: ClassDataMode;
  /** How long a second attempt waits for the lock or port to be let go; RELEASE_WAIT_MS unless a test needs less. */
  readonly releaseWaitMs?: number;
  /** The JVM compiles with its quick compiler only (jvm.ts, QUICK_START_JVM_OPTIONS); default false. */
  readonly quickStart?: boolean;
  /** False: a missing class-data archive is not recorded (one already there is used); default true. */
  readonly recordClassData?: boolean;
}

/** How a JVM that had become ready ended. */
export interface JvmExit {
  readonly pid: number;
  /** null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when stop() asked for it. */
  readonly expected: boolean;
  /** Its last lines of output, stack frames left out. */
  readonly tail: readonly string[];
  /** How long it had been ready. */
  readonly upMs: number;
}

export interface ManagedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Settles when the JVM has exited and its last output has been read, whatever the reason. */
  readonly exited: Promise<JvmExit>;
  /** Resolves once the JVM has exited; idempotent. */
  stop(): Promise<void>;
}

/** Procedures the console and the app may call; everything else is not even loaded. */
export const PROCEDURE_ALLOWLIST = ['db.index.fulltext.queryNodes', 'db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.awaitIndexes', 'db.awaitIndex'];

/** How long a second attempt waits for an earlier JVM to let go: a clean shutdown takes seconds. */
export const RELEASE_WAIT_MS = 15_000;

async function waitForPort(port: number, deadline: number): Promise<void> {
  while (!(await isPortFree(port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
}

const recordingTried = new Set<string>();

/**
 * Records the runtime's class-data archive (class-data.ts) when there is none yet: Neo4j is started
 * on the same data with a warm-up query and stopped cleanly, and the JVM writes the archive as it
 * exits. A process already recording it is left to it (this start goes without); a failure only
 * costs the speed-up, so it is logged and the start goes on. Only a process's first start records.
 */
async function recordClassData(
  java: string,
  runtime: Neo4jRuntime,
  settings: ManagedSettings,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const file = runtime.classDataFile;
  // Once per process: a restart after a crash must be quick, not record (or retry a failed recording).
  if (settings.recordClassData === false || file === undefined || existsSync(file) || recordingTried.has(file)) return;
  recordingTried.add(file);
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  removeStalePartials(dir);
  if (readdirSync(dir).some((name) => name.startsWith(`${path.basename(file)}.partial-`))) return;
  // The JVM writes the file only as it exits; the empty file claims the recording meanwhile.
  const temp = tempSibling(file);
  writeFileSync(temp, '');
  const started = Date.now();
  log("Recording a class-data archive of Neo4j's classes (once per Neo4j and Java version), so that this start and every restart are faster...");
  try {
    // A first start on a busy machine can be slow, and this one runs a query too: twice the usual time.
    // The quick compiler whatever the settings: the archive holds classes, not compiled code, so it
    // serves a JVM with the full JIT as well, and a cold start spends most of its time in the
    // optimizing compiler (jvm.ts, QUICK_START_JVM_OPTIONS; issue 13).
    const recording: ManagedSettings = {
      ...settings,
      quickStart: true,
      startTimeoutSeconds: settings.startTimeoutSeconds * 2,
      classData: { kind: 'record', file: temp },
    };
    const jvm = await launchJvm(java, runtime, recording, log, signal);
    await jvm.stop();
    if ((statSync(temp, { throwIfNoEntry: false })?.size ?? 0) === 0) {
      log('The JVM wrote no class-data archive; Neo4j starts without one.');
      return;
    }
    publish(temp, file);
    log(`Class-data archive recorded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${file}`);
  } catch (error) {
    if (signal?.aborted === true) throw error;
    log(`Could not record a class-data archive (${error instanceof Error ? error.message : String(error)}); Neo4j starts without one.`);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** `signal` abandons the start (see launchJvm). */
export async function startManagedNeo4j(
  java: string,
  runtime: Neo4jRuntime,
  given: ManagedSettings,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<ManagedNeo4j> {
  await requirePortFree(given.boltPort, 'ATLAS_NEO4J_BOLT_PORT', 'the embedded Neo4j (Bolt)');
  await recordClassData(java, runtime, given, log, signal);
  const archive = runtime.classDataFile;
  const settings: ManagedSettings = { ...given, classData: archive !== undefined && existsSync(archive) ? { kind: 'use', file: archive } : undefined };
  try {
    return await launchJvm(java, runtime, settings, log, signal);
  } catch (error) {
    if (signal?.aborted === true || !(error instanceof StartupError) || (error.code !== 'NEO4J_STORE_LOCKED' && error.code !== 'NEO4J_PORT_IN_USE'))
      throw error;
    const what = error.code === 'NEO4J_STORE_LOCKED' ? `the store lock of ${settings.homeDir}` : `Bolt port ${settings.boltPort}`;
    log(`Neo4j could not start because ${what} is still held, perhaps by the JVM of an earlier run that is still exiting. Trying once more...`);
    const deadline = Date.now() + (settings.releaseWaitMs ?? RELEASE_WAIT_MS);
    await waitForPort(settings.boltPort, deadline);
    // The lock cannot be watched from here (Java holds it with fcntl), so the rest of the wait is spent outright.
    if (error.code === 'NEO4J_STORE_LOCKED') await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
    signal?.throwIfAborted();
    try {
      return await launchJvm(java, runtime, settings, log, signal);
    } catch (second) {
      if (!(second instanceof StartupError) || second.code !== error.code) throw second;
      const hint =
        error.code === 'NEO4J_STORE_LOCKED'
          ? `Another process still holds the store lock of ${settings.homeDir}: is another Faction Atlas (or Neo4j) running on this data folder? Stop it, or set ATLAS_DATA_DIR to another folder.`
          : `Something else listens on port ${settings.boltPort}. Stop it, or set ATLAS_NEO4J_BOLT_PORT to another port.`;
      throw new StartupError(`${second.message}\n${hint}`, second.detail, second.code);
    }
  }
}
