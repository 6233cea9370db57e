/**
 * npx tsx bench/search-scale.ts [--persons 10000,100000] [--iterations 60]
 * Search latency on synthetic data, by kind of text: for each size, loads the synthetic graph
 * (seed 42) into a managed Neo4j of its own (or SYN_NEO4J_URI, which it overwrites), starts the
 * app (response cache off) and times `searchMatches` as the client sends it (limit 10),
 * sequentially, after 20 warm-up rounds over all texts. Texts are picked from the data: a common full name without its
 * number (the scale bench's fixture), a surname alone, the given name's syllables written as one
 * word, the full name with a typo (the fuzzy pass), and a name nobody has. Prints one table;
 * writes nothing. BENCHMARKS.md "Scale" cites it for the search numbers.
 */
import { parseArgs } from 'node:util';
import { Database } from '../server/src/db/database.js';
import { loadSyntheticRows } from '../server/src/seed/load-synthetic.js';
import { generateSyntheticRows } from '../server/src/seed/synthetic.js';
import { gql, startApi } from './lib/api.js';
import { SEARCH_GQL } from './lib/hot-queries.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ms, summarize, time } from './lib/stats.js';

const { values } = parseArgs({
  options: { persons: { type: 'string', default: '10000,100000' }, iterations: { type: 'string', default: '60' } },
  strict: true,
});
const sizes = values.persons.split(',').map((s) => Number(s.trim()));
const iterations = Number(values.iterations);
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Swaps two letters inside the last word: "Hwang Song-Hyop" -> "Hwang Song-Hypo". */
function typo(name: string): string {
  const at = name.length - 2;
  return name.slice(0, at) + name.charAt(at + 1) + name.charAt(at);
}

async function texts(db: Database, persons: number): Promise<Record<string, string>> {
  const result = await db.readCapped(
    'MATCH (p:Person {id: $id}) RETURN p.name AS v',
    { id: `syn-p${Math.floor(persons / 2)}` },
    { timeoutMs: 30_000, maxRows: 1 },
  );
  const name = String(result.rows[0]?.['v'] ?? '').replace(/\s+\d+$/, '');
  const [surname = '', given = ''] = name.split(' ');
  return {
    'full name': name,
    surname,
    'joined given name': given.replace(/-/g, '').toLowerCase(),
    typo: typo(name),
    'no such name': 'Stalin',
  };
}

const rows: string[][] = [];
const neo4j = await startThrowawayNeo4j({ source: 'synthetic', heapMb: 2048, pageCacheMb: 1536, txTimeoutSeconds: 600, log: (line) => log(`neo4j: ${line}`) });
const db = Database.connect(neo4j.connection, { maxPoolSize: 8 });
try {
  for (const persons of sizes) {
    log(`synthetic ${persons}: loading...`);
    const load = await loadSyntheticRows(db, generateSyntheticRows({ persons, seed: 42 }), { seed: 42, persons, batchSize: 5_000, parallel: 2 });
    await db.readCapped('CALL db.awaitIndexes(300)', {}, { timeoutMs: 310_000, maxRows: 1 });
    log(`  loaded ${load.elements.toLocaleString('en-US')} elements in ${load.seconds.toFixed(0)} s`);
    const api = await startApi(neo4j.connection, { ATLAS_RESPONSE_CACHE: 'off' });
    try {
      const picked = Object.entries(await texts(db, persons));
      // A freshly loaded database answers its first requests slowly (caches, JIT): warm every text first.
      for (let round = 0; round < 20; round += 1) for (const [, text] of picked) await gql(api.url, SEARCH_GQL, { text, limit: 10 });
      for (const [kind, text] of picked) {
        const search = () => gql<{ searchMatches: { how: string }[] }>(api.url, SEARCH_GQL, { text, limit: 10 });
        const found = (await search()).data?.searchMatches ?? [];
        const s = summarize(await time(search, { warmup: 5, iterations, maxMs: 90_000 }));
        const hows = [...new Set(found.map((m) => m.how))].join('/');
        log(`  ${kind} "${text}": median ${ms(s.medianMs)} ms, p95 ${ms(s.p95Ms)} ms (n=${s.n}), ${found.length} found ${hows}`);
        rows.push([`${persons / 1000}k`, kind, text, ms(s.medianMs), ms(s.p95Ms), String(s.n), `${found.length} ${hows}`.trim()]);
      }
    } finally {
      await api.close();
    }
  }
} finally {
  await db.close();
  await neo4j.stop();
}
console.log('\n| persons | text | typed | median ms | p95 ms | n | found |\n| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
