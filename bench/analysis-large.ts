/**
 * The analysis fields at 100k synthetic persons (issue 12: first call per date <= 5 s, warm p95
 * <= 300 ms), side by side in one run on one Neo4j: this build, and with `--baseline DIR` another
 * build (e.g. main: `git archive main | tar -x -C DIR`, node_modules linked in) in the same
 * process with its own app and cypher/. The fields and their selections are the bench section's
 * (bench/sections/analysis.ts fieldCalls). Per round and field, each mode starts a fresh app
 * (nothing kept for the data revision) and awaits its warm-up (what its main.ts runs once it
 * listens, without the precompute), asks at 1950, 1956-08 and 1962 ("first"; survival, exposure
 * and the floor once), then 20 more times at 1962 ("warm"). Modes alternate field by field.
 * `--precomputed` adds a mode of this build that also awaits the start-up precompute (at 100k:
 * the factions table and the survival subjects; a minute or two of background work).
 *
 *   SYN_NEO4J_URI=bolt://... SYN_NEO4J_PASSWORD=... npx tsx bench/analysis-large.ts \
 *     [--rounds 1] [--baseline /tmp/base] [--precomputed] [--fields 'centrality DEGREE,communities']
 *
 * Uses the synthetic Neo4j given by SYN_NEO4J_URI (loading 100k persons, seed 42, when it holds
 * another number), else a throwaway one. Prints one table row per field and mode, with the load
 * average beside each first call. Writes nothing.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/src/db/database.js';
import { loadSyntheticRows } from '../server/src/seed/load-synthetic.js';
import { generateSyntheticRows } from '../server/src/seed/synthetic.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ROOT } from '../tests/support/paths.js';
import { gql, startApi } from './lib/api.js';
import { importBuilds, type Mode } from './lib/builds.js';
import { ms, summarize } from './lib/stats.js';
import { fallenPerson, fieldCalls } from './sections/analysis.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    baseline: { type: 'string' },
    precomputed: { type: 'boolean', default: false },
    fields: { type: 'string' },
  },
  strict: true,
});
const rounds = Number(values.rounds) || 1;
const log = (line: string): void => console.log(`[analysis-large ${new Date().toISOString().slice(11, 19)}] ${line}`);
const load = (): string => loadavg()[0]!.toFixed(1);

const PERSONS = 100_000;
const DATES = ['1950', '1956-08', '1962'];
const WARM_CALLS = 20;

const NO_PRECOMPUTE = { ATLAS_ANALYSIS_PRECOMPUTE_DATES: '0' };
const MODES: Record<string, Mode> = { 'this build': { build: ROOT, env: NO_PRECOMPUTE, startUp: (app) => app.warmUpAnalysis() } };
if (values.precomputed) {
  MODES['this build, precomputed'] = { build: ROOT, env: {}, startUp: (app) => app.warmUpAnalysis().then(() => app.precomputeAnalysis()) };
}
if (values.baseline !== undefined) {
  MODES[`baseline ${path.basename(values.baseline)}`] = { build: path.resolve(values.baseline), env: NO_PRECOMPUTE, startUp: (app) => app.warmUpAnalysis() };
}

const buildOf = await importBuilds(Object.values(MODES));

const neo4j = await startThrowawayNeo4j({ source: 'synthetic', heapMb: 3072, pageCacheMb: 1024, txTimeoutSeconds: 600, log: (line) => log(`neo4j: ${line}`) });
const db = Database.connect(neo4j.connection, { maxPoolSize: 4 });
const lines: string[] = [];
try {
  const held = await db.readCapped('MATCH (p:Person) RETURN count(p) AS v', {}, { timeoutMs: 60_000, maxRows: 1 });
  if (held.rows[0]?.['v'] !== PERSONS) {
    const rows = generateSyntheticRows({ persons: PERSONS, seed: 42 });
    await loadSyntheticRows(db, rows, { seed: 42, persons: PERSONS, batchSize: 5_000, parallel: 2, onProgress: log });
  }
  const wanted = values.fields?.split(',').map((name) => name.trim());
  const calls = fieldCalls(await fallenPerson(db)).filter((call) => wanted === undefined || wanted.includes(call.name));
  if (calls.length === 0)
    throw new Error(
      `--fields names no field; the fields are: ${fieldCalls('x')
        .map((c) => c.name)
        .join(', ')}`,
    );
  for (let round = 0; round < rounds; round += 1) {
    for (const call of calls) {
      for (const [mode, { build, env, startUp }] of Object.entries(MODES)) {
        const api = await startApi(neo4j.connection, env, buildOf(build));
        try {
          const readyStarted = performance.now();
          await startUp(api.app);
          const readyMs = performance.now() - readyStarted;
          const first: string[] = [];
          for (const at of call.dated ? DATES : [DATES[0]!]) {
            const started = performance.now();
            const body = await gql(api.url, call.query(at));
            if (body.errors !== undefined) throw new Error(`${call.name} ${mode} at ${at}: ${JSON.stringify(body.errors).slice(0, 400)}`);
            first.push(`${ms(performance.now() - started)} (load ${load()})`);
          }
          const warm: number[] = [];
          for (let i = 0; i < WARM_CALLS; i += 1) {
            const started = performance.now();
            await gql(api.url, call.query(DATES[DATES.length - 1]!));
            warm.push(performance.now() - started);
          }
          const w = summarize(warm);
          const line = `| ${call.name} | ${mode} | ${ms(readyMs)} | ${first.join(' / ')} | ${ms(w.medianMs)} / ${ms(w.p95Ms)} |`;
          lines.push(line);
          log(line);
        } finally {
          await api.close();
        }
      }
    }
    log(
      `round ${round + 1} of ${rounds} done; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}`,
    );
  }
} finally {
  await db.close();
  await neo4j.stop();
}
console.log('| field | mode | start-up work awaited (ms) | first call at 1950 / 1956-08 / 1962 (ms, load) | warm median / p95 at 1962 (ms) |');
console.log('| --- | --- | --- | --- | --- |');
for (const line of lines) console.log(line);
