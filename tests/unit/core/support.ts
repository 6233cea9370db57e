/** Small builders for the core time-model tests: partial dates, periods and facts from text. */
import type { DatedFact, FactRef } from '../../../core/attestation.js';
import { parsePartialDate, type PartialDate } from '../../../core/partial-date.js';
import type { Activity, Range, Span } from '../../../core/span.js';

export const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** A date argument as a period: "1956" is every day of 1956. */
export const at = (text: string): Range<string> => ({ earliest: d(text).earliest, latest: d(text).latest });

export const ref = (id: string, kind: FactRef['kind'] = 'EVENT'): FactRef => ({ kind, id, label: id });
export const fact = (id: string, date: string): DatedFact => ({ ref: ref(id), date: d(date) });

export const span = (possible: [string, string] | null, certain: [string, string] | null): Span<string> => ({
  possible: possible === null ? null : { earliest: possible[0], latest: possible[1] },
  certain: certain === null ? null : { earliest: certain[0], latest: certain[1] },
});

/**
 * One row per case: the span, the date asked about, the answer. Shared with the Cypher predicate
 * test (tests/integration/api/span-predicates.test.ts), which asks Neo4j the same.
 */
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
