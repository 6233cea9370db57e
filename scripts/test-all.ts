/**
 * `npm test`: every check and every test tier, in two lanes that run at the same time (issue 13).
 *
 * - tests: the neo4j tier (integration and browser files, one at a time on the suite's Neo4j; its
 *   global set-up also builds the web client if it is stale), then the own-neo4j tier (the
 *   integration files that start, kill and restart JVMs of their own, two files at a time). Its
 *   output is shown live.
 * - checks: the unit tier, the type check and the linter, one after the other. They take a few
 *   minutes of CPU and no timing bound, so they overlap the first tests.
 * The two test tiers do not overlap: on two cores, JVMs starting beside the shared tier's heavy
 * files made waits run out in both (a side-by-side run at load 15-30 failed 9 tests that way).
 * The checks lane shows each step's output as a block when it ends, so its lines do not
 * interleave with the tests'.
 *
 * Vitest cannot do this itself: it runs projects one group after another, and a project whose
 * files run one at a time gets a group of its own. Every step runs to its end even when another
 * fails; the summary names each step, its time and its result, and the exit code is 1 if any
 * step failed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules/.bin');

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

interface Outcome {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
}

const npmRun = (script: string): Step => ({ name: `npm run ${script}`, command: 'npm', args: ['run', '--silent', script] });

const vitest = (project: string): Step => ({ name: `vitest: ${project} tier`, command: path.join(BIN, 'vitest'), args: ['run', '--project', project] });

const LANES: readonly { readonly live: boolean; readonly steps: readonly Step[] }[] = [
  {
    live: true,
    // The neo4j tier's global set-up builds the web client if stale, while its Neo4j opens.
    steps: [vitest('neo4j'), vitest('own-neo4j')],
  },
  { live: false, steps: [vitest('unit'), npmRun('typecheck'), npmRun('lint')] },
];

const seconds = (since: number): number => (performance.now() - since) / 1000;

function run(step: Step, live: boolean): Promise<Outcome> {
  const started = performance.now();
  process.stdout.write(`\n[npm test] ${step.name}: started\n`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: ROOT,
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (ok: boolean, reason: string): void => {
      const outcome = { name: step.name, ok, seconds: seconds(started) };
      const head = `[npm test] ${step.name}: ${reason} after ${outcome.seconds.toFixed(1)} s`;
      process.stdout.write(live ? `\n${head}\n` : `\n${head}; its output:\n${Buffer.concat(chunks).toString('utf8')}[npm test] end of ${step.name}\n`);
      resolve(outcome);
    };
    child.once('error', (error) => finish(false, `could not start (${error.message})`));
    child.once('close', (code, signal) => finish(code === 0, code === 0 ? 'passed' : `FAILED (${signal ?? `exit code ${code ?? '?'}`})`));
  });
}

async function runLane(steps: readonly Step[], live: boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) outcomes.push(await run(step, live));
  return outcomes;
}

// `npm test -- <files>` used to reach vitest; here it would be ignored without a word.
if (process.argv.length > 2) {
  process.stderr.write(
    `npm test runs everything and takes no arguments (got: ${process.argv.slice(2).join(' ')}). To run some tests: npx vitest run <files or folders>, or npm run test:unit / test:integration / test:browser.\n`,
  );
  process.exit(2);
}

const started = performance.now();
const outcomes = (await Promise.all(LANES.map((lane) => runLane(lane.steps, lane.live)))).flat();
const failed = outcomes.filter((outcome) => !outcome.ok);
process.stdout.write(
  [
    '',
    `[npm test] ${failed.length === 0 ? 'all passed' : `${failed.length} of ${outcomes.length} steps FAILED`} in ${seconds(started).toFixed(1)} s:`,
    ...outcomes.map((outcome) => `  ${outcome.ok ? 'ok    ' : 'FAILED'} ${outcome.name} (${outcome.seconds.toFixed(1)} s)`),
    '',
  ].join('\n'),
);
process.exitCode = failed.length === 0 ? 0 : 1;
