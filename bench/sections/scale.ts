/**
 * Scale: the curated data, then synthetic 10k and 100k persons (about 10 ties each) in a
 * separate Neo4j. Seed-load throughput (elements/s, the synthetic loader's own figure) and
 * GraphQL latency of each hot query at each size.
 */
import { Database } from '../../server/src/db/database.js';
import { loadSyntheticRows } from '../../server/src/seed/load-synthetic.js';
import { countRows } from '../../server/src/seed/rows.js';
import { NETWORK_PAGE } from '../../server/src/graphql/resolvers/frames.js';
import { generateSyntheticRows } from '../../server/src/seed/synthetic.js';
import { startApi } from '../lib/api.js';
import type { BenchContext, Section } from '../lib/context.js';
import { CURATED_FIXTURE, hotQueries, type Fixture, type HotQuery } from '../lib/hot-queries.js';
import { startThrowawayNeo4j } from '../../tests/support/neo4j.js';
import { BENCHMARKS_MD, saveJson, table, writeSection } from '../lib/report.js';
import { ms, time, summarize, type Summary } from '../lib/stats.js';

const P95_TARGET = 100;
const LOAD_TARGET = 20_000;

interface SizeResult {
  readonly label: string;
  readonly persons: number;
  readonly load: { elements: number; seconds: number; elementsPerSecond: number } | null;
  /** The same data loaded again into the same (now warm) JVM: the first load's JIT warm-up cost, made visible. */
  readonly reload?: { elements: number; seconds: number; elementsPerSecond: number } | null;
  readonly latency: Record<string, Summary | { error: string }>;
}

/** Picks the synthetic fixture from the data itself: a mid-range person, a purge target, a name. */
async function syntheticFixture(db: Database, persons: number): Promise<Fixture> {
  const one = async (text: string, params: Record<string, unknown> = {}): Promise<string> => {
    const result = await db.readCapped(text, params, { timeoutMs: 30_000, maxRows: 1 });
    const value = result.rows[0]?.['v'];
    if (typeof value !== 'string') throw new Error(`no fixture for: ${text}`);
    return value;
  };
  const personId = `syn-p${Math.floor(persons / 2)}`;
  const name = await one('MATCH (p:Person {id: $id}) RETURN p.name AS v', { id: personId });
  const chainPersonId = await one(
    "MATCH (:Person)-[:PARTICIPATED_IN {role: 'ACCUSER'}]->(m:Event {kind: 'MEETING'})<-[:PARTICIPATED_IN {role: 'TARGET'}]-(t:Person) " +
      'WITH t, count(*) AS accusers ORDER BY accusers DESC, t.id LIMIT 1 RETURN t.id AS v',
  );
  // "Kim Il-Song 50000": the name without its disambiguating number, as someone would type it.
  return { at: '1956-08', searchText: name.replace(/\s+\d+$/, ''), personId, chainPersonId, factionIds: null };
}

function variants(fixture: Fixture): HotQuery[] {
  const queries = hotQueries(fixture);
  const filtered = hotQueries({ ...fixture, factionIds: ['yanan-volunteer-army'] })[0]!;
  return [...queries, { ...filtered, name: 'network(at, one sub-group)' }];
}

async function measure(ctx: BenchContext, url: string, queries: readonly HotQuery[]): Promise<Record<string, Summary | { error: string }>> {
  const plan = ctx.quick ? { warmup: 3, iterations: 15, maxMs: 15_000 } : { warmup: 5, iterations: 60, maxMs: 45_000 };
  const out: Record<string, Summary | { error: string }> = {};
  // network(at) goes last, as in earlier runs (when it still exhausted memory at 100k), so the
  // rows stay comparable: the first query after the bulk load finds Neo4j's caches colder.
  const ordered = [...queries.filter((q) => q.name !== 'network(at)'), ...queries.filter((q) => q.name === 'network(at)')];
  for (const query of ordered) {
    try {
      const summary = summarize(await time(() => query.graphql(url), plan));
      out[query.name] = summary;
      ctx.log(`  ${query.name}: median ${ms(summary.medianMs)} ms, p95 ${ms(summary.p95Ms)} ms (n=${summary.n})`);
    } catch (error) {
      out[query.name] = { error: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
      ctx.log(`  ${query.name}: FAILED ${(error as Error).message.slice(0, 200)}`);
    }
  }
  return out;
}

export const scale: Section = {
  name: 'scale',
  title: 'Scale (curated, synthetic 10k and 100k persons)',
  async run(ctx: BenchContext) {
    const results: SizeResult[] = [];
    const curated = await ctx.curated();
    ctx.log('curated data:');
    const curatedQueries = variants(CURATED_FIXTURE).filter((q) => q.name !== 'network(at, one sub-group)');
    results.push({ label: 'curated', persons: 75, load: null, latency: await measure(ctx, curated.api.url, curatedQueries) });

    const sizes = ctx.quick ? [10_000] : [10_000, 100_000];
    const neo4j = await startThrowawayNeo4j({
      source: 'synthetic',
      heapMb: 2048,
      pageCacheMb: 1536,
      txTimeoutSeconds: 600,
      log: (line) => ctx.log(`  synthetic neo4j: ${line}`),
    });
    const db = Database.connect(neo4j.connection, { maxPoolSize: 8 });
    try {
      for (const persons of sizes) {
        const generated = performance.now();
        const rows = generateSyntheticRows({ persons, seed: 42 });
        ctx.log(
          `synthetic ${persons}: generated ${countRows(rows).toLocaleString('en-US')} elements in ${((performance.now() - generated) / 1000).toFixed(1)} s; loading...`,
        );
        const load = await loadSyntheticRows(db, rows, { seed: 42, persons, batchSize: 5_000, parallel: 2, onProgress: (line) => ctx.log(`  ${line}`) });
        ctx.log(
          `  loaded ${load.elements.toLocaleString('en-US')} elements in ${load.seconds.toFixed(1)} s = ${Math.round(load.elementsPerSecond).toLocaleString('en-US')} elements/s`,
        );
        // The first load runs in a JVM that has only just started, so at 10k most of its time is
        // JIT compilation; loading the same rows again shows what the loader does once warm.
        const reload =
          persons === sizes[0]
            ? await loadSyntheticRows(db, rows, { seed: 42, persons, batchSize: 5_000, parallel: 2, onProgress: (line) => ctx.log(`  ${line}`) })
            : null;
        if (reload !== null)
          ctx.log(
            `  loaded again (warm JVM): ${reload.elements.toLocaleString('en-US')} elements in ${reload.seconds.toFixed(1)} s = ${Math.round(reload.elementsPerSecond).toLocaleString('en-US')} elements/s`,
          );
        await db.readCapped('CALL db.awaitIndexes(300)', {}, { timeoutMs: 310_000, maxRows: 1 });
        const fixture = await syntheticFixture(db, persons);
        ctx.log(`  fixture: ${JSON.stringify(fixture)}`);
        const api = await startApi(neo4j.connection);
        try {
          results.push({
            label: `synthetic ${persons / 1000}k`,
            persons,
            load: { elements: load.elements, seconds: load.seconds, elementsPerSecond: load.elementsPerSecond },
            reload: reload === null ? null : { elements: reload.elements, seconds: reload.seconds, elementsPerSecond: reload.elementsPerSecond },
            latency: await measure(ctx, api.url, variants(fixture)),
          });
        } finally {
          await api.close();
        }
        const pid = neo4j.pid();
        const alive =
          pid !== null &&
          (() => {
            try {
              process.kill(pid, 0);
              return true;
            } catch {
              return false;
            }
          })();
        ctx.log(`  synthetic Neo4j JVM ${pid ?? '(external)'} alive after the queries: ${alive}`);
        saveJson('scale', results);
      }
    } finally {
      await db.close();
      await neo4j.stop();
    }
    saveJson('scale', results);
    writeSection(BENCHMARKS_MD, 'scale', render(results));
  },
};

function render(results: readonly SizeResult[]): string {
  const names = [...new Set(results.flatMap((r) => Object.keys(r.latency)))];
  const latency = table(
    ['query', ...results.map((r) => `${r.label} median / p95`)],
    names.map((name) => [
      name,
      ...results.map((r) => {
        const s = r.latency[name];
        if (s === undefined) return '';
        if ('error' in s) {
          if (s.error.includes('memory limit')) return 'refused: QUERY_REJECTED (over the transaction memory limit)';
          return `failed: ${s.error.includes('DATABASE_UNAVAILABLE') ? 'DATABASE_UNAVAILABLE' : s.error.slice(0, 80)}`;
        }
        return `${ms(s.medianMs)} / ${ms(s.p95Ms)}${r.persons >= 100_000 && s.p95Ms > P95_TARGET ? ' (over)' : ''}`;
      }),
    ]),
  );
  const loadRows = results.flatMap((r) => [
    ...(r.load === null ? [] : [{ label: r.label, load: r.load }]),
    ...(r.reload === undefined || r.reload === null ? [] : [{ label: `${r.label}, loaded again (warm JVM)`, load: r.reload }]),
  ]);
  const loads = table(
    ['data set', 'elements', 'load time (s)', 'elements/s', `target >= ${LOAD_TARGET.toLocaleString('en-US')}/s`],
    loadRows.map(({ label, load }) => [
      label,
      load.elements.toLocaleString('en-US'),
      load.seconds.toFixed(1),
      Math.round(load.elementsPerSecond).toLocaleString('en-US'),
      load.elementsPerSecond >= LOAD_TARGET ? 'met' : `missed by ${((1 - load.elementsPerSecond / LOAD_TARGET) * 100).toFixed(0)}%`,
    ]),
  );
  const network = `Both network rows are the first page at the default page size (\`first\` = ${NETWORK_PAGE.first} persons, with their ties and events, as bench/lib/hot-queries.ts NETWORK_GQL asks).`;
  return `GraphQL latency in ms (sequential requests; "(over)" marks a p95 above the ${P95_TARGET} ms target at 100k). ${network}\n\n${latency}\n\nSeed load (synthetic loader, server/src/seed/load-synthetic.ts: batches of 5,000 rows, 2 at a time; timed from the first row written until every index and constraint of cypher/indexes is online; elements = nodes + relationships). The first 10k load is the first work of a freshly started Neo4j JVM; the 100k load follows the 10k loads and queries in the same JVM:\n\n${loads}`;
}
