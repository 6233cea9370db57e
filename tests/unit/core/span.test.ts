import { describe, expect, it } from 'vitest';
import { eventActivity, placeAt, spanActivity, type Span } from '../../../core/span.js';
import { dayOf } from '../../../core/partial-date.js';
import type { Certainty } from '../../../core/vocabulary.js';
import { at, d, span, SPAN_CASES } from './support.js';

describe('spanActivity', () => {
  it.each(SPAN_CASES)('$name: $activity', ({ span: s, at: date, activity }) => {
    expect(spanActivity(s, at(date))).toBe(activity);
  });
  it('gives the same answers on day numbers as on ISO days (the client uses numbers)', () => {
    const days = (r: { earliest: string; latest: string } | null) => (r === null ? null : { earliest: dayOf(r.earliest), latest: dayOf(r.latest) });
    for (const c of SPAN_CASES) {
      const period = at(c.at);
      expect(
        spanActivity({ possible: days(c.span.possible), certain: days(c.span.certain) }, { earliest: dayOf(period.earliest), latest: dayOf(period.latest) }),
        c.name,
      ).toBe(c.activity);
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
