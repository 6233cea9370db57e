/**
 * Runs the managed Neo4j as a child JVM. The JVM watches its stdin and shuts down when the pipe
 * closes, so it stops with us even if this process is killed outright.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../config.js';
import { LAUNCHER_CLASS, type Neo4jRuntime } from './jars.js';
import { requirePortFree } from './ports.js';
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
}

export interface ManagedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Resolves once the JVM has exited; idempotent. */
  stop(): Promise<void>;
}

/** Procedures the console and the app may call; everything else is not even loaded. */
export const PROCEDURE_ALLOWLIST = ['db.index.fulltext.queryNodes', 'db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.awaitIndexes', 'db.awaitIndex'];

function logTail(homeDir: string, output: string[]): string {
  const debugLog = path.join(homeDir, 'logs', 'debug.log');
  const fromLog = existsSync(debugLog)
    ? readFileSync(debugLog, 'utf8').split('\n').filter((line) => /ERROR|WARN|Exception|Caused by/.test(line)).slice(-15)
    : [];
  return [...output.slice(-20), ...(fromLog.length > 0 ? ['--- logs/debug.log (errors and warnings) ---', ...fromLog] : [])].join('\n');
}

export async function startManagedNeo4j(
  java: string,
  runtime: Neo4jRuntime,
  settings: ManagedSettings,
  log: (line: string) => void,
): Promise<ManagedNeo4j> {
  await requirePortFree(settings.boltPort, 'ATLAS_NEO4J_BOLT_PORT', 'the embedded Neo4j (Bolt)');
  mkdirSync(settings.homeDir, { recursive: true });
  const child: ChildProcessWithoutNullStreams = spawn(
    java,
    [
      `-Xms${Math.min(settings.heapMb, 512)}m`,
      `-Xmx${settings.heapMb}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      runtime.classpath,
      LAUNCHER_CLASS,
    ],
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
  const output: string[] = [];
  let exited = false;
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

  const ready = new Promise<string>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ATLAS-READY (\S+)/.exec(line);
        if (match) resolve(match[1]!);
        else if (line.trim() !== '') {
          output.push(line);
          if (output.length > 200) output.shift();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exitPromise.then((code) =>
      reject(new StartupError(`Neo4j exited during start-up (exit code ${code ?? 'signal'}).`, logTail(settings.homeDir, output))),
    );
  });

  const started = Date.now();
  const progress = setInterval(() => log(`  ... waiting for Neo4j to open Bolt on 127.0.0.1:${settings.boltPort} (${Math.round((Date.now() - started) / 1000)} s)`), 3000);
  let timeoutTimer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timeoutTimer = setTimeout(
      () => reject(new StartupError(`Neo4j did not become ready within ${settings.startTimeoutSeconds} s (ATLAS_NEO4J_START_TIMEOUT_SECONDS).`, logTail(settings.homeDir, output))),
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
