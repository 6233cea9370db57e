/**
 * One attempt at running the managed Neo4j as a child JVM. The JVM watches its stdin and shuts
 * down when the pipe closes, so it stops with us even if this process is killed outright.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { childProcessEnv } from '../config.js';
import { LAUNCHER_CLASS, type Neo4jRuntime } from './jars.js';
import type { ManagedNeo4j, ManagedSettings } from './process.js';
import { debugLogSize, startupCause, startupReport } from './startup-log.js';
import { StartupError, type StartupErrorCode } from './startup-error.js';

/** The launcher's failure, sorted into what a caller can act on (process.ts retries the first two). */
function codeFor(cause: string | undefined): StartupErrorCode {
  if (cause === undefined) return 'NEO4J_EXITED';
  if (/FileLockException|locked by another process/.test(cause)) return 'NEO4J_STORE_LOCKED';
  if (/BindException|Address already in use/.test(cause)) return 'NEO4J_PORT_IN_USE';
  return 'NEO4J_EXITED';
}

export async function launchJvm(java: string, runtime: Neo4jRuntime, settings: ManagedSettings, log: (line: string) => void): Promise<ManagedNeo4j> {
  mkdirSync(settings.homeDir, { recursive: true });
  const debugLogOffset = debugLogSize(settings.homeDir);
  const child: ChildProcessWithoutNullStreams = spawn(
    java,
    [`-Xms${Math.min(settings.heapMb, 512)}m`, `-Xmx${settings.heapMb}m`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-Dfile.encoding=UTF-8', '-cp', runtime.classpath, LAUNCHER_CLASS],
    {
      env: {
        ...childProcessEnv(),
        ATLAS_NEO4J_HOME: settings.homeDir,
        ATLAS_NEO4J_BOLT_PORT: String(settings.boltPort),
        ATLAS_NEO4J_PASSWORD: settings.password,
        ATLAS_NEO4J_TX_TIMEOUT_SECONDS: String(settings.txTimeoutSeconds),
        ATLAS_NEO4J_TX_MEMORY_MB: String(settings.txMemoryMb),
        ATLAS_NEO4J_PAGECACHE_MB: String(settings.pageCacheMb),
        ATLAS_NEO4J_PROCEDURE_ALLOWLIST: settings.procedureAllowlist.join(','),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches us, and we stop the JVM in order
      // (after the app has drained) by closing its stdin.
      detached: true,
    },
  );
  // Writing to the stdin of a JVM that died is an EPIPE here; its exit is handled below.
  child.stdin.on('error', () => undefined);
  const output: string[] = [];
  let exited = false;
  const exitPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });
  // 'close' comes after the exit AND the last of its output: reporting on 'exit' alone lost the
  // dying JVM's own words on a busy machine.
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  // If this process exits without a clean stop, take the JVM down with it.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const ready = new Promise<string>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ATLAS-READY (\S+)/.exec(line);
        if (match?.[1] !== undefined) resolve(match[1]);
        else if (line.trim() !== '') {
          output.push(line);
          if (output.length > 400) output.shift();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void closed.then((code) => {
      if (buffer.trim() !== '') output.push(buffer);
      const cause = startupCause(output);
      const message = `Neo4j exited during start-up (exit code ${code ?? 'signal'})${cause === undefined ? '.' : `: ${cause.slice(0, 300)}`}`;
      reject(new StartupError(message, startupReport(settings.homeDir, output, debugLogOffset), codeFor(cause)));
    });
  });

  const started = Date.now();
  const progress = setInterval(() => log(`  ... waiting for Neo4j to open Bolt on 127.0.0.1:${settings.boltPort} (${Math.round((Date.now() - started) / 1000)} s)`), 3000);
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

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!exited) {
        child.stdin.end();
        const forced = setTimeout(() => child.kill('SIGTERM'), 30_000);
        const killed = setTimeout(() => child.kill('SIGKILL'), 45_000);
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
    log(`Neo4j is ready at ${uri} (JVM pid ${child.pid ?? '?'}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { uri, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearInterval(progress);
    clearTimeout(timeoutTimer);
  }
}
