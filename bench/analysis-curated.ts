/**
 * Analysis calls at the curated size, first calls included, side by side in one run: the server
 * as it starts (warm-up done, centrality of small networks computed in the server) against the
 * same server with centrality always computed by GDS (ATLAS_ANALYSIS_IN_PROCESS_PAIRS=0).
 *
 *   npx tsx bench/analysis-curated.ts [--rounds 3]
 *
 * Uses the curated Neo4j of the tests (NEO4J_URI, else a throwaway one) with the curated seed.
 * Each round and mode starts a fresh app (nothing kept for the data revision) and awaits its
 * start-up warm-up (App.warmUpAnalysis, what server/src/main.ts runs once it listens), then asks
 * each field at dates no earlier call asked ("first"), then 20 more times at the last ("warm").
 * The modes alternate field by field, so the machine's load falls on both alike. The baseline
 * is `factions` (no analysis): the floor of one GraphQL round trip at that moment.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../server/src/app.js';
import { Database } from '../server/src/db/database.js';
import { seedDatabase } from '../server/src/seed/load.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ROOT } from '../tests/support/paths.js';
import { configFor, gql } from './lib/api.js';
import { ms, summarize } from './lib/stats.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 3) || 3;
const log = (line: string): void => console.log(`[analysis-curated ${new Date().toISOString().slice(11, 19)}] ${line}`);

const FIELDS: Record<string, (at: string) => string> = {
  'centrality BETWEENNESS': (at) => `{ centrality(at: "${at}", measure: BETWEENNESS, limit: 25) { person { id name } score rank } }`,
  'centrality DEGREE': (at) => `{ centrality(at: "${at}", measure: DEGREE, limit: 25) { person { id name } score rank } }`,
  'centrality PAGERANK': (at) => `{ centrality(at: "${at}", measure: PAGERANK, limit: 25) { person { id name } score rank } }`,
  communities: (at) => `{ communities(at: "${at}") { agreement communities { id factions { faction { id } count } } } }`,
  survival: () => '{ survival { faction { id } points { date atRisk fallen censored survival } } }',
  exposure: () => '{ exposure(personId: "choe-chang-ik") { share fall { id } ties { id } } }',
  'factions (baseline)': () => '{ factions { id name } }',
};
const DATED = new Set(['centrality BETWEENNESS', 'centrality DEGREE', 'centrality PAGERANK', 'communities']);
const DATES = ['1950', '1956-08', '1957', '1961-09-11'];
const MODES = { 'in the server': {}, 'GDS only': { ATLAS_ANALYSIS_IN_PROCESS_PAIRS: '0' } } as const;

const neo4j = await startThrowawayNeo4j({ log: (line) => log(`neo4j: ${line}`) });
const db = Database.connect(neo4j.connection);
await seedDatabase(db, path.join(ROOT, 'seed'));
const first: Record<string, number[]> = {};
const warm: Record<string, number[]> = {};
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const [field, query] of Object.entries(FIELDS)) {
      for (const [mode, extra] of Object.entries(MODES)) {
        const key = `${field} | ${mode}`;
        const appDb = Database.connect(neo4j.connection);
        const app = await createApp({ config: configFor(neo4j.connection, extra), db: appDb });
        const server: Server = await new Promise((resolve) => {
          const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
        });
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
        try {
          await app.warmUpAnalysis();
          for (const at of DATED.has(field) ? DATES : [DATES[0]!]) {
            const started = performance.now();
            await gql(url, query(at));
            (first[key] ??= []).push(performance.now() - started);
          }
          for (let i = 0; i < 20; i += 1) {
            const started = performance.now();
            await gql(url, query(DATES[DATES.length - 1]!));
            (warm[key] ??= []).push(performance.now() - started);
          }
        } finally {
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await app.stop();
          await appDb.close();
        }
      }
    }
    log(`round ${round + 1} of ${rounds} done`);
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
