/** Runs bench/server-child.ts as a separate Node process and samples its resident memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from '../../server/src/db/database.js';
import { ROOT } from '../../tests/support/paths.js';

export interface ChildApi {
  readonly url: string;
  readonly pid: number;
  /** Resident set size in MB, from /proc. */
  rssMb(): number;
  /** True while the process is alive. */
  alive(): boolean;
  output(): string;
  stop(): Promise<void>;
}

/** `env` adds settings (ATLAS_RESPONSE_CACHE, say) to the child's environment. */
export async function startChildApi(connection: Connection, env: Record<string, string> = {}): Promise<ChildApi> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/server-child.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: connection.uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: connection.password,
      NEO4J_DATABASE: connection.database,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const lines: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      lines.push(text);
      const match = /LISTENING (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`API process exited (${code}) before listening:\n${lines.join('')}`)));
  });
  const pid = child.pid ?? -1;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid,
    rssMb() {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : Number.NaN;
      } catch {
        return Number.NaN;
      }
    },
    alive: () => !exited,
    output: () => lines.join('').slice(-4000),
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}
