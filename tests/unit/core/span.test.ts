import { describe, expect, it } from 'vitest';
import { eventActivity, placeAt, spanActivity, type Activity, type Span } from '../../../core/span.js';
import { dayOf } from '../../../core/partial-date.js';
import type { Certainty } from '../../../core/vocabulary.js';
import { at, d } from './support.js';

const span = (possible: [string, string] | null, certain: [string, string] | null): Span<string> => ({
  possible: possible === null ? null : { earliest: possible[0], latest: possible[1] },
  certain: certain === null ? null : { earliest: certain[0], latest: certain[1] },
});

// One row per case: the span, the date asked about, the answer. Shared with the Cypher
// predicate test (tests/integration/api/span-predicates.test.ts), which asks Neo4j the same.
export const SPAN_CASES: readonly { readonly name: string; readonly span: Span<string>; readonly at: string; readonly activity: Activity }[] = [
  { name: 'inside the certain stretch', span: span(['1945-01-01', '1960-12-31'], ['1946-01-01', '1958-12-31']), at: '1950-06-01', activity: 'CERTAIN' },
  { name: 'a whole year inside it', span: span(['1945-01-01', '1960-12-31'], ['1946-01-01', '1958-12-31']), at: '1950', activity: 'CERTAIN' },
  { name: 'in the possible edge', span: span(['1945-01-01', '1960-12-31'], ['1946-01-01', '1958-12-31']), at: '1945-06', activity: 'POSSIBLE' },
  { name: 'a year straddling the certain end', span: span(['1945-01-01', '1960-12-31'], ['1946-01-01', '1958-06-30']), at: '1958', activity: 'POSSIBLE' },
  { name: 'the last possible day', span: span(['1945-01-01', '1960-12-31'], null), at: '1960-12-31', activity: 'POSSIBLE' },
  { name: 'the day after it', span: span(['1945-01-01', '1960-12-31'], null), at: '1961-01-01', activity: 'NO' },
  { name: 'before it', span: span(['1945-01-01', '1960-12-31'], null), at: '1944', activity: 'NO' },
  { name: 'an undated interval is active at no date', span: span(null, null), at: '1956', activity: 'NO' },
  { name: 'a single certain day', span: span(['1956-08-30', '1956-08-30'], ['1956-08-30', '1956-08-30']), at: '1956-08-30', activity: 'CERTAIN' },
  { name: 'a month around a single day', span: span(['1956-08-30', '1956-08-30'], ['1956-08-30', '1956-08-30']), at: '1956-08', activity: 'POSSIBLE' },
];

describe('spanActivity', () => {
  it.each(SPAN_CASES)('$name: $activity', ({ span: s, at: date, activity }) => {
    expect(spanActivity(s, at(date))).toBe(activity);
  });
  it('gives the same answers on day numbers as on ISO days (the client uses numbers)', () => {
    const days = (r: { earliest: string; latest: string } | null) => (r === null ? null : { earliest: dayOf(r.earliest), latest: dayOf(r.latest) });
    for (const c of SPAN_CASES) {
      const period = at(c.at);
      expect(spanActivity({ possible: days(c.span.possible), certain: days(c.span.certain) }, { earliest: dayOf(period.earliest), latest: dayOf(period.latest) }), c.name).toBe(c.activity);
    }
  });
});

describe('eventActivity', () => {
  it.each([
    ['1956-08-30', '1956-08-30', 'CERTAIN'],
    ['1956-08-30', '1956-08', 'POSSIBLE'],
    ['1956-08-30', '1956-07', 'NO'],
    ['~1956', '1958-06', 'CERTAIN'],
    ['early 1957', '1957-03', 'POSSIBLE'],
  ] as const)('an event of %s, asked at %s: %s', (date, when, expected) => {
    expect(eventActivity(d(date), at(when))).toBe(expected);
  });
});

describe('placeAt', () => {
  const m = (factionId: string, certainty: Certainty, s: Span<string>) => ({ factionId, certainty, span: s });
  const yanan = m('yanan', 'CERTAIN', span(['1942-07-01', '1959-12-31'], ['1942-07-31', '1956-12-31']));
  const guerrilla = m('guerrilla', 'PROBABLE', span(['1945-09-01', '1949-02-28'], null));
  const soviet = m('soviet', 'POSSIBLE', span(['1945-09-01', '1949-02-28'], null));
  it('prefers the certainly active membership', () => {
    expect(placeAt([guerrilla, yanan], at('1946-01-01'))?.factionId).toBe('yanan');
  });
  it('then the more certain fact', () => {
    expect(placeAt([soviet, guerrilla], at('1946-01-01'))?.factionId).toBe('guerrilla');
  });
  it('is null when no membership is active: no faction, not the last one', () => {
    expect(placeAt([guerrilla, soviet], at('1950'))).toBeNull();
  });
});
