/**
 * A Neo4j without Graph Data Science (an external server without the plugin; here the managed
 * one started with ATLAS_NEO4J_GDS=off): centrality and communities answer ANALYTICS_UNAVAILABLE,
 * naming the plugin and the field; everything else, survival and exposure included, works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config.js';
import { Database } from '../../../server/src/db/database.js';
import { startEmbedded, type RunningNeo4j } from '../../../server/src/embedded/managed.js';
import { freePort } from '../../../server/src/embedded/ports.js';
import { seedDatabase } from '../../../server/src/seed/load.js';
import { ROOT_DIR } from '../../setup/database.js';
import { TEST_APP_ENV } from '../../support/neo4j.js';
import { codes, fields, startApi, type Api } from '../api/api.js';

let neo4j: RunningNeo4j;
let api: Api;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-no-gds-'));
  const settings = loadConfig({
    ATLAS_NEO4J_GDS: 'off',
    ...TEST_APP_ENV,
    // The only JVM of the run on this class path (no GDS jars): recording an archive for it would
    // cost writing it at its stop in a fresh clone, for nothing (issue 13).
    ATLAS_NEO4J_CLASS_DATA: 'off',
    ATLAS_NEO4J_BOLT_PORT: String(await freePort()),
    ATLAS_NEO4J_HEAP_MB: '512',
    ATLAS_NEO4J_PAGECACHE_MB: '64',
    ATLAS_NEO4J_TX_MEMORY_MB: '128',
    ATLAS_NEO4J_START_TIMEOUT_SECONDS: '220',
  }).neo4j;
  if (settings.mode !== 'embedded') throw new Error('expected the embedded settings');
  expect(settings.analytics).toBe(false);
  neo4j = await startEmbedded({ dataDir, cacheDir: path.join(ROOT_DIR, '.atlas/cache'), settings, log: () => undefined });
  const db = Database.connect(neo4j.connection);
  try {
    await seedDatabase(db, path.join(ROOT_DIR, 'seed'));
  } finally {
    await db.close();
  }
  api = await startApi({ connection: neo4j.connection });
}, 240_000);

afterAll(async () => {
  await api?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a Neo4j without Graph Data Science', () => {
  it.each([
    ['centrality', '{ centrality(at: "1956") { score } }'],
    ['communities', '{ communities(at: "1956-08") { agreement } }'],
  ])('answers %s with ANALYTICS_UNAVAILABLE naming the plugin', async (field, query) => {
    const response = await api.gql(query);
    expect(codes(response)).toEqual(['ANALYTICS_UNAVAILABLE']);
    expect(fields(response)).toEqual([field]);
    expect(response.errors?.[0]?.message).toMatch(/Graph Data Science \(graph-data-science\)/);
  });

  it('keeps everything else working, survival and exposure included', async () => {
    const response = await api.gql<{
      factions: unknown[];
      survival: { points: unknown[] }[];
      exposure: { share: number } | null;
      person: { status: { state: string } };
    }>(
      '{ factions { id } survival(factionIds: ["yanan"]) { points { date survival } } exposure(personId: "choe-chang-ik") { share } person(id: "kim-il-sung") { status(at: "1956") { state } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.factions.length).toBeGreaterThan(0);
    expect(response.data!.survival[0]!.points.length).toBeGreaterThan(0);
    expect(response.data!.exposure).not.toBeNull();
    expect(response.data!.person.status.state).toBe('ACTIVE');
  });
});
