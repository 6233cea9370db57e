/**
 * Starts the managed Neo4j (jvm.ts runs one attempt) and gets it through a restart after a crash:
 * a JVM of an earlier run that is still exiting can hold the store lock or the Bolt port for a
 * moment, so a start that fails on either is tried once more after they are released. When the
 * cache has no class-data archive yet, the JVM started here records it (class-data.ts).
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
  /** Scheduling niceness of the JVM (`nice -n`), default 0; 19 lets it have only CPU time nothing else wants. */
  readonly niceness?: number;
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
  /**
   * From Neo4j's clean shutdown (the launcher's ATLAS-STOPPED) to the JVM's exit: the time a JVM
   * recording the class-data archive took to write it; null when Neo4j did not stop cleanly.
   */
  readonly afterStopMs: number | null;
}

export interface ManagedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Settles when the JVM has exited and its last output has been read, whatever the reason. */
  readonly exited: Promise<JvmExit>;
  /** True when this JVM records the class-data archive: it writes it as it exits after a clean stop, which takes a while. */
  readonly writesClassDataOnStop: boolean;
  /** Resolves once the JVM has exited (and a recorded class-data archive is kept); idempotent. */
  stop(): Promise<void>;
}

/** Procedures the console and the app may call; everything else is not even loaded. */
export const PROCEDURE_ALLOWLIST = ['db.index.fulltext.queryNodes', 'db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.awaitIndexes', 'db.awaitIndex'];

/** How long a second attempt waits for an earlier JVM to let go: a clean shutdown takes seconds. */
export const RELEASE_WAIT_MS = 15_000;

async function waitForPort(port: number, deadline: number): Promise<void> {
  while (!(await isPortFree(port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
}

/** The archives this process's JVMs are recording now (a file may be recorded by one JVM at a time). */
const recordingHere = new Set<string>();

/**
 * Whether this start records the runtime's class-data archive (class-data.ts), and into which
 * temporary file: only when there is none yet, and not while another JVM (of this process or of
 * another one still running) records it. The JVM that serves records it: it writes the archive as
 * it exits after a clean stop, so no start waits for a recording (issue 13). The empty file claims
 * the recording meanwhile; startManagedNeo4j renames it to the archive's name only after a clean exit.
 */
function claimRecording(runtime: Neo4jRuntime, settings: ManagedSettings): { readonly temp: string; readonly file: string } | undefined {
  const file = runtime.classDataFile;
  if (settings.recordClassData === false || file === undefined || existsSync(file) || recordingHere.has(file)) return undefined;
  const dir = path.dirname(file);
  const claims = `${path.basename(file)}.partial-`;
  mkdirSync(dir, { recursive: true });
  // Only this archive's leftovers: another archive in the folder may be recorded by this process now.
  removeStalePartials(dir, claims);
  if (readdirSync(dir).some((name) => name.startsWith(claims))) return undefined;
  const temp = tempSibling(file);
  writeFileSync(temp, '');
  recordingHere.add(file);
  return { temp, file };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The JVM that records the archive into `temp` (it says so as it writes it: jvm.ts): once it has
 * exited, the archive is published under its own name if the JVM stopped cleanly (asked to, exit
 * code 0) and wrote it, and its stop() resolves only then. Any other end (a crash, a SIGKILL, a
 * failed write, which may leave a truncated file) publishes nothing, and the next start records again.
 */
function publishingArchive(jvm: ManagedNeo4j, { temp, file }: { readonly temp: string; readonly file: string }, log: (line: string) => void): ManagedNeo4j {
  const publishIfWritten = (exit: JvmExit): void => {
    const size = statSync(temp, { throwIfNoEntry: false })?.size ?? 0;
    if (!exit.expected || exit.code !== 0) {
      log('The JVM recording the class-data archive did not stop cleanly, so no archive was written; the next start records one.');
    } else if (size === 0) {
      log('The JVM wrote no class-data archive as it stopped; the next start records one.');
    } else {
      publish(temp, file);
      const writing = exit.afterStopMs === null ? '' : ` in ${seconds(exit.afterStopMs)} after Neo4j had stopped`;
      log(`Class-data archive written${writing} (${Math.round(size / 2 ** 20)} MB; later starts and restarts load their classes from it): ${file}`);
    }
  };
  const exited = jvm.exited.then((exit) => {
    recordingHere.delete(file);
    try {
      publishIfWritten(exit);
    } catch (error) {
      // Only the speed-up is lost; the exit itself must still reach the supervisor.
      log(`Could not keep the class-data archive (${error instanceof Error ? error.message : String(error)}); the next start records one.`);
    } finally {
      rmSync(temp, { force: true });
    }
    return exit;
  });
  return {
    ...jvm,
    exited,
    async stop() {
      await jvm.stop();
      await exited;
    },
  };
}

/**
 * A JVM that crashed mapping the class-data archive: Java 17 does not start without a truncated
 * archive, it dies with SIGBUS in FileMapInfo (tests/integration/platform/class-data-recording.test.ts).
 */
function crashedOnArchive(error: unknown): boolean {
  return error instanceof StartupError && /fatal error has been detected[\s\S]*(FileMapInfo|MetaspaceShared|DynamicArchive)::/.test(error.detail ?? '');
}

/** One start, tried once more when an earlier JVM still holds the store lock or the port. */
async function launchWithRetry(
  java: string,
  runtime: Neo4jRuntime,
  settings: ManagedSettings,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<ManagedNeo4j> {
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

/** `signal` abandons the start (see launchJvm). */
export async function startManagedNeo4j(
  java: string,
  runtime: Neo4jRuntime,
  given: ManagedSettings,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<ManagedNeo4j> {
  await requirePortFree(given.boltPort, 'ATLAS_NEO4J_BOLT_PORT', 'the embedded Neo4j (Bolt)');
  const archive = runtime.classDataFile;
  const recording = claimRecording(runtime, given);
  const classData: ClassDataMode | undefined =
    recording !== undefined
      ? { kind: 'record', file: recording.temp }
      : archive !== undefined && existsSync(archive)
        ? { kind: 'use', file: archive }
        : undefined;
  if (recording !== undefined) {
    log(
      "No class-data archive of Neo4j's classes yet: this JVM records one and writes it when it is stopped cleanly (Ctrl-C), so that later starts and restarts are faster.",
    );
  }
  try {
    const jvm = await launchWithRetry(java, runtime, { ...given, classData }, log, signal);
    return recording === undefined ? jvm : publishingArchive(jvm, recording, log);
  } catch (error) {
    if (recording !== undefined) {
      recordingHere.delete(recording.file);
      rmSync(recording.temp, { force: true });
    }
    if (classData?.kind === 'use' && signal?.aborted !== true && crashedOnArchive(error)) {
      log(`Neo4j's JVM crashed loading the class-data archive ${classData.file} (a damaged file); it is removed, and Neo4j starts again without it.`);
      rmSync(classData.file, { force: true });
      // Once: the archive is gone now, so this start records a new one.
      if (!existsSync(classData.file)) return startManagedNeo4j(java, runtime, given, log, signal);
    }
    throw error;
  }
}
