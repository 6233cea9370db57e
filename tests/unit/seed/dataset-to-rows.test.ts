import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetToRows, officeId } from '../../../server/src/seed/dataset-to-rows.js';
import { EVENT_KINDS, graphValue, ROLES } from '../../../core/vocabulary.js';
import { validateSeedDir } from '../../../server/src/seed/validate.js';

const result = validateSeedDir(path.resolve(import.meta.dirname, '../../fixtures/seed-valid'));
if (!result.ok) throw new Error('fixture seed-valid must be valid');
const rows = datasetToRows(result.dataset);

describe('datasetToRows', () => {
  it('stores enumerations upper-case with underscores', () => {
    expect(graphValue('labour-reform')).toBe('LABOUR_REFORM');
    expect(EVENT_KINDS).toContain('labour-reform');
    expect(ROLES).toContain('accuser');
    expect(rows.events.find((e) => e.id === '1956-08-31-fx-expulsion')?.props['kind']).toBe('LABOUR_REFORM');
    expect(rows.participations.map((p) => p.props['role']).sort()).toEqual(['ACCUSER', 'TARGET', 'TARGET']);
  });

  it('splits partial dates into the five properties', () => {
    const alpha = rows.persons.find((p) => p.id === 'fx-alpha')!;
    expect(alpha.props).toMatchObject({ bornIso: '1900', bornPrecision: 'YEAR', bornApprox: false, diedIso: '1958', diedApprox: true });
    expect(alpha.dates).toMatchObject({ bornEarliest: '1900-01-01', bornLatest: '1900-12-31', diedEarliest: '1957-01-01', diedLatest: '1959-12-31' });
    const beta = rows.persons.find((p) => p.id === 'fx-beta')!;
    expect(beta.props['bornIso']).toBeNull();
    expect(beta.dates['bornEarliest']).toBeNull();
  });

  it('stores the inferred span under its own names, never as a recorded date', () => {
    const gamma = rows.memberships.find((m) => m.id === 'fx-gamma/member/fx-yanan-sub/0')!;
    // Recorded 1940-1950: the recorded dates stay as written, the span follows from them.
    expect(gamma.dates).toMatchObject({ fromEarliest: '1940-01-01', toLatest: '1950-12-31', possibleEarliest: '1940-01-01', possibleLatest: '1950-12-31' });
    expect(JSON.parse(String(gamma.props['bounds']))).toMatchObject({ start: { basis: 'RECORDED' }, end: { basis: 'RECORDED' } });
    const alpha = rows.persons.find((p) => p.id === 'fx-alpha')!;
    expect(JSON.parse(String(alpha.props['evidence']))).toMatchObject({ first: { ref: { kind: expect.any(String) } }, fadesAfter: expect.any(String) });
    expect(alpha.dates['attestedEarliest']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('derives relationship ids as the data model says', () => {
    expect(rows.memberships.map((m) => m.id)).toContain('fx-alpha/member/yanan/1');
    expect(rows.held[0]?.id).toBe('fx-alpha/office/0');
    expect(rows.held[0]?.to).toBe(officeId('Chairman of the Fixture Committee'));
    expect(rows.participations.map((p) => p.id)).toContain('1956-08-30-fx-plenum/fx-beta/accuser');
    expect(rows.ledTo[0]?.id).toBe('1956-08-30-fx-plenum/led-to/1956-08-31-fx-expulsion');
    expect(rows.subgroups[0]).toMatchObject({ from: 'fx-yanan-sub', to: 'yanan' });
  });

  it('keeps citations as JSON plus sourceIds, and search keys for every name form', () => {
    const alpha = rows.persons.find((p) => p.id === 'fx-alpha')!;
    expect(JSON.parse(String(alpha.props['citations']))).toEqual([{ source: 'fx-source', locator: 'p. 10', note: null }]);
    expect(alpha.props['sourceIds']).toEqual(['fx-editorial', 'fx-source']);
    expect(alpha.props['aliasSystems']).toEqual(['MR']);
    expect(alpha.props['searchKeys']).toContain('알파');
    expect(rows.ties.find((t) => t.id === 'tie-fx-alpha-fx-beta-rivalry')?.props).toMatchObject({ directed: false, certaintyRank: 3, certainty: 'CERTAIN' });
  });
});
