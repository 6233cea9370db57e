/**
 * Analysis fields (issue 12): centrality (three measures), communities, survival and exposure,
 * on the curated data and on 100k synthetic persons in a separate Neo4j with Graph Data Science.
 * For each field and date: the first call after the data revision was seen (a fresh app: no
 * projection, no answer kept), then sequential warm calls for the same date (p95). The response
 * cache is off (bench/lib/api.ts), so every call reaches the analysis layer. The first call of
 * all in a fresh JVM also pays for loading GDS's classes; it is reported apart.
 */
import { Database } from '../../server/src/db/database.js';
import { loadSyntheticRows } from '../../server/src/seed/load-synthetic.js';
import { generateSyntheticRows } from '../../server/src/seed/synthetic.js';
import { gql, startApi } from '../lib/api.js';
import type { BenchContext, Section } from '../lib/context.js';
import { startThrowawayNeo4j } from '../../tests/support/neo4j.js';
import { BENCHMARKS_MD, machine, saveJson, table, writeSection } from '../lib/report.js';
import { ms, summarize, time, type Summary } from '../lib/stats.js';

const TARGETS = { warmP95: 300, first: 5_000, curated: 50 } as const;

export interface FieldCall {
  readonly name: string;
  /** One GraphQL request at `at` (survival and exposure take no date). */
  readonly query: (at: string) => string;
  readonly dated: boolean;
}

export function fieldCalls(exposedPersonId: string): FieldCall[] {
  const centrality = (measure: string): FieldCall => ({
    name: `centrality ${measure}`,
    dated: true,
    query: (at) => `{ centrality(at: "${at}", measure: ${measure}, limit: 25) { person { id name } score rank } }`,
  });
  return [
    centrality('BETWEENNESS'),
    centrality('DEGREE'),
    centrality('PAGERANK'),
    { name: 'communities', dated: true, query: (at) => `{ communities(at: "${at}") { agreement communities { id factions { faction { id } count } } } }` },
    { name: 'survival', dated: false, query: () => '{ survival { faction { id } points { date atRisk fallen censored survival } } }' },
    { name: 'exposure', dated: false, query: () => `{ exposure(personId: "${exposedPersonId}") { share fall { id } ties { id } } }` },
    // No analysis at all: the floor of one GraphQL round trip on the machine at that moment.
    { name: 'factions (baseline, no analysis)', dated: false, query: () => '{ factions { id name } }' },
  ];
}

interface FieldResult {
  readonly firstMs: number[];
  readonly warm: Summary;
}

interface SetResult {
  readonly label: string;
  readonly dates: readonly string[];
  /** The very first analysis call in the data set's app (GDS classes loading in a fresh JVM). */
  readonly coldJvmMs: number;
  readonly fields: Record<string, FieldResult | { error: string }>;
}

async function measureSet(
  ctx: BenchContext,
  label: string,
  url: () => Promise<{ url: string; close(): Promise<void> }>,
  dates: readonly string[],
  exposedPersonId: string,
): Promise<SetResult> {
  const plan = ctx.quick ? { warmup: 2, iterations: 15, maxMs: 15_000 } : { warmup: 3, iterations: 40, maxMs: 30_000 };
  const fields: Record<string, FieldResult | { error: string }> = {};
  // One app per data set: its first call is the first GDS call of the JVM.
  const warmApp = await url();
  const coldStarted = performance.now();
  await gql(warmApp.url, `{ centrality(at: "${dates[0]}", measure: DEGREE, limit: 1) { score } }`);
  const coldJvmMs = performance.now() - coldStarted;
  ctx.log(`  ${label}: first analysis call of the JVM ${ms(coldJvmMs)} ms`);
  await warmApp.close();
  for (const call of fieldCalls(exposedPersonId)) {
    try {
      // A fresh app: nothing kept for this revision (projections are per app, answers too).
      const app = await url();
      try {
        const firstMs: number[] = [];
        for (const at of call.dated ? dates : [dates[0]!]) {
          const started = performance.now();
          await gql(app.url, call.query(at));
          firstMs.push(performance.now() - started);
        }
        const at = dates[dates.length - 1]!;
        const warm = summarize(await time(() => gql(app.url, call.query(at)), plan));
        fields[call.name] = { firstMs, warm };
        ctx.log(
          `  ${label} ${call.name}: first ${firstMs.map((v) => ms(v)).join(' / ')} ms; warm median ${ms(warm.medianMs)}, p95 ${ms(warm.p95Ms)} ms (n=${warm.n})`,
        );
      } finally {
        await app.close();
      }
    } catch (error) {
      fields[call.name] = { error: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
      ctx.log(`  ${label} ${call.name}: FAILED ${(error as Error).message.slice(0, 200)}`);
    }
  }
  return { label, dates, coldJvmMs, fields };
}

export async function fallenPerson(db: Database): Promise<string> {
  const result = await db.readCapped(
    "MATCH (p:Person)-[:PARTICIPATED_IN {role: 'TARGET'}]->(e:Event) WHERE e.kind IN ['EXPULSION', 'ARREST', 'EXECUTION'] AND COUNT { (p)-[:TIE]-() } >= 5 RETURN p.id AS v ORDER BY p.id LIMIT 1",
    {},
    { timeoutMs: 60_000, maxRows: 1 },
  );
  const id = result.rows[0]?.['v'];
  if (typeof id !== 'string') throw new Error('no fallen person with ties in the data');
  return id;
}

export const analysis: Section = {
  name: 'analysis',
  title: 'Analysis fields (centrality, communities, survival, exposure) at the curated size and at 100k persons',
  async run(ctx: BenchContext) {
    const results: SetResult[] = [];
    const curated = await ctx.curated();
    const curatedDates = ['1950', '1956-08', '1957'];
    results.push(await measureSet(ctx, 'curated', () => startApi(curated.neo4j.connection), curatedDates, 'choe-chang-ik'));
    saveJson('analysis', results);

    const persons = ctx.quick ? 10_000 : 100_000;
    const neo4j = await startThrowawayNeo4j({
      source: 'synthetic',
      heapMb: 2048,
      pageCacheMb: 1024,
      txTimeoutSeconds: 600,
      log: (line) => ctx.log(`  synthetic neo4j: ${line}`),
    });
    const db = Database.connect(neo4j.connection, { maxPoolSize: 8 });
    try {
      // A synthetic database given by SYN_NEO4J_URI that already holds this many persons is used as it is.
      const held = await db.readCapped('MATCH (p:Person) RETURN count(p) AS v', {}, { timeoutMs: 60_000, maxRows: 1 });
      if (held.rows[0]?.['v'] === persons) {
        ctx.log(`  the synthetic database already holds ${persons} persons; not loading again`);
      } else {
        const rows = generateSyntheticRows({ persons, seed: 42 });
        const load = await loadSyntheticRows(db, rows, { seed: 42, persons, batchSize: 5_000, parallel: 2, onProgress: (line) => ctx.log(`  ${line}`) });
        ctx.log(`  loaded ${load.elements.toLocaleString('en-US')} elements in ${load.seconds.toFixed(1)} s`);
      }
      await db.readCapped('CALL db.awaitIndexes(300)', {}, { timeoutMs: 310_000, maxRows: 1 });
      const exposed = await fallenPerson(db);
      results.push(await measureSet(ctx, `synthetic ${persons / 1000}k`, () => startApi(neo4j.connection), ['1950', '1956-08', '1962'], exposed));
    } finally {
      await db.close();
      await neo4j.stop();
    }
    saveJson('analysis', results);
    writeSection(BENCHMARKS_MD, 'analysis', render(results));
  },
};

function verdict(label: string, result: FieldResult): string {
  const [firstLimit, warmLimit] = label === 'curated' ? [TARGETS.curated, TARGETS.curated] : [TARGETS.first, TARGETS.warmP95];
  const over = [...(Math.max(...result.firstMs) > firstLimit ? ['first over'] : []), ...(result.warm.p95Ms > warmLimit ? ['warm over'] : [])];
  return over.length === 0 ? 'met' : over.join(', ');
}

function render(results: readonly SetResult[]): string {
  const rows = results.flatMap((set) =>
    Object.entries(set.fields).map(([name, r]) => {
      if ('error' in r) return [set.label, name, `failed: ${r.error.slice(0, 80)}`, '', '', ''];
      return [set.label, name, r.firstMs.map((v) => ms(v)).join(' / '), ms(r.warm.medianMs), ms(r.warm.p95Ms), verdict(set.label, r)];
    }),
  );
  const cold = results.map((set) => `${set.label}: ${ms(set.coldJvmMs)} ms`).join('; ');
  return [
    `Measured with \`npm run bench -- --only analysis\` (${machine()}). Each field runs in a fresh app (nothing kept for the data revision): "first" is its first call at each date (${results.map((s) => `${s.label}: ${s.dates.join(', ')}`).join('; ')}; survival and exposure take no date), then sequential calls at the last date ("warm", the answer kept for the revision). The response cache is off. Targets: curated every call <= ${TARGETS.curated} ms; 100k first call <= ${TARGETS.first / 1000} s, warm p95 <= ${TARGETS.warmP95} ms. The first analysis call of a fresh JVM, which also loads Graph Data Science's classes: ${cold}.`,
    '',
    table(['data', 'field', 'first call per date (ms)', 'warm median (ms)', 'warm p95 (ms)', 'target'], rows),
  ].join('\n');
}
