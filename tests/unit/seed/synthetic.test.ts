import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREATE_STEPS, END, START, cellOf, encodeBatch, isDateColumn, onRelationships } from '../../../server/src/seed/load-synthetic.js';
import { statements } from '../../../server/src/db/cypher-files.js';
import { datasetToRows } from '../../../server/src/seed/dataset-to-rows.js';
import { countRows, type NodeRow, type RelationshipRow } from '../../../server/src/seed/rows.js';
import { generateSyntheticRows } from '../../../server/src/seed/synthetic.js';
import { validateSeedDir } from '../../../server/src/seed/validate.js';

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic generator', () => {
  const rows = generateSyntheticRows({ persons: 2000, seed: 42 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(hash(generateSyntheticRows({ persons: 2000, seed: 42 }))).toBe(hash(rows));
    expect(hash(generateSyntheticRows({ persons: 2000, seed: 43 }))).not.toBe(hash(rows));
  });

  it('has four factions with sub-groups', () => {
    const top = rows.factions
      .filter((f) => f.props['parentId'] === null)
      .map((f) => f.id)
      .sort();
    expect(top).toEqual(['guerrilla', 'southern', 'soviet', 'yanan']);
    expect(rows.subgroups.length).toBeGreaterThanOrEqual(4);
  });

  it('gives persons memberships and about ten ties each', () => {
    expect(rows.persons).toHaveLength(2000);
    expect(rows.memberships.length).toBeGreaterThanOrEqual(2000);
    const degree = (2 * rows.ties.length) / rows.persons.length;
    expect(degree).toBeGreaterThan(8);
    expect(degree).toBeLessThan(12);
    expect(new Set(rows.ties.map((t) => t.props['kind'])).size).toBeGreaterThanOrEqual(6);
  });

  it('builds purge cascades: meetings with accusers and targets leading to removals, expulsions, arrests', () => {
    const kinds = new Set(rows.events.map((e) => e.props['kind']));
    for (const kind of ['MEETING', 'REMOVAL', 'EXPULSION', 'ARREST']) expect(kinds).toContain(kind);
    const roles = new Set(rows.participations.map((p) => p.props['role']));
    expect(roles).toContain('ACCUSER');
    expect(roles).toContain('TARGET');
    expect(rows.ledTo.length).toBeGreaterThan(0);
    const meetings = new Set(rows.events.filter((e) => e.props['kind'] === 'MEETING').map((e) => e.id));
    expect(rows.ledTo.some((l) => meetings.has(l.from))).toBe(true);
  });

  it('references only nodes it creates, with unique ids, and the curated property shape', () => {
    const nodeIds = new Set([...rows.persons, ...rows.factions, ...rows.events, ...rows.offices, ...rows.sources].map((n) => n.id));
    for (const rel of [...rows.memberships, ...rows.ties, ...rows.participations, ...rows.ledTo, ...rows.held, ...rows.subgroups]) {
      expect(nodeIds.has(rel.from) && nodeIds.has(rel.to)).toBe(true);
    }
    expect(new Set(rows.ties.map((t) => t.id)).size).toBe(rows.ties.length);
    expect(new Set(rows.events.map((e) => e.id)).size).toBe(rows.events.length);
    expect(Object.keys(rows.persons[0]!.props)).toEqual(expect.arrayContaining(['name', 'searchKeys', 'bornIso', 'citations', 'sourceIds', 'aliasSystems']));
    expect(countRows(rows)).toBeGreaterThan(15_000);
  });
});

describe('synthetic bulk-load layout', () => {
  const rows = generateSyntheticRows({ persons: 300, seed: 42 });
  const root = path.resolve(import.meta.dirname, '../../..');
  const fixture = validateSeedDir(path.join(root, 'tests/fixtures/seed-valid'));
  if (!fixture.ok) throw new Error('seed-valid must be valid');
  const curated = datasetToRows(fixture.dataset);

  it('has a column for every property and date the curated model writes, and no others', () => {
    for (const step of CREATE_STEPS) {
      const list = [...rows[step.key], ...curated[step.key]] as (NodeRow | RelationshipRow)[];
      if (list.length === 0) continue;
      const keys = new Set(list.flatMap((row) => [...Object.keys(row.props), ...Object.keys(row.dates)]));
      const columns = step.columns.filter((column) => column !== START && column !== END);
      expect([step.key, [...columns].sort()]).toEqual([step.key, [...keys].sort()]);
      expect(step.columns.includes(START)).toBe('from' in list[0]!);
    }
  });

  it('matches each create query: column i of the query is column i of the step', () => {
    for (const step of CREATE_STEPS) {
      const text = readFileSync(path.join(root, 'cypher', `${step.query}.cypher`), 'utf8');
      const used = [...text.matchAll(/^ {2}(\w+): (days\[)?coalesce\(r\[(\d+)\], c\[(\d+)\]\)/gm)].map((m) => {
        expect(m[3]).toBe(m[4]);
        return { key: m[1]!, index: Number(m[3]), day: m[2] !== undefined };
      });
      const offset = step.columns.includes(START) ? 2 : 0;
      expect(used.map((u) => u.key)).toEqual(step.columns.slice(offset));
      for (const u of used) {
        expect(step.columns[u.index]).toBe(u.key);
        expect(u.day).toBe(isDateColumn(u.key));
      }
      if (offset === 2) {
        // End nodes by element id, with the labels of the node kinds the step names.
        const labelOf = (key: string | undefined): string => CREATE_STEPS.find((node) => node.key === key && node.ends === undefined)!.label;
        expect(text).toContain(`MATCH (a:${labelOf(step.ends?.from)}) WHERE elementId(a) = starts[coalesce(r[0], c[0])]`);
        expect(text).toContain(`MATCH (b:${labelOf(step.ends?.to)}) WHERE elementId(b) = ends[coalesce(r[1], c[1])]`);
      } else {
        expect(step.ends).toBeUndefined();
        expect(text).toContain('RETURN count(*) AS written, collect([n.id, elementId(n)]) AS created');
      }
    }
  });

  it('passes each create query one map parameter, so list sizes cannot change its plan cache key', () => {
    for (const step of CREATE_STEPS) {
      const code = readFileSync(path.join(root, 'cypher', `${step.query}.cypher`), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('//'))
        .join('\n');
      expect([step.query, [...new Set([...code.matchAll(/\$(\w+)/g)].map((m) => m[1]))]]).toEqual([step.query, ['batch']]);
    }
  });

  it('splits cypher/indexes into node and relationship statements, and defers all but the meta constraint', () => {
    const dir = path.join(root, 'cypher/indexes');
    const schema = readdirSync(dir)
      .filter((file) => file.endsWith('.cypher'))
      .sort()
      .flatMap((file) => statements(readFileSync(path.join(dir, file), 'utf8')));
    const nameOf = (statement: string): string => /(?:CONSTRAINT|INDEX) (\w+)/.exec(statement)![1]!;
    expect(schema.filter(onRelationships).map(nameOf).sort()).toEqual([
      'held_id',
      'led_to_id',
      'member_of_id',
      'part_of_id',
      'participated_in_id',
      'participated_in_role',
      'preview_of_id',
      'reversed_by_id',
      'subgroup_of_id',
      'tie_id',
      'tie_kind',
    ]);
    const dropped = [
      ...readFileSync(path.join(root, 'cypher/synthetic/drop-deferred-schema.cypher'), 'utf8').matchAll(/^DROP (?:CONSTRAINT|INDEX) (\w+) IF EXISTS;$/gm),
    ].map((m) => m[1]);
    expect(dropped.sort()).toEqual(
      schema
        .map(nameOf)
        .filter((name) => name !== 'atlas_meta_id')
        .sort(),
    );
  });

  it('encodes batches losslessly: shared values once, ends and days by position', () => {
    for (const step of CREATE_STEPS) {
      const batch = rows[step.key].slice(0, 500) as (NodeRow | RelationshipRow)[];
      if (batch.length === 0) continue;
      const encoded = encodeBatch(batch, step.columns);
      expect(encoded.rows).toHaveLength(batch.length);
      batch.forEach((row, r) => {
        step.columns.forEach((column, i) => {
          const cell = encoded.rows[r]![i] ?? encoded.c[i] ?? null;
          const decoded =
            cell === null
              ? null
              : column === START
                ? encoded.starts[cell as number]
                : column === END
                  ? encoded.ends[cell as number]
                  : isDateColumn(column)
                    ? encoded.dates[cell as number]
                    : cell;
          expect(decoded).toEqual(cellOf(row, column));
        });
      });
    }
    const ties = encodeBatch(rows.ties.slice(0, 1000), CREATE_STEPS.find((step) => step.key === 'ties')!.columns);
    // Every tie cites the one synthetic source, so sourceIds travels once, not per row.
    expect(ties.c[CREATE_STEPS.find((step) => step.key === 'ties')!.columns.indexOf('sourceIds')]).toEqual(['synthetic']);
    expect(new Set(ties.starts).size).toBe(ties.starts.length);
    expect(ties.dates.length).toBeLessThan(200);
  });
});
