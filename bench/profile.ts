/**
 * npx tsx bench/profile.ts <query file, e.g. queries/network> '<params as JSON>' [--data synthetic:N]
 * PROFILEs one named query from cypher/ on a fresh curated Neo4j (or NEO4J_URI) and prints the
 * plan: operators with rows, db hits and time, the evidence BENCHMARKS.md cites for a missed target.
 */
import path from 'node:path';
import neo4j, { type ResultSummary } from 'neo4j-driver';
import { cypher } from '../server/src/db/cypher-files.js';
import { Database, toDriverParams } from '../server/src/db/database.js';
import { seedDatabase } from '../server/src/seed/load.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ROOT } from '../tests/support/paths.js';

/** A PROFILE plan's node: neo4j-driver does not export the QueryProfile type by name. */
type QueryProfile = Exclude<ResultSummary['queryProfile'], false>;

function print(node: QueryProfile, depth = 0): void {
  const args: Record<string, unknown> = node.arguments;
  const time = typeof args['Time'] === 'object' ? Number(args['Time']) : Number(args['Time'] ?? 0);
  const details = String(args['Details'] ?? '').slice(0, 110);
  console.log(
    `${'  '.repeat(depth)}${node.operatorType.split('@')[0]} rows=${node.rows ?? '?'} dbHits=${node.dbHits ?? '?'}${time ? ` time=${(time / 1e6).toFixed(1)}ms` : ''}  ${details}`,
  );
  for (const child of node.children ?? []) print(child, depth + 1);
}

const [name, paramsText = '{}'] = process.argv.slice(2);
if (name === undefined) throw new Error('usage: npx tsx bench/profile.ts <queries/name> [params JSON]');
const instance = await startThrowawayNeo4j({ log: () => undefined });
const db = Database.connect(instance.connection);
try {
  await seedDatabase(db, path.join(ROOT, 'seed'));
  const driver = neo4j.driver(instance.connection.uri, neo4j.auth.basic(instance.connection.user, instance.connection.password));
  const params = toDriverParams(JSON.parse(paramsText)) as Record<string, unknown>;
  for (let i = 0; i < 5; i += 1) await driver.executeQuery(cypher(name), params);
  const started = performance.now();
  const result = await driver.executeQuery(`PROFILE ${cypher(name)}`, params);
  console.log(
    `${name}: ${result.records.length} rows, ${(performance.now() - started).toFixed(1)} ms wall, available after ${result.summary.resultAvailableAfter.toString()} ms, consumed after ${result.summary.resultConsumedAfter.toString()} ms`,
  );
  const plan = result.summary.queryProfile;
  if (plan === false) throw new Error('Neo4j returned no profile');
  print(plan);
  await driver.close();
} finally {
  await db.close();
  await instance.stop();
}
