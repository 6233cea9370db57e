/**
 * Analysis calls at the curated size, first calls included, side by side in one run: this build
 * as server/src/main.ts starts it (warm-up, then the precompute of the data's answers,
 * analysis-precompute.ts) against the same build without the precompute
 * (ATLAS_ANALYSIS_PRECOMPUTE_DATES=0) and, with `--baseline DIR`, against another build of the
 * app (a copy of an older commit, e.g. `git archive <commit> | tar -x -C DIR` with node_modules
 * linked in), started the way its main.ts starts it (its warm-up).
 *
 *   npx tsx bench/analysis-curated.ts [--rounds 3] [--baseline /tmp/base]
 *
 * Uses the curated Neo4j of the tests (NEO4J_URI, else a throwaway one) with the curated seed.
 * Each round and mode starts a fresh app (nothing kept for the data revision) and awaits its
 * start-up work, then asks each field at dates no earlier call of that app asked ("first"),
 * then 20 more times at the last ("warm"). The modes alternate field by field, so the machine's
 * load falls on all alike. The baseline field is `factions` (no analysis): the floor of one
 * GraphQL round trip at that moment. The load average is printed with each round.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { Database } from '../server/src/db/database.js';
import { seedDatabase } from '../server/src/seed/load.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ROOT } from '../tests/support/paths.js';
import { gql, startApi } from './lib/api.js';
import { importBuilds, type Mode } from './lib/builds.js';
import { ms, summarize } from './lib/stats.js';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const rounds = Number(arg('--rounds') ?? 3) || 3;
const baseline = arg('--baseline');
const log = (line: string): void => console.log(`[analysis-curated ${new Date().toISOString().slice(11, 19)}] ${line}`);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

const FIELDS: Record<string, (at: string) => string> = {
  'centrality BETWEENNESS': (at) => `{ centrality(at: "${at}", measure: BETWEENNESS, limit: 25) { person { id name } score rank } }`,
  'centrality DEGREE': (at) => `{ centrality(at: "${at}", measure: DEGREE, limit: 25) { person { id name } score rank } }`,
  'centrality PAGERANK': (at) => `{ centrality(at: "${at}", measure: PAGERANK, limit: 25) { person { id name } score rank } }`,
  communities: (at) => `{ communities(at: "${at}") { agreement communities { id factions { faction { id } count } } } }`,
  survival: () => '{ survival { faction { id } points { date atRisk fallen censored survival } } }',
  exposure: (person) => `{ exposure(personId: "${person}") { share fall { id } ties { id } } }`,
  'factions (baseline)': () => '{ factions { id name } }',
};
const DATED = new Set(['centrality BETWEENNESS', 'centrality DEGREE', 'centrality PAGERANK', 'communities']);
/** Years, months and days across the period, as the explorer's slider and permalinks ask. */
const DATES = ['1945-10-10', '1948-02', '1950', '1953-07-27', '1956-08', '1956-08-30', '1957', '1961-09-11'];
const PERSONS = ['choe-chang-ik', 'pak-hon-yong', 'kim-il-sung'];

const MODES: Record<string, Mode> = {
  'this build': { build: ROOT, env: {}, startUp: async (app) => app.warmUpAnalysis().then(() => app.precomputeAnalysis()) },
  'no precompute': { build: ROOT, env: { ATLAS_ANALYSIS_PRECOMPUTE_DATES: '0' }, startUp: (app) => app.warmUpAnalysis() },
};
if (baseline !== undefined) {
  MODES[`baseline ${path.basename(baseline)}`] = { build: path.resolve(baseline), env: {}, startUp: (app) => app.warmUpAnalysis() };
}

const buildOf = await importBuilds(Object.values(MODES));

const neo4j = await startThrowawayNeo4j({ log: (line) => log(`neo4j: ${line}`) });
const db = Database.connect(neo4j.connection);
await seedDatabase(db, path.join(ROOT, 'seed'));
const first: Record<string, number[]> = {};
const warm: Record<string, number[]> = {};
const startUp: Record<string, number[]> = {};
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const [field, query] of Object.entries(FIELDS)) {
      for (const [mode, { build, env, startUp: ready }] of Object.entries(MODES)) {
        const key = `${field} | ${mode}`;
        const api = await startApi(neo4j.connection, env, buildOf(build));
        try {
          const readyStarted = performance.now();
          await ready(api.app);
          (startUp[mode] ??= []).push(performance.now() - readyStarted);
          const asked = DATED.has(field) ? DATES : field === 'exposure' ? PERSONS : [DATES[0]!];
          for (const at of asked) {
            const started = performance.now();
            const body = await gql(api.url, query(at));
            if (body.errors !== undefined) throw new Error(`${key} at ${at}: ${JSON.stringify(body.errors)}`);
            (first[key] ??= []).push(performance.now() - started);
          }
          for (let i = 0; i < 20; i += 1) {
            const started = performance.now();
            await gql(api.url, query(asked[asked.length - 1]!));
            (warm[key] ??= []).push(performance.now() - started);
          }
        } finally {
          await api.close();
        }
      }
    }
    log(`round ${round + 1} of ${rounds} done; load average ${load()}`);
  }
} finally {
  await db.close();
  await neo4j.stop();
}
console.log('| field | mode | first calls: median / p95 / max (ms) | warm median / p95 (ms) |');
console.log('| --- | --- | --- | --- |');
for (const key of Object.keys(first)) {
  const [field, mode] = key.split(' | ');
  const f = summarize(first[key]!);
  const w = summarize(warm[key]!);
  console.log(`| ${field} | ${mode} | ${ms(f.medianMs)} / ${ms(f.p95Ms)} / ${ms(Math.max(...first[key]!))} (n=${f.n}) | ${ms(w.medianMs)} / ${ms(w.p95Ms)} |`);
}
console.log('\n| mode | start-up work awaited before the first call: median / max (ms) |');
console.log('| --- | --- |');
for (const [mode, samples] of Object.entries(startUp))
  console.log(`| ${mode} | ${ms(summarize(samples).medianMs)} / ${ms(Math.max(...samples))} (n=${samples.length}) |`);
