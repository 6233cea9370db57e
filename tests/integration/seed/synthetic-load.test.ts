/**
 * The synthetic bulk loader against its own throwaway Neo4j (never the suite's shared one, which
 * holds curated data): a small graph loads with exactly the generator's elements and the same
 * properties the curated loader would write, a re-load wipes and replaces it, and the schema it
 * defers during the load is complete and online afterwards.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../../server/src/db/cypher-files.js';
import { Database } from '../../../server/src/db/database.js';
import type { Plain } from '../../../server/src/db/values.js';
import { startThrowawayNeo4j, TEST_QUICK_START, type ThrowawayNeo4j } from '../../support/neo4j.js';
import { canonicalJson, summarizeCuratedGraph } from '../../../server/src/seed/checksum.js';
import { CREATE_STEPS, loadSyntheticRows } from '../../../server/src/seed/load-synthetic.js';
import { countRows, type GraphRows, type NodeRow, type RelationshipRow } from '../../../server/src/seed/rows.js';
import { generateSyntheticRows } from '../../../server/src/seed/synthetic.js';
import { ROOT_DIR } from '../../setup/database.js';

/** Labels and types as the create queries write them, per row kind. */
function graphName(key: keyof GraphRows): string {
  const text = readFileSync(path.join(ROOT_DIR, 'cypher', `${CREATE_STEPS.find((step) => step.key === key)!.query}.cypher`), 'utf8');
  const match = /CREATE \((?:n|a\)-\[):(\w+) \{/.exec(text);
  if (match === null) throw new Error(`no label in the create query for ${key}`);
  return match[1]!;
}

/** What summarizeCuratedGraph should find for these rows: null properties absent, days as ISO strings. */
function expectedSummary(rows: GraphRows): { counts: Record<string, number>; checksum: string } {
  const lines: string[] = [];
  const counts: Record<string, number> = {};
  for (const step of CREATE_STEPS) {
    const name = graphName(step.key);
    counts[name] = rows[step.key].length;
    for (const row of rows[step.key] as readonly (NodeRow | RelationshipRow)[]) {
      const properties: Record<string, Plain> = {};
      for (const [key, value] of Object.entries({ ...row.props, ...row.dates })) if (value !== null) properties[key] = value;
      if ('from' in row) lines.push(`R ${name} ${row.from} ${row.to} ${canonicalJson(properties)}`);
      else lines.push(`N ${name} ${canonicalJson(properties)}`);
    }
  }
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return { counts, checksum: hash.digest('hex') };
}

/** Index and constraint names declared in cypher/indexes. */
function schemaNames(): string[] {
  const dir = path.join(ROOT_DIR, 'cypher/indexes');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .flatMap((file) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/g)].map((m) => m[1]!),
    );
}

describe('synthetic bulk loader', () => {
  let neo4j: ThrowawayNeo4j;
  let db: Database;

  beforeAll(async () => {
    // A throwaway instance of its own (never NEO4J_URI), never the suite's database.
    neo4j = await startThrowawayNeo4j({ source: 'fresh', quickStart: TEST_QUICK_START, log: (line) => console.log(`[synthetic neo4j] ${line}`) });
    db = Database.connect(neo4j.connection, { maxPoolSize: 8 });
  }, 240_000);

  afterAll(async () => {
    await db?.close();
    await neo4j?.stop();
  });

  it('loads exactly the generated graph, with the curated properties, and rebuilds the deferred schema', async () => {
    const rows = generateSyntheticRows({ persons: 500, seed: 7 });
    const result = await loadSyntheticRows(db, rows, { seed: 7, persons: 500, batchSize: 700, parallel: 2 });
    expect(result.elements).toBe(countRows(rows));
    const summary = await db.readTransaction((tx) => summarizeCuratedGraph(tx));
    const expected = expectedSummary(rows);
    expect(summary.counts).toEqual(expected.counts);
    expect(summary.nodes + summary.relationships).toBe(countRows(rows));
    expect(summary.checksum).toBe(expected.checksum);

    const states = new Map((await db.read('synthetic/index-states')).map((row) => [String(row['name']), String(row['state'])]));
    for (const name of schemaNames()) expect([name, states.get(name)]).toEqual([name, 'ONLINE']);
  }, 120_000);

  it('finds end nodes by element id: no index look-up and no scan in a relationship query', async () => {
    for (const step of CREATE_STEPS.filter((candidate) => candidate.ends !== undefined)) {
      const plan = await db.explain(cypher(step.query), { batch: { rows: [], c: [], starts: [], ends: [], dates: [] } });
      expect([step.query, plan.operators.filter((operator) => operator === 'NodeByElementIdSeek').length]).toEqual([step.query, 2]);
      expect(plan.operators.filter((operator) => /Scan|IndexSeek|Sort/.test(operator))).toEqual([]);
    }
  }, 60_000);

  it('refuses a relationship whose end node was not created, before sending its batch', async () => {
    const rows = generateSyntheticRows({ persons: 60, seed: 9 });
    const [first, ...rest] = rows.ties;
    const broken = { ...rows, ties: [{ ...first!, to: 'syn-p-nobody' }, ...rest] };
    await expect(loadSyntheticRows(db, broken, { seed: 9, persons: 60 })).rejects.toThrow(/TIE: end node syn-p-nobody is not among the persons created/);
    // Every TIE batch is checked before it is sent: the one batch of ties was never written.
    const summary = await db.readTransaction((tx) => summarizeCuratedGraph(tx));
    expect(summary.counts['TIE'] ?? 0).toBe(0);
  }, 120_000);

  it('a second load wipes the first and ends with only the new graph', async () => {
    const rows = generateSyntheticRows({ persons: 300, seed: 8 });
    await loadSyntheticRows(db, rows, { seed: 8, persons: 300 });
    const summary = await db.readTransaction((tx) => summarizeCuratedGraph(tx));
    expect(summary.checksum).toBe(expectedSummary(rows).checksum);
  }, 120_000);
});
