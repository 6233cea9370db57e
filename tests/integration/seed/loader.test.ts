/**
 * The curated loader against the suite's real Neo4j. Loading a fixture replaces the curated
 * graph, so afterAll reloads the real seed and checks the checksum is back to what it was.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database.js';
import { SeedValidationError } from '../../../server/src/seed/errors.js';
import { readExportGraph, renderExport } from '../../../server/src/export/index.js';
import { NotSyntheticError, loadSyntheticRows } from '../../../server/src/seed/load-synthetic.js';
import { curatedSummary, loadCuratedRows, seedDatabase } from '../../../server/src/seed/load.js';
import { datasetToRows } from '../../../server/src/seed/dataset-to-rows.js';
import type { GraphSummary } from '../../../server/src/seed/checksum.js';
import { generateSyntheticRows } from '../../../server/src/seed/synthetic.js';
import { validateSeedDir } from '../../../server/src/seed/validate.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { openTestDatabase, ROOT_DIR } from '../../setup/database.js';
import { loadWithNetworkx } from '../../unit/export/graph-readers.js';

const FIXTURES = path.join(ROOT_DIR, 'tests/fixtures');
const VALID = path.join(FIXTURES, 'seed-valid');

function validRows() {
  const result = validateSeedDir(VALID);
  if (!result.ok) throw new Error('seed-valid must be valid');
  return datasetToRows(result.dataset);
}

describe('curated seed loader', () => {
  let db: Database;
  let original: GraphSummary;
  let fixture: GraphSummary;

  beforeAll(async () => {
    db = openTestDatabase();
    original = await curatedSummary(db);
    fixture = await seedDatabase(db, VALID);
  });

  afterAll(async () => {
    try {
      const restored = await seedDatabase(db, path.join(ROOT_DIR, 'seed'));
      expect(restored.checksum).toBe(original.checksum);
    } finally {
      await db.close();
    }
  });

  it('loads the fixture with the expected counts', () => {
    expect(fixture.counts).toMatchObject({
      Source: 2,
      Faction: 3,
      Person: 3,
      Office: 1,
      Event: 2,
      MEMBER_OF: 4,
      SUBGROUP_OF: 1,
      HELD: 1,
      PARTICIPATED_IN: 3,
      LED_TO: 1,
      TIE: 3,
    });
    expect(fixture.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent: a re-run gives the same counts and checksum and deletes nothing', async () => {
    const again = await seedDatabase(db, VALID);
    expect(again.checksum).toBe(fixture.checksum);
    expect(again.counts).toEqual(fixture.counts);
    expect(again.deletedNodes).toBe(0);
    expect(again.deletedRelationships).toBe(0);
  });

  it('changes nothing when the seed is invalid', async () => {
    await expect(seedDatabase(db, path.join(FIXTURES, 'seed-bad-mixed'))).rejects.toBeInstanceOf(SeedValidationError);
    expect((await curatedSummary(db)).checksum).toBe(fixture.checksum);
  });

  it('rolls back everything when the database rejects a write mid-way', async () => {
    const rows = validRows();
    // A tie to a person that does not exist fails after every node has been written.
    rows.ties.push({ ...rows.ties[0]!, id: 'tie-fx-broken', to: 'fx-nobody' });
    rows.persons.push({
      id: 'fx-extra',
      props: { id: 'fx-extra', name: 'Extra' },
      dates: { bornEarliest: null, bornLatest: null, diedEarliest: null, diedLatest: null },
    });
    // The loader's own error passes through the database door unchanged.
    const failure: unknown = await loadCuratedRows(db, rows).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/end node is missing/);
    expect((await curatedSummary(db)).checksum).toBe(fixture.checksum);
  });

  // Servers drop cached answers when this revision changes (server/src/graphql/response-cache.ts).
  it('bumps the data revision with every load, and not when a load fails', async () => {
    const revision = async (): Promise<unknown> => (await db.read('meta/get-data-revision'))[0]?.['revision'];
    const before = await revision();
    await seedDatabase(db, VALID);
    const after = await revision();
    expect(after).toEqual(expect.any(String));
    expect(after).not.toBe(before);
    const rows = validRows();
    rows.ties.push({ ...rows.ties[0]!, id: 'tie-fx-broken', to: 'fx-nobody' });
    await expect(loadCuratedRows(db, rows)).rejects.toThrow(/end node is missing/);
    expect(await revision()).toBe(after);
  });

  it('deletes curated elements no longer in the seed, and restores them on reload', async () => {
    const rows = validRows();
    const smaller = {
      ...rows,
      persons: rows.persons.filter((p) => p.id !== 'fx-gamma'),
      memberships: rows.memberships.filter((m) => m.from !== 'fx-gamma'),
      ties: rows.ties.filter((t) => t.from !== 'fx-gamma' && t.to !== 'fx-gamma'),
    };
    const result = await loadCuratedRows(db, smaller);
    expect(result.counts['Person']).toBe(2);
    expect(result.counts['TIE']).toBe(2);
    expect(result.deletedNodes).toBe(1);
    expect((await seedDatabase(db, VALID)).checksum).toBe(fixture.checksum);
  });

  it('--reset wipes curated data first and ends with the same graph', async () => {
    const result = await seedDatabase(db, VALID, { reset: true });
    expect(result.deletedNodes).toBe(fixture.nodes);
    expect(result.checksum).toBe(fixture.checksum);
  });

  it('exports well-formed GEXF and GraphML, CSV and JSON, whole or in a window', async () => {
    const whole = await readExportGraph(db);
    expect(whole.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['fx-alpha', 'fx-gamma', 'yanan', '1956-08-30-fx-plenum']));
    const gexf = renderExport(whole, 'gexf')['graph.gexf']!;
    expect(XMLValidator.validate(gexf)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(gexf);
    const alpha = doc.gexf.graph.nodes.node.find((n: Record<string, string>) => n['@id'] === 'fx-alpha');
    expect(alpha['@start']).toBe('1938-01-01');
    expect(XMLValidator.validate(renderExport(whole, 'graphml')['graph.graphml']!)).toBe(true);
    // Loaded as researchers load them: one direction throughout, or NetworkX refuses the file.
    const read = loadWithNetworkx({ ...renderExport(whole, 'gexf'), ...renderExport(whole, 'graphml') });
    for (const name of ['graph.gexf', 'graph.graphml'])
      expect(read[name], name).toMatchObject({ directed: true, nodes: whole.nodes.length, edges: whole.edges.length });
    const csv = renderExport(whole, 'csv');
    expect(csv['edges.csv']!.trim().split('\r\n')).toHaveLength(whole.edges.length + 1);
    expect(JSON.parse(renderExport(whole, 'json')['graph.json']!).nodes).toHaveLength(whole.nodes.length);

    // fx-gamma's membership ends in 1950, so a 1957-1959 window leaves it (and its tie) out.
    const window = await readExportGraph(db, { from: 1957, to: 1959 });
    const ids = window.nodes.map((n) => n.id);
    expect(ids).toContain('fx-alpha');
    expect(ids).not.toContain('fx-gamma');
    expect(ids).not.toContain('1956-08-30-fx-plenum');
    expect(window.edges.every((e) => ids.includes(e.source) && ids.includes(e.target))).toBe(true);
  });

  it('the synthetic loader refuses to wipe a database that is not marked synthetic', async () => {
    const rows = generateSyntheticRows({ persons: 20, seed: 1 });
    await expect(loadSyntheticRows(db, rows, { seed: 1, persons: 20 })).rejects.toBeInstanceOf(NotSyntheticError);
    expect((await curatedSummary(db)).checksum).toBe(fixture.checksum);
  });
});
