/**
 * Two builds of the app, one network(at) bench: p95 of two versions measured in the same minutes.
 *
 *   npx tsx bench/network-side-by-side.ts serve --ready FILE --stop FILE [--persons 100000] [--cpu-prof FILE] [--skip-load]
 *   npx tsx bench/network-side-by-side.ts drive --urls URL_A,URL_B [--labels old,new] [--rounds 150]
 *
 * `serve` (run in each checkout, one after the other): loads the synthetic graph (seed 42) into a
 * managed Neo4j of its own with the scale bench's settings, starts that checkout's API (response
 * cache off), writes {url, load figures} as JSON to the --ready file and keeps serving until the
 * --stop file exists (or SIGINT/SIGTERM); then stops the API and Neo4j. Before serving it logs a
 * PROFILE of cypher/queries/network.cypher with the parameters the resolver sends for that row.
 * --cpu-prof FILE writes a V8 CPU profile of the serving phase (the API's request handling; open it
 * in Chrome DevTools or summarise it with bench/cpu-profile-top.ts). --skip-load serves this
 * checkout's API on a Neo4j that already holds the data (SYN_NEO4J_URI, SYN_NEO4J_PASSWORD: the
 * `bolt` entry of another serve's ready file), so changed code can be measured without a reload.
 * `drive` (from either checkout): sends NETWORK_GQL (bench/lib/hot-queries.ts, the scale
 * section's network(at) row: 1956-08, no faction filter, the default page) to both APIs
 * interleaved round by round (A, B, A, B, ...) after 20 warm-up rounds, so load on this shared
 * machine falls on both alike, and prints median / p95 of each and the ratios B / A.
 * Writes nothing else. BENCHMARKS.md "Time model (issue 10)" cites it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import neo4jDriver, { type ResultSummary } from 'neo4j-driver';
import { cypher } from '../server/src/db/cypher-files.js';
import { Database, toDriverParams, type Connection } from '../server/src/db/database.js';
import { loadSyntheticRows } from '../server/src/seed/load-synthetic.js';
import { countRows } from '../server/src/seed/rows.js';
import { generateSyntheticRows } from '../server/src/seed/synthetic.js';
import { gql, startApi } from './lib/api.js';
import { NETWORK_GQL, networkParams } from './lib/hot-queries.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ms, ratio, timeInterleaved } from './lib/stats.js';

/** A PROFILE plan's node: neo4j-driver does not export the QueryProfile type by name. */
type QueryProfile = Exclude<ResultSummary['queryProfile'], false>;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ready: { type: 'string' },
    stop: { type: 'string' },
    persons: { type: 'string', default: '100000' },
    urls: { type: 'string' },
    labels: { type: 'string', default: 'old,new' },
    rounds: { type: 'string', default: '150' },
    'cpu-prof': { type: 'string' },
    'skip-load': { type: 'boolean', default: false },
  },
  strict: true,
});
/** Starts the V8 sampling profiler on this process (the API runs in it): the serving phase only, not the load. */
async function startCpuProfile(): Promise<{ stop(): Promise<unknown> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const NETWORK_VARIABLES = { at: '1956-08', factionIds: null };

/** PROFILE of cypher/queries/network.cypher with the resolver's parameters for NETWORK_VARIABLES: operators, rows, db hits. */
async function profileNetwork(connection: Connection): Promise<void> {
  const driver = neo4jDriver.driver(connection.uri, neo4jDriver.auth.basic(connection.user, connection.password));
  try {
    const params = toDriverParams(networkParams(NETWORK_VARIABLES.at, NETWORK_VARIABLES.factionIds)) as Record<string, unknown>;
    for (let i = 0; i < 5; i += 1) await driver.executeQuery(cypher('queries/network'), params);
    const result = await driver.executeQuery(`PROFILE ${cypher('queries/network')}`, params);
    const plan = result.summary.queryProfile;
    if (plan === false) throw new Error('Neo4j returned no profile');
    let total = 0;
    const print = (node: QueryProfile, depth: number): void => {
      total += node.dbHits ?? 0;
      log(
        `  ${'  '.repeat(depth)}${node.operatorType.split('@')[0]} rows=${node.rows ?? '?'} dbHits=${node.dbHits ?? '?'}  ${(node.arguments['Details'] ?? '').slice(0, 110)}`,
      );
      for (const child of node.children ?? []) print(child, depth + 1);
    };
    log(
      `PROFILE queries/network ${JSON.stringify(NETWORK_VARIABLES)}: available after ${result.summary.resultAvailableAfter.toString()} ms, consumed after ${result.summary.resultConsumedAfter.toString()} ms`,
    );
    print(plan, 0);
    log(`PROFILE total db hits (top-level plan; subquery expressions count inside their operator): ${total}`);
  } finally {
    await driver.close();
  }
}

async function loadSynthetic(
  db: Database,
  persons: number,
): Promise<{ generatedSeconds: number; elements: number; seconds: number; elementsPerSecond: number }> {
  const generated = performance.now();
  const rows = generateSyntheticRows({ persons, seed: 42 });
  const generatedSeconds = (performance.now() - generated) / 1000;
  log(`synthetic ${persons}: generated ${countRows(rows).toLocaleString('en-US')} elements in ${generatedSeconds.toFixed(1)} s; loading...`);
  const load = await loadSyntheticRows(db, rows, { seed: 42, persons, batchSize: 5_000, parallel: 2, onProgress: (line) => log(`  ${line}`) });
  log(
    `loaded ${load.elements.toLocaleString('en-US')} elements in ${load.seconds.toFixed(1)} s = ${Math.round(load.elementsPerSecond).toLocaleString('en-US')} elements/s`,
  );
  return { generatedSeconds, elements: load.elements, seconds: load.seconds, elementsPerSecond: load.elementsPerSecond };
}

async function serve(readyFile: string, stopFile: string, persons: number, cpuProfile: string | undefined, skipLoad: boolean): Promise<void> {
  const neo4j = await startThrowawayNeo4j({
    source: 'synthetic',
    heapMb: 2048,
    pageCacheMb: 1536,
    txTimeoutSeconds: 600,
    log: (line) => log(`neo4j: ${line}`),
  });
  const db = Database.connect(neo4j.connection, { maxPoolSize: 8 });
  try {
    const load = skipLoad ? null : await loadSynthetic(db, persons);
    await db.readCapped('CALL db.awaitIndexes(300)', {}, { timeoutMs: 310_000, maxRows: 1 });
    await profileNetwork(neo4j.connection);
    const api = await startApi(neo4j.connection);
    try {
      // The Bolt connection too, so that a later `serve --skip-load` (SYN_NEO4J_URI...) can serve other code on this data.
      writeFileSync(readyFile, JSON.stringify({ url: api.url, persons, load, jvmPid: neo4j.pid(), bolt: neo4j.connection }));
      log(`serving at ${api.url}; waiting for ${stopFile}`);
      const profiler = cpuProfile === undefined ? undefined : await startCpuProfile();
      let stopping = false;
      const stop = (): void => {
        stopping = true;
      };
      process.once('SIGINT', stop).once('SIGTERM', stop);
      while (!stopping && !existsSync(stopFile)) await new Promise((resolve) => setTimeout(resolve, 500));
      if (profiler !== undefined && cpuProfile !== undefined) {
        writeFileSync(cpuProfile, JSON.stringify(await profiler.stop()));
        log(`CPU profile of the serving phase written to ${cpuProfile}`);
      }
    } finally {
      await api.close();
    }
  } finally {
    await db.close();
    await neo4j.stop();
  }
  log('stopped');
}

interface NetworkAnswer {
  network: { persons: unknown[]; ties: unknown[]; events: unknown[] };
}

async function drive(urls: readonly string[], labels: readonly string[], rounds: number): Promise<void> {
  if (urls.length !== 2 || labels.length !== 2) throw new Error('drive takes --urls A,B and --labels a,b');
  for (const [i, url] of urls.entries()) {
    const answer = await gql<NetworkAnswer>(url, NETWORK_GQL, NETWORK_VARIABLES);
    const n = answer.data?.network;
    log(`${labels[i]} (${url}): ${n?.persons.length ?? 0} persons, ${n?.ties.length ?? 0} ties, ${n?.events.length ?? 0} events on the page`);
  }
  const variants = Object.fromEntries(urls.map((url, i) => [labels[i]!, () => gql(url, NETWORK_GQL, NETWORK_VARIABLES)]));
  const result = await timeInterleaved(variants, { warmup: 20, iterations: rounds, maxMs: 300_000 });
  const [a, b] = labels.map((label) => result[label]!);
  for (const label of labels)
    log(`${label}: median ${ms(result[label]!.medianMs)} ms, p95 ${ms(result[label]!.p95Ms)} ms, mean ${ms(result[label]!.meanMs)} ms (n=${result[label]!.n})`);
  log(`${labels[1]}/${labels[0]}: median ${ratio(b!.medianMs, a!.medianMs)}, p95 ${ratio(b!.p95Ms, a!.p95Ms)}, mean ${ratio(b!.meanMs, a!.meanMs)}`);
  console.log(JSON.stringify(result));
}

const [mode] = positionals;
if (mode === 'serve') {
  if (values.ready === undefined || values.stop === undefined) throw new Error('serve needs --ready FILE and --stop FILE');
  await serve(values.ready, values.stop, Number(values.persons), values['cpu-prof'], values['skip-load']);
} else if (mode === 'drive') {
  if (values.urls === undefined) throw new Error('drive needs --urls URL_A,URL_B');
  await drive(values.urls.split(','), values.labels.split(','), Number(values.rounds));
} else {
  throw new Error('usage: network-side-by-side.ts serve --ready FILE --stop FILE [--persons N] | drive --urls A,B [--labels a,b] [--rounds N]');
}
