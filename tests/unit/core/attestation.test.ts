import { describe, expect, it } from 'vitest';
import { deriveInterval, type Departure, type IntervalFacts, type Lifespan } from '../../../core/attestation.js';
import { d, fact, ref } from './support.js';

const base = (over: Partial<IntervalFacts>): IntervalFacts => ({
  from: null,
  to: null,
  certainty: 'CERTAIN',
  self: ref('m', 'MEMBERSHIP'),
  attesting: [[]],
  departures: [],
  within: null,
  ...over,
});
const yanan: Lifespan = { formed: d('1942-07'), dissolved: d('~1958'), fact: ref('yanan', 'FACTION') };
const death = (date: string, certainty: Departure['certainty'] = 'CERTAIN'): Departure => ({
  state: 'DEAD',
  date: d(date),
  certainty,
  fact: ref('died', 'DEATH_DATE'),
});

describe('inferred bounds', () => {
  it('an undated membership begins at its first attestation, not "always"', () => {
    const r = deriveInterval(base({ attesting: [[fact('plenum', '1956-08-30'), fact('return', '1945-12')]] }));
    expect(r.start).toMatchObject({ basis: 'FIRST_ATTESTATION', fact: { id: 'return' } });
    expect(r.span.possible?.earliest).toBe('1945-12-01');
    expect(r.span.certain?.earliest).toBe('1945-12-31');
  });
  it('an open end fades out after the last attestation: possible for 24 months, never certain', () => {
    const r = deriveInterval(base({ attesting: [[fact('return', '1945-12'), fact('plenum', '1956-08-30')]] }));
    expect(r.end).toMatchObject({ basis: 'LAST_ATTESTATION', fact: { id: 'plenum' } });
    expect(r.span.certain?.latest).toBe('1956-08-30');
    expect(r.span.possible?.latest).toBe('1958-08-30');
  });
  it('stops at a certain death before the fade is over', () => {
    const r = deriveInterval(base({ attesting: [[fact('return', '1945-12'), fact('plenum', '1950-06')]], departures: [death('1950-09-08')] }));
    expect(r.end).toMatchObject({ basis: 'DEATH' });
    expect(r.span.possible?.latest).toBe('1950-09-08');
  });
  it('an uncertain death ends what is certain, not what is possible', () => {
    const r = deriveInterval(base({ from: d('1945'), attesting: [[fact('plenum', '1956-08-30')]], departures: [death('~1953', 'POSSIBLE')] }));
    expect(r.end.basis).toBe('LAST_ATTESTATION');
    expect(r.span.certain?.latest).toBe('1951-12-31');
    expect(r.span.possible?.latest).toBe('1958-08-30');
  });
  it('a membership never reaches outside the faction lifespan', () => {
    const r = deriveInterval(
      base({ attesting: [[fact('youth', '1936'), fact('kil', '1942-07'), fact('denounced', '1958-03'), fact('later', '1961')]], within: yanan }),
    );
    expect(r.start).toMatchObject({ basis: 'FIRST_ATTESTATION', fact: { id: 'kil' } });
    expect(r.end).toMatchObject({ basis: 'FACTION_DISSOLVED' });
    expect(r.span.possible).toEqual({ earliest: '1942-07-01', latest: '1959-12-31' });
    expect(r.span.certain?.latest).toBe('1956-12-31');
  });
  it('recorded dates are used as recorded', () => {
    const r = deriveInterval(base({ from: d('1945-09'), to: d('1956-08-31'), attesting: [[fact('x', '1950')]] }));
    expect(r.start).toMatchObject({ basis: 'RECORDED', fact: null });
    expect(r.end).toMatchObject({ basis: 'RECORDED' });
    expect(r.span).toEqual({ possible: { earliest: '1945-09-01', latest: '1956-08-31' }, certain: { earliest: '1945-09-30', latest: '1956-08-30' } });
  });
  it('an interval no dated fact shows is undated: active at no date', () => {
    const r = deriveInterval(base({ attesting: [] }));
    expect(r.start.basis).toBe('UNDATED');
    expect(r.span).toEqual({ possible: null, certain: null });
  });
  it('an uncertain fact is never certain', () => {
    const r = deriveInterval(base({ certainty: 'PROBABLE', from: d('1945'), to: d('1950') }));
    expect(r.span.certain).toBeNull();
    expect(r.span.possible).not.toBeNull();
  });
  it('a tie holds only while both people are attested', () => {
    const r = deriveInterval(
      base({
        self: ref('t', 'TIE'),
        attesting: [
          [fact('a1', '1930'), fact('a2', '1960')],
          [fact('b1', '1945-12'), fact('b2', '1953')],
        ],
      }),
    );
    expect(r.start.fact?.id).toBe('b1');
    expect(r.end.fact?.id).toBe('b2');
  });
});
