import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countRows } from '../../../server/src/seed/rows.js';
import { generateSyntheticRows } from '../../../server/src/seed/synthetic.js';

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic generator', () => {
  const rows = generateSyntheticRows({ persons: 2000, seed: 42 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(hash(generateSyntheticRows({ persons: 2000, seed: 42 }))).toBe(hash(rows));
    expect(hash(generateSyntheticRows({ persons: 2000, seed: 43 }))).not.toBe(hash(rows));
  });

  it('has four factions with sub-groups', () => {
    const top = rows.factions.filter((f) => f.props['parentId'] === null).map((f) => f.id).sort();
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
