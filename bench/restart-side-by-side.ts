/**
 * Restart after a crash, two checkouts side by side in one run (issue 14: "answers normal queries
 * again within 60 s"). Each checkout's app runs as `npm start` runs it, with its own managed Neo4j
 * in a temp data folder; then, round after round and checkout after checkout, its JVM is
 * SIGKILLed and an uncached `person` query is asked every 100 ms until one is answered. Where
 * each second went comes from the app's own log lines, stamped as they arrive.
 *
 *   npx tsx bench/restart-side-by-side.ts --old /work/wt-old --new . [--rounds 2]
 *
 * Alternating the checkouts round by round keeps them under the same load; only their ratio is
 * stable on a shared machine. Prints a Markdown table; kills every process it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../server/src/embedded/ports.js';

interface App {
  readonly name: string;
  readonly child: ChildProcess;
  readonly lines: [number, string][];
  readonly url: string;
  readonly dataDir: string;
}

const t0 = performance.now();
const now = (): number => performance.now() - t0;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function arg(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : process.argv[at + 1];
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function startApp(name: string, checkout: string): Promise<App> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `atlas-restart-${name}-`));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(checkout, 'server/src/main.ts')], {
    cwd: checkout,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ATLAS_CACHE_DIR: path.join(checkout, '.atlas/cache'),
      ATLAS_DATA_DIR: dataDir,
      PORT: String(port),
      ATLAS_NEO4J_BOLT_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: [number, string][] = [];
  let rest = '';
  const take = (chunk: Buffer): void => {
    rest += chunk.toString('utf8');
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) lines.push([now(), line]);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const app = { name, child, lines, url: `http://127.0.0.1:${port}/graphql`, dataDir };
  await waitFor(app, /GraphQL\s+http/, 0, 900_000);
  return app;
}

/** The time and match of the first line after index `from` that matches. */
async function waitFor(app: App, pattern: RegExp, from: number, timeoutMs = 600_000): Promise<[number, RegExpMatchArray]> {
  const started = now();
  for (;;) {
    for (let i = from; i < app.lines.length; i += 1) {
      const match = pattern.exec(app.lines[i]![1]);
      if (match !== null) return [app.lines[i]![0], match];
    }
    if (app.child.exitCode !== null) throw new Error(`${app.name} exited:\n${app.lines.map(([, l]) => l).join('\n')}`);
    if (now() - started > timeoutMs) throw new Error(`${app.name}: no ${pattern} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let nonce = 0;
async function answered(app: App): Promise<boolean> {
  try {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(id: "kim-il-sung") { name } }', variables: { nonce: (nonce += 1) } }),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await response.json()) as { data?: { person?: { name?: string } } | null };
    return json.data?.person?.name === 'Kim Il-sung';
  } catch {
    return false;
  }
}

interface Round {
  readonly app: string;
  readonly round: number;
  readonly jvmStartMs: number;
  readonly backMs: number;
  readonly answeredMs: number;
  readonly phases: string;
}

async function killAndRecover(app: App, round: number): Promise<Round> {
  const from = app.lines.length;
  const pids = [
    ...app.lines
      .map(([, line]) => line)
      .join('\n')
      .matchAll(/JVM pid (\d+)/g),
  ].map((match) => Number(match[1]));
  const killedAt = now();
  process.kill(pids[pids.length - 1]!, 'SIGKILL');
  while (!(await answered(app))) {
    if (now() - killedAt > 600_000) throw new Error(`${app.name}: no answer within 600 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answeredMs = now() - killedAt;
  const [, ready] = await waitFor(app, /Neo4j is ready at \S+ \(JVM pid \d+, ([\d.]+) s\)/, from);
  const [backAt] = await waitFor(app, /Neo4j is back/, from);
  const phases = app.lines.slice(from).find(([, line]) => line.includes('start-up of JVM pid'))?.[1] ?? '';
  return {
    app: app.name,
    round,
    jvmStartMs: Number(ready[1]) * 1000,
    backMs: backAt - killedAt,
    answeredMs,
    phases: phases.replace(/^.*\): /, ''),
  };
}

async function stop(app: App): Promise<void> {
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  if (app.child.exitCode === null) app.child.kill('SIGTERM');
  const killer = setTimeout(() => app.child.kill('SIGKILL'), 120_000);
  await exited;
  clearTimeout(killer);
  rmSync(app.dataDir, { recursive: true, force: true });
}

const rounds = Number(arg('rounds', '2'));
const checkouts: [string, string][] = [
  ['old', path.resolve(arg('old'))],
  ['new', path.resolve(arg('new'))],
];
const apps: App[] = [];
try {
  const firstStarts: string[] = [];
  for (const [name, checkout] of checkouts) {
    const started = now();
    const app = await startApp(name, checkout);
    apps.push(app);
    firstStarts.push(`${name} ${s(now() - started)}`);
  }
  const results: Round[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const app of apps) {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      results.push(await killAndRecover(app, round));
    }
  }
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `Measured ${new Date().toISOString()} on ${os.cpus().length} cores, load average now ${load.join(' ')}; first start (app ready): ${firstStarts.join(', ')}.`,
  );
  console.log('');
  console.log('| checkout | round | JVM start | Neo4j back | normal query answered | start-up steps (JVM uptime) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of results) console.log(`| ${r.app} | ${r.round} | ${s(r.jvmStartMs)} | ${s(r.backMs)} | ${s(r.answeredMs)} | ${r.phases} |`);
} finally {
  for (const app of apps) await stop(app);
}
