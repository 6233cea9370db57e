/**
 * One attempt at running the managed Neo4j as a child JVM. The JVM watches its stdin and shuts
 * down when the pipe closes, so it stops with us even if this process is killed outright.
 * Everything it prints goes to a rotating log beside Neo4j's own (child-log.ts), and it runs
 * with umask 077, so every file it creates is its owner's only (owner-only.ts).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHILD_LOG_DEFAULTS, childProcessEnv } from '../config.js';
import { childLogPath, RotatingLog } from './child-log.js';
import { classDataArgs } from './class-data.js';
import { LAUNCHER_CLASS, type Neo4jRuntime } from './jars.js';
import { eachLine } from './lines.js';
import { OWNER_DIR_MODE, ownerOnlyTree } from './owner-only.js';
import type { JvmExit, ManagedNeo4j, ManagedSettings } from './process.js';
import { debugLogSize, outputTail, startupCause, startupReport } from './startup-log.js';
import { StartupError, type StartupErrorCode } from './startup-error.js';

/** The launcher's failure, sorted into what a caller can act on (process.ts retries the first two). */
function codeFor(cause: string | undefined): StartupErrorCode {
  if (cause === undefined) return 'NEO4J_EXITED';
  if (/FileLockException|locked by another process/.test(cause)) return 'NEO4J_STORE_LOCKED';
  if (/BindException|Address already in use/.test(cause)) return 'NEO4J_PORT_IN_USE';
  return 'NEO4J_EXITED';
}

/**
 * How long a JVM recording a class-data archive may take to stop and write it (process.ts): the
 * app's shutdown cap allows for it too (server/src/main.ts).
 */
export const RECORD_GRACE_MS = 240_000;

/** What the start-up line ("start-up of JVM pid ...") says of the class-data archive; tests read it too. */
export const CLASS_DATA_NOTES = {
  use: 'class-data archive offered',
  record: 'recording a class-data archive (written on a clean stop)',
  none: 'no class-data archive',
} as const;

/** `nice -n N` before the JVM's command when a niceness is asked for (nice execs it: same pid). */
function niceCommand(niceness: number | undefined): string[] {
  return niceness === undefined || niceness === 0 ? [] : ['nice', '-n', String(niceness)];
}

function classDataNote(settings: ManagedSettings): string {
  return CLASS_DATA_NOTES[settings.classData?.kind ?? 'none'];
}

/**
 * ATLAS_NEO4J_QUICK_START=on: the JIT stops at its quick compiler (C1). Most of a cold Neo4j's
 * start is the optimizing compiler (C2) at work, so on a loaded two-core machine it opens Bolt in
 * about half the time, with about a third less CPU (76.6 s against 36.9 s, 28.7 s against 19.0 s
 * of CPU, one pair at load 14, BENCHMARKS.md); long queries then run slower. For short-lived
 * instances, such as the tests' (issue 13), not for a server that stays up.
 */
export const QUICK_START_JVM_OPTIONS: readonly string[] = ['-XX:TieredStopAtLevel=1'];

/** Lines of the JVM's output kept in memory for a start-up report or an exit report. */
const OUTPUT_LINES_KEPT = 400;

/** `signal` abandons the start: the JVM is terminated and the start fails (the supervisor stopping mid-restart). */
export async function launchJvm(
  java: string,
  runtime: Neo4jRuntime,
  settings: ManagedSettings,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<ManagedNeo4j> {
  mkdirSync(settings.homeDir, { recursive: true, mode: OWNER_DIR_MODE });
  // New files are owner-only through the umask below; this fixes what an older start left open.
  ownerOnlyTree(settings.homeDir);
  const childLog = new RotatingLog(childLogPath(settings.homeDir), settings.childLog ?? CHILD_LOG_DEFAULTS, (error) =>
    log(`Could not write the Neo4j output log ${childLogPath(settings.homeDir)} (${String(error)}); its output is no longer kept on disk.`),
  );
  const debugLogOffset = debugLogSize(settings.homeDir);
  const jvmArgs = [
    `-Xms${Math.min(settings.heapMb, 512)}m`,
    `-Xmx${settings.heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    // A crash report beside Neo4j's logs, not in whatever folder the app was started from.
    `-XX:ErrorFile=${path.join(settings.homeDir, 'logs', 'hs_err_pid%p.log')}`,
    ...classDataArgs(settings.classData),
    ...(settings.quickStart === true ? QUICK_START_JVM_OPTIONS : []),
    '-cp',
    runtime.classpath,
    LAUNCHER_CLASS,
  ];
  const child: ChildProcessWithoutNullStreams = spawn(
    // The shell only sets the umask (and the niceness, through nice, which execs too) and
    // replaces itself with the JVM (same pid), so Neo4j's store, logs and auth data are created
    // 0600/0700 whatever our own umask is.
    '/bin/sh',
    // The command is passed as arguments, never spliced into the script's text.
    ['-c', 'umask 077 && exec "$0" "$@"', ...niceCommand(settings.niceness), java, ...jvmArgs],
    {
      env: {
        ...childProcessEnv(),
        ATLAS_NEO4J_HOME: settings.homeDir,
        ATLAS_NEO4J_BOLT_PORT: String(settings.boltPort),
        ATLAS_NEO4J_PASSWORD: settings.password,
        ATLAS_NEO4J_TX_TIMEOUT_SECONDS: String(settings.txTimeoutSeconds),
        ATLAS_NEO4J_TX_MEMORY_MB: String(settings.txMemoryMb),
        ATLAS_NEO4J_PAGECACHE_MB: String(settings.pageCacheMb),
        // Every start runs one read query before it reports ready: the first Cypher of a cold JVM
        // takes a minute at a load of 30, and without this the app's first requests after a
        // restart would wait that long instead of getting DATABASE_UNAVAILABLE at once
        // (RESILIENCE.md). A recording JVM thereby archives the planner's classes too.
        ATLAS_NEO4J_WARM_UP: 'on',
        ATLAS_NEO4J_PROCEDURE_ALLOWLIST: [...settings.procedureAllowlist, ...(runtime.plugin?.procedures ?? [])].join(','),
        ...(runtime.plugin === null
          ? {}
          : { ATLAS_NEO4J_PLUGIN_DIR: runtime.plugin.dir, ATLAS_NEO4J_PROCEDURES_UNRESTRICTED: runtime.plugin.unrestricted.join(',') }),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches us, and we stop the JVM in order
      // (after the app has drained) by closing its stdin.
      detached: true,
    },
  );
  const pid = child.pid ?? -1;
  childLog.write(`--- JVM pid ${pid} starting (Neo4j home ${settings.homeDir}, Bolt port ${settings.boltPort}, heap ${settings.heapMb} MB) ---`);
  // Writing to the stdin of a JVM that died is an EPIPE here; its exit is handled below.
  child.stdin.on('error', () => undefined);
  const output: string[] = [];
  let exited = false;
  let stopping: Promise<void> | undefined;
  let readyAt: number | undefined;
  let stoppedAt: number | undefined;
  const exitPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });
  // If this process exits without a clean stop, take the JVM down with it.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  // stdout and stderr line by line: all of it to the log file, the last lines kept for reports.
  let onReady: (uri: string) => void = () => undefined;
  // Start-up steps as the launcher reports them, for the log line that says where the start went.
  const phases: string[] = [];
  const take = (line: string): void => {
    if (line.trim() === '') return;
    childLog.write(line);
    const match = /^ATLAS-READY (\S+)/.exec(line);
    if (match?.[1] !== undefined) {
      onReady(match[1]);
      return;
    }
    if (line.trim() === 'ATLAS-STOPPED') {
      stoppedAt = Date.now();
      // The JVM writes the archive as it exits, after Neo4j's shutdown hook.
      if (settings.classData?.kind === 'record') log(`Neo4j (JVM pid ${pid}) has stopped; its JVM is writing the class-data archive...`);
    }
    const phase = /^ATLAS-PHASE (\S+) (\d+)(?: (\S+))?/.exec(line);
    if (phase !== null) {
      phases.push(`${phase[1]}${phase[3] === undefined ? '' : ` ${phase[3]}`} at ${(Number(phase[2]) / 1000).toFixed(1)} s`);
      return;
    }
    output.push(line);
    if (output.length > OUTPUT_LINES_KEPT) output.shift();
  };
  const childOutput = eachLine([child.stdout, child.stderr], take);
  // 'close' comes after the exit AND the last of its output: reporting on 'exit' alone lost the
  // dying JVM's own words on a busy machine.
  const closed = new Promise<JvmExit>((resolve) =>
    child.once('close', (code, signal) => {
      childOutput.flush();
      process.removeListener('exit', killOnExit);
      childLog.write(`--- JVM pid ${pid} exited: ${code === null ? `killed by ${signal ?? 'a signal'}` : `exit code ${code}`} ---`);
      childLog.close();
      resolve({
        pid,
        code,
        signal,
        expected: stopping !== undefined,
        tail: outputTail(output, 20),
        upMs: readyAt === undefined ? 0 : Date.now() - readyAt,
        afterStopMs: stoppedAt === undefined ? null : Date.now() - stoppedAt,
      });
    }),
  );

  const ready = new Promise<string>((resolve, reject) => {
    onReady = resolve;
    void closed.then(({ code }) => {
      const cause = startupCause(output);
      const message = `Neo4j exited during start-up (exit code ${code ?? 'signal'})${cause === undefined ? '.' : `: ${cause.slice(0, 300)}`}`;
      reject(new StartupError(message, startupReport(settings.homeDir, output, debugLogOffset), codeFor(cause)));
    });
  });

  // Before it is ready the JVM does not read its stdin yet, so an abandoned start is terminated.
  const abandon = (): void => {
    if (!exited) child.kill('SIGTERM');
  };
  if (signal?.aborted === true) abandon();
  signal?.addEventListener('abort', abandon, { once: true });

  const started = Date.now();
  const progress = setInterval(
    () => log(`  ... waiting for Neo4j to open Bolt on 127.0.0.1:${settings.boltPort} (${Math.round((Date.now() - started) / 1000)} s)`),
    3000,
  );
  let timeoutTimer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timeoutTimer = setTimeout(
      () =>
        reject(
          new StartupError(
            `Neo4j did not become ready within ${settings.startTimeoutSeconds} s (ATLAS_NEO4J_START_TIMEOUT_SECONDS).`,
            startupReport(settings.homeDir, output, debugLogOffset),
            'NEO4J_START_TIMEOUT',
          ),
        ),
      settings.startTimeoutSeconds * 1000,
    ).unref();
  });

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!exited) {
        child.stdin.end();
        // Recording a class-data archive happens after the clean shutdown and takes a while on a
        // loaded machine; a signal would lose it (the store is closed by then either way).
        // (A JVM that never became ready does not read its stdin, and has nothing to record.)
        const recording = settings.classData?.kind === 'record' && readyAt !== undefined;
        const forced = setTimeout(() => child.kill('SIGTERM'), recording ? RECORD_GRACE_MS : 30_000);
        const killed = setTimeout(() => child.kill('SIGKILL'), recording ? RECORD_GRACE_MS + 15_000 : 45_000);
        await exitPromise;
        clearTimeout(forced);
        clearTimeout(killed);
      }
      process.removeListener('exit', killOnExit);
    })();
    return stopping;
  };

  try {
    const uri = await Promise.race([ready, timeout]);
    readyAt = Date.now();
    log(`Neo4j is ready at ${uri} (JVM pid ${pid}, ${((readyAt - started) / 1000).toFixed(1)} s)`);
    log(`  start-up of JVM pid ${pid} (time since the JVM started): ${[...phases, classDataNote(settings)].join(', ')}`);
    return { uri, pid, exited: closed, writesClassDataOnStop: settings.classData?.kind === 'record', stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearInterval(progress);
    clearTimeout(timeoutTimer);
    signal?.removeEventListener('abort', abandon);
  }
}
