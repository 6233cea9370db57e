/** Small builders for the core time-model tests: partial dates, periods and facts from text. */
import type { DatedFact, FactRef } from '../../../core/attestation.js';
import { parsePartialDate, type PartialDate } from '../../../core/partial-date.js';
import type { Range } from '../../../core/span.js';

export const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** A date argument as a period: "1956" is every day of 1956. */
export const at = (text: string): Range<string> => ({ earliest: d(text).earliest, latest: d(text).latest });

export const ref = (id: string, kind: FactRef['kind'] = 'EVENT'): FactRef => ({ kind, id, label: id });
export const fact = (id: string, date: string): DatedFact => ({ ref: ref(id), date: d(date) });
