/** Runs `npm start`'s entry point as a child process, the way a user would, and watches it. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_APP_ENV } from '../support/neo4j.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface MainProcess {
  readonly child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  readonly exited: Promise<number | null>;
}

/** Only the variables given here (plus PATH, HOME and TEST_APP_ENV) reach the app, so the caller's NEO4J_URI cannot leak in. */
export function runMain(env: Record<string, string>): MainProcess {
  // node --import tsx, not the tsx wrapper: the wrapper gives the app 30 ms to confirm a relayed
  // SIGTERM and then SIGKILLs it (exit 143), which on a loaded machine cut a clean stop short.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ATLAS_CACHE_DIR: path.join(ROOT, '.atlas/cache'), ...TEST_APP_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text.match(pattern);
          if (match) {
            cleanup();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        const onExit = (): void => {
          setTimeout(() => {
            if (!text.match(pattern)) {
              cleanup();
              reject(new Error(`The app exited before printing ${pattern}; output:\n${text}`));
            }
          }, 50);
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
          child.removeListener('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
