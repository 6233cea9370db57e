import { describe, expect, it } from 'vitest';
import { deriveInterval, heldFrom, type DatedFact, type Departure, type IntervalFacts, type Lifespan } from '../../../core/attestation.js';
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
  it("a tie ends with the first of its people's evidence to run out, compared by the last day (a vague fact does not stretch it)", () => {
    const r = deriveInterval(
      base({
        self: ref('t', 'TIE'),
        attesting: [
          [fact('a1', '1942-07'), fact('a-office', '1950-12')],
          [fact('b1', '1942-07'), fact('b-removed', '~1951')],
        ],
      }),
    );
    // ~1951 may begin earlier (1950) but reaches further (1952): a's December 1950 ends the tie.
    expect(r.end.fact?.id).toBe('a-office');
    expect(r.span.possible?.latest).toBe('1952-12-31');
    expect(r.span.certain?.latest).toBe('1950-01-01');
  });
});

describe('custody (arrest, prison, labour reform)', () => {
  const custody = (date: string, certainty: Departure['certainty'] = 'CERTAIN', state: Departure['state'] = 'ARRESTED'): Departure => ({
    state,
    date: d(date),
    certainty,
    fact: ref(`held-${date}`),
  });
  const passive = (id: string, date: string): DatedFact => ({ ...fact(id, date), passive: true });
  /** The interval of a person with these facts, as the seed loader derives it. */
  const intervalOf = (attesting: DatedFact[], custodies: Departure[], over: Partial<IntervalFacts> = {}) => {
    const held = heldFrom(attesting, custodies);
    return deriveInterval(base({ attesting: [held.attesting], departures: held.held, ...over }));
  };

  it('ends an open interval at a certain custody no later fact lifts: no fade runs past it', () => {
    const r = intervalOf([fact('return', '1945-12'), fact('speech', '1955-06')], [custody('1956-03')]);
    expect(r.end).toMatchObject({ basis: 'CUSTODY', date: { iso: '1956-03' }, fact: { id: 'held-1956-03' } });
    expect(r.span.possible?.latest).toBe('1956-03-31');
    expect(r.span.certain?.latest).toBe('1955-06-01');
  });
  it('what others do to a prisoner (his case debated, his trial) does not carry his ties on', () => {
    const r = intervalOf(
      [fact('return', '1945-12'), fact('liaison', '1950-10'), passive('case-debated', '1956'), passive('not-freed', 'late 1956')],
      [custody('1956', 'PROBABLE')],
    );
    // The fade runs from his last fact at large (1950-10), not from the debate about his release.
    expect(r.end).toMatchObject({ basis: 'LAST_ATTESTATION', fact: { id: 'liaison' } });
    expect(r.span.possible?.latest).toBe('1952-10-31');
  });
  it('an uncertain custody ends what is certain, not what is possible', () => {
    const r = intervalOf([fact('return', '1945-12'), fact('speech', '1955-06')], [custody('~1955', 'PROBABLE')]);
    expect(r.end.basis).toBe('LAST_ATTESTATION');
    expect(r.span.certain?.latest).toBe('1953-12-31');
    expect(r.span.possible?.latest).toBe('1957-06-30');
  });
  it('a later fact in which he acts (a release, an office) lifts the custody: nothing changes', () => {
    const before = deriveInterval(base({ attesting: [[fact('return', '1945-12'), fact('arrest', '1951'), fact('rehabilitated', '1953-04')]] }));
    const r = intervalOf([fact('return', '1945-12'), fact('rehabilitated', '1953-04')], [custody('1951')]);
    expect(r.end).toMatchObject({ basis: 'LAST_ATTESTATION', fact: { id: 'rehabilitated' } });
    expect(r.span).toEqual(before.span);
  });
  it('a fact in which he is only the object lifts nothing', () => {
    const r = intervalOf([fact('return', '1945-12'), fact('speech', '1954-06'), passive('denounced', '1957')], [custody('1955')]);
    expect(r.end).toMatchObject({ basis: 'CUSTODY' });
    expect(r.span.possible?.latest).toBe('1955-12-31');
  });
  it('a held custody attests nothing itself; a lifted one attests as before', () => {
    expect(heldFrom([fact('office', '1950')], [custody('1955')])).toMatchObject({ attesting: [{ ref: { id: 'office' } }], held: [{ date: { iso: '1955' } }] });
    const lifted = heldFrom([fact('office', '1950'), fact('speech', '1958')], [custody('1955')]);
    expect(lifted.held).toEqual([]);
    expect(lifted.attesting.map((f) => f.ref.id).sort()).toEqual(['held-1955', 'office', 'speech']);
  });
  it('a held custody attests his faction at its date, and only there: a man known only from his trial', () => {
    const held = heldFrom([], [custody('1953-08')]);
    expect(held.attesting).toEqual([]);
    expect(held.asMember.map((f) => f.ref.id)).toEqual(['held-1953-08']);
    const membership = deriveInterval(base({ attesting: [held.asMember], departures: held.held }));
    expect(membership.start).toMatchObject({ basis: 'FIRST_ATTESTATION', fact: { id: 'held-1953-08' } });
    expect(membership.end).toMatchObject({ basis: 'CUSTODY', fact: { id: 'held-1953-08' } });
    expect(membership.span).toEqual({ possible: { earliest: '1953-08-01', latest: '1953-08-31' }, certain: null });
    // No tie of his is shown by what was done to him.
    const tie = deriveInterval(base({ self: ref('t', 'TIE'), attesting: [held.attesting, [fact('other', '1950')]], departures: held.held }));
    expect(tie.span).toEqual({ possible: null, certain: null });
  });
  it('the custody of either end ends a tie', () => {
    const a = heldFrom([fact('a1', '1946'), fact('a2', '1957')], []);
    const b = heldFrom([fact('b1', '1947'), fact('b2', '1955-06'), passive('b-tried', '1956-02')], [custody('1955-12', 'CERTAIN', 'IMPRISONED')]);
    const r = deriveInterval(base({ self: ref('t', 'TIE'), attesting: [a.attesting, b.attesting], departures: [...a.held, ...b.held] }));
    expect(r.end).toMatchObject({ basis: 'CUSTODY', fact: { id: 'held-1955-12' } });
    expect(r.span.possible).toEqual({ earliest: '1947-01-01', latest: '1955-12-31' });
  });
  it('a certain departure ends what is possible even after an uncertain one', () => {
    const r = deriveInterval(
      base({ attesting: [[fact('return', '1945-12'), fact('plenum', '1955-06')]], departures: [death('~1955', 'POSSIBLE'), custody('1956')] }),
    );
    expect(r.end).toMatchObject({ basis: 'CUSTODY' });
    expect(r.span.possible?.latest).toBe('1956-12-31');
    expect(r.span.certain?.latest).toBe('1953-12-31');
  });
});
