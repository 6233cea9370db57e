/**
 * The app as `npm start` runs it (server/src/main.ts), in a Node process of its own with its own
 * managed Neo4j, for tests that kill that Neo4j. One process (node --import tsx, no tsx wrapper),
 * so its pid is the app's; every JVM pid it reports is remembered, so that cleanup can make sure
 * none is left behind whatever the test did.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_APP_ENV } from '../../support/neo4j.js';
import { ROOT } from '../../support/paths.js';

export interface AppProcess {
  readonly pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output after character `from`. */
  waitFor(pattern: RegExp, timeoutMs: number, from?: number): Promise<RegExpMatchArray>;
  alive(): boolean;
  readonly exited: Promise<number | null>;
  /** Every JVM pid the app has reported ("JVM pid N"). */
  jvmPids(): number[];
  /** SIGTERM, then SIGKILL after `graceMs`; then SIGKILLs any JVM of it still alive. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/** True while `pid` runs; a zombie (exited, not yet reaped by whoever adopted it) is not running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

export function startAppProcess(env: Record<string, string>): AppProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    // Only what is given here (plus PATH, HOME and TEST_APP_ENV): the caller's NEO4J_URI must not leak in.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ATLAS_CACHE_DIR: path.join(ROOT, '.atlas/cache'), ...TEST_APP_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let running = true;
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running = false;
      for (const listener of [...listeners]) listener();
      resolve(code);
    }),
  );
  const jvmPids = (): number[] => [...new Set([...text.matchAll(/JVM pid (\d+)/g)].map((match) => Number(match[1])))];
  return {
    pid: child.pid ?? -1,
    output: () => text,
    alive: () => running,
    exited,
    jvmPids,
    waitFor(pattern, timeoutMs, from = 0) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text.slice(from).match(pattern);
          if (match) {
            done();
            resolve(match);
          } else if (!running) {
            done();
            reject(new Error(`The app exited before printing ${pattern}; its output:\n${text.slice(-6000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`No ${pattern} within ${timeoutMs} ms; the app's output:\n${text.slice(-6000)}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async stop(graceMs = 90_000) {
      if (running) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(killer);
      for (const pid of jvmPids()) {
        if (!isAlive(pid)) continue;
        process.kill(pid, 'SIGKILL');
        const deadline = Date.now() + 10_000;
        while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return code;
    },
  };
}
