/**
 * Interrupted seed: a curated load (`npm run seed -- --reset`, one write transaction) is killed
 * mid-way, once by killing the seed process and once by killing the Neo4j JVM, both right after
 * the reset has deleted everything inside the open transaction. The database must afterwards hold
 * exactly what it held before (or the full new load), never a mix: same counts and checksum.
 * Uses a Neo4j of its own, never the suite's shared one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayNeo4j, TEST_QUICK_START, type ThrowawayNeo4j } from '../../support/neo4j.js';
import { ROOT } from '../../support/paths.js';
import { Database } from '../../../server/src/db/database.js';
import type { GraphSummary } from '../../../server/src/seed/checksum.js';
import { curatedSummary, loadCuratedRows, seedDatabase } from '../../../server/src/seed/load.js';
import { datasetToRows } from '../../../server/src/seed/dataset-to-rows.js';
import { validateSeedDir } from '../../../server/src/seed/validate.js';
import { record } from './record.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/seed-valid');
const SEED = path.join(ROOT, 'seed');

let neo4j: ThrowawayNeo4j;
let db: Database;
let before: GraphSummary;
let full: GraphSummary;
const outcomes: string[] = [];

const brief = (s: GraphSummary): string => `${s.nodes} nodes, ${s.relationships} relationships, checksum ${s.checksum.slice(0, 12)}`;

beforeAll(async () => {
  neo4j = await startThrowawayNeo4j({ source: 'managed', quickStart: TEST_QUICK_START, log: () => undefined });
  db = Database.connect(neo4j.connection);
  // What a complete load of the real seed looks like, then the different "before" state.
  full = await seedDatabase(db, SEED, { reset: true });
  before = await seedDatabase(db, FIXTURE, { reset: true });
  expect(before.checksum).not.toBe(full.checksum);
}, 240_000);

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  record(
    'interrupted-seed',
    [
      'Command: `npx vitest run tests/integration/resilience/interrupted-seed.test.ts` (own managed Neo4j).',
      '',
      `Before: the test fixture seed (${brief(before)}). A complete load of seed/ gives ${brief(full)}. Each run loads seed/ with --reset and is killed right after the reset deleted every curated node inside the open transaction.`,
      '',
      ...outcomes.map((line) => `- ${line}`),
    ].join('\n'),
    { before, full, outcomes },
  );
}, 120_000);

function sameAs(summary: GraphSummary): 'unchanged' | 'fully loaded' | 'HALF' {
  if (summary.checksum === before.checksum && summary.nodes === before.nodes) return 'unchanged';
  if (summary.checksum === full.checksum && summary.nodes === full.nodes) return 'fully loaded';
  return 'HALF';
}

describe('a seed load killed mid-way', () => {
  it('killing `npm run seed` leaves the database unchanged', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--reset', '--dir', SEED], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.connection.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: neo4j.connection.password, NEO4J_DATABASE: 'neo4j' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killedMidway = false;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!killedMidway && output.includes('reset: deleted') && !output.includes('committed')) {
        killedMidway = true;
        child.kill('SIGKILL');
      }
    });
    await exited;
    expect(killedMidway, output).toBe(true);
    const after = await curatedSummary(db);
    outcomes.push(
      `seed process SIGKILLed after "${/reset: deleted[^\n]*/.exec(output)?.[0] ?? ''}" (before "committed"): database ${sameAs(after)} (${brief(after)}).`,
    );
    expect(sameAs(after)).toBe('unchanged');
  }, 120_000);

  it('killing the Neo4j JVM during the load leaves the database unchanged after restart', async () => {
    const validation = validateSeedDir(SEED);
    if (!validation.ok) throw new Error('seed/ does not validate');
    let killing: Promise<void> | null = null;
    const load = loadCuratedRows(db, datasetToRows(validation.dataset), {
      reset: true,
      onProgress: (line) => {
        if (killing === null && line.includes('reset: deleted')) killing = neo4j.kill();
      },
    });
    await expect(load).rejects.toThrow();
    expect(killing).not.toBeNull();
    await killing;
    const restartStarted = performance.now();
    await neo4j.restart();
    const restartMs = performance.now() - restartStarted;
    // The driver reconnects by itself; give it a few tries while Neo4j finishes recovery.
    let after: GraphSummary | null = null;
    for (let i = 0; i < 30 && after === null; i += 1) {
      try {
        after = await curatedSummary(db);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    expect(after).not.toBeNull();
    outcomes.push(
      `Neo4j JVM SIGKILLed after the reset, inside the open load transaction; restarted on the same data in ${(restartMs / 1000).toFixed(1)} s: database ${sameAs(after!)} (${brief(after!)}).`,
    );
    expect(sameAs(after!)).toBe('unchanged');
  }, 240_000);
});
