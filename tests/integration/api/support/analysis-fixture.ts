/**
 * A hand-built seed with known answers for the analysis fields (tests/integration/api/analysis.test.ts),
 * written into a temp folder (tests write no tracked file). All fictional.
 *
 * - 1950: a STAR: hub fx-s0 tied to fx-s1..fx-s4 (the tie to fx-s4 only possible), plus the
 *   pair fx-b1 - fx-b2. Betweenness of the hub: the 6 pairs of leaves (3 at PROBABLE);
 *   degree 4 (3 at PROBABLE).
 * - 1956: TWO CLIQUES of four: fx-a1..a4 (comrades, faction fx-red) and fx-b1, b2, b5, b6
 *   (alliances, faction fx-blue), joined only by a rivalry fx-a1 - fx-b1. Communities (bonds
 *   only): the two cliques, agreement 1. Betweenness: fx-a1 and fx-b1 lie on the 12 shortest
 *   paths between the other three of their clique and the four of the other.
 * - Survival: see the tables in analysis.test.ts (memberships with recorded ends, falls by event,
 *   one natural death).
 * - Exposure: fx-b2 is arrested 1959-05-01 with two ties active then: to fx-b1 (expelled
 *   1956-09-01, earlier) and fx-b5 (never fell). Share 1/2.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

const cite = [{ source: 'fx-analysis-source', at: 'p. 1' }];

interface PersonSpec {
  readonly id: string;
  readonly memberships?: readonly { faction: string; from: string; to: string }[];
  readonly died?: string;
}

const PERSONS: readonly PersonSpec[] = [
  { id: 'fx-s0' },
  { id: 'fx-s1' },
  { id: 'fx-s2' },
  { id: 'fx-s3' },
  { id: 'fx-s4' },
  { id: 'fx-a1', memberships: [{ faction: 'fx-red', from: '1940-01-01', to: '1970-12-31' }] },
  { id: 'fx-a2', memberships: [{ faction: 'fx-red', from: '1945-01-01', to: '1960-06-30' }] },
  { id: 'fx-a3', memberships: [{ faction: 'fx-red', from: '1940-01-01', to: '1970-12-31' }] },
  { id: 'fx-a4', memberships: [{ faction: 'fx-red', from: '1950-01-01', to: '1957-03-01' }], died: '1957-03-01' },
  { id: 'fx-b1', memberships: [{ faction: 'fx-blue', from: '1950-01-01', to: '1970-12-31' }] },
  { id: 'fx-b2', memberships: [{ faction: 'fx-blue', from: '1955-01-01', to: '1970-12-31' }] },
  { id: 'fx-b3', memberships: [{ faction: 'fx-blue', from: '1950-01-01', to: '1953-12-31' }] },
  { id: 'fx-b4', memberships: [{ faction: 'fx-blue', from: '1960-01-01', to: '1970-12-31' }] },
  { id: 'fx-b5', memberships: [{ faction: 'fx-blue', from: '1950-01-01', to: '1970-12-31' }] },
  { id: 'fx-b6', memberships: [{ faction: 'fx-blue', from: '1950-01-01', to: '1970-12-31' }] },
];

interface TieSpec {
  readonly a: string;
  readonly b: string;
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly certainty?: string;
}

function clique(ids: readonly string[], kind: string): TieSpec[] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, kind, from: '1956-01-01', to: '1956-12-31' })));
}

const TIES: readonly TieSpec[] = [
  ...['fx-s1', 'fx-s2', 'fx-s3'].map((leaf) => ({ a: 'fx-s0', b: leaf, kind: 'comrades', from: '1950-01-01', to: '1950-12-31' })),
  { a: 'fx-s0', b: 'fx-s4', kind: 'comrades', from: '1950-01-01', to: '1950-12-31', certainty: 'possible' },
  ...clique(['fx-a1', 'fx-a2', 'fx-a3', 'fx-a4'], 'comrades'),
  ...clique(['fx-b1', 'fx-b2', 'fx-b5', 'fx-b6'], 'alliance'),
  { a: 'fx-a1', b: 'fx-b1', kind: 'rivalry', from: '1956-01-01', to: '1956-12-31' },
  // Also active in 1950 and at fx-b2's fall (1959); in 1956 it doubles an alliance (counted once).
  { a: 'fx-b1', b: 'fx-b2', kind: 'comrades', from: '1950-01-01', to: '1965-12-31' },
  { a: 'fx-b2', b: 'fx-b5', kind: 'association', from: '1958-01-01', to: '1962-12-31' },
];

const FALLS: readonly { person: string; kind: string; date: string }[] = [
  { person: 'fx-a1', kind: 'removal', date: '1957-03-01' },
  { person: 'fx-a3', kind: 'expulsion', date: '1958-01-15' },
  { person: 'fx-b1', kind: 'expulsion', date: '1956-09-01' },
  { person: 'fx-b2', kind: 'arrest', date: '1959-05-01' },
];

export function writeAnalysisFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-analysis-fixture-'));
  for (const sub of ['people', 'ties', 'events']) mkdirSync(path.join(dir, sub));
  writeFileSync(
    path.join(dir, 'sources.yaml'),
    stringify([{ id: 'fx-analysis-source', title: 'Fixture source for the analysis tests', kind: 'scholarly', family: 'western-scholarship' }]),
  );
  const faction = (id: string, name: string) => ({ id, name, description: 'Fixture faction.', formed: { date: '1930', certainty: 'certain', cite }, cite });
  writeFileSync(path.join(dir, 'factions.yaml'), stringify([faction('fx-red', 'Red fixture faction'), faction('fx-blue', 'Blue fixture faction')]));
  for (const person of PERSONS) {
    const record = {
      id: person.id,
      name: `Fx ${person.id.slice(3).toUpperCase()}`,
      cite,
      ...(person.died === undefined ? {} : { died: [{ date: person.died, cite }] }),
      ...(person.memberships === undefined ? {} : { memberships: person.memberships.map((m) => ({ ...m, cite })) }),
    };
    writeFileSync(path.join(dir, 'people', `${person.id}.yaml`), stringify(record));
  }
  writeFileSync(path.join(dir, 'ties', 'fixture.yaml'), stringify(TIES.map((tie) => ({ id: `tie-${tie.a}-${tie.b}-${tie.kind}`, ...tie, cite }))));
  writeFileSync(
    path.join(dir, 'events', 'falls.yaml'),
    stringify(
      FALLS.map((fall) => ({
        id: `${fall.date}-${fall.person}-${fall.kind}`,
        kind: fall.kind,
        title: `Fixture ${fall.kind} of ${fall.person}`,
        date: fall.date,
        cite,
        participants: [{ person: fall.person, role: 'target', cite }],
      })),
    ),
  );
  return dir;
}
