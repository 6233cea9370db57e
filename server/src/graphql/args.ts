/** Argument checks: each failure is BAD_USER_INPUT naming the argument. */
import { badInput } from '../errors.js';
import type { Range } from '../../../core/span.js';
import { CERTAINTY_RANK, type Certainty, type SourceFamily } from '../../../core/vocabulary.js';

/** First and last day (YYYY-MM-DD) of a date argument. */
export type Period = Range<string>;
import { parseExactDate, type PartialDate } from '../../../core/partial-date.js';
import { ID_PATTERN } from '../seed/graph-names.js';

export function dateArg(field: string, value: string): PartialDate {
  const parsed = parseExactDate(value);
  if (!parsed.ok) throw badInput(field, parsed.error);
  return parsed.value;
}

export function optionalDateArg(field: string, value: string | null | undefined): PartialDate | null {
  return value === null || value === undefined ? null : dateArg(field, value);
}

export function periodOf(date: PartialDate): Period {
  return { earliest: date.earliest, latest: date.latest };
}

export function intArg(field: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(field, `must be a whole number from ${min} to ${max}, got ${n}`);
  return n;
}

const ID = ID_PATTERN;

/** Ids are seed slugs; anything else cannot exist, so say so before asking the database. */
export function idArg(field: string, value: string): string {
  if (!ID.test(value)) throw badInput(field, `"${value.slice(0, 80)}" is not an id (lower-case letters, digits and hyphens)`);
  return value;
}

export function idListArg(field: string, values: readonly string[] | null | undefined): string[] | null {
  return values === null || values === undefined ? null : values.map((value) => idArg(field, value));
}

export function certaintyRank(value: Certainty | null | undefined): number {
  return CERTAINTY_RANK[value ?? 'POSSIBLE'];
}

/**
 * Which facts count, for every view and analysis: the one rule, turned into query parameters.
 * A fact (membership, office, tie, event, participation; a person through any of them) counts
 * when its certainty is at least `minCertainty` and, when `sourceFamilies` is given, at least
 * one source citing it belongs to one of those families (null: every family). The Cypher files
 * apply it beside each other, as `x.certaintyRank >= $minRank AND ($families IS NULL OR
 * any(family IN x.sourceFamilies WHERE family IN $families))`; `families` is sorted and
 * without repeats, so it can key a cache.
 */
export interface FactFilter {
  readonly minRank: number;
  readonly families: SourceFamily[] | null;
}

export function factFilter(minCertainty: Certainty | null | undefined, sourceFamilies: readonly SourceFamily[] | null | undefined): FactFilter {
  return {
    minRank: certaintyRank(minCertainty),
    families: sourceFamilies === null || sourceFamilies === undefined ? null : [...new Set(sourceFamilies)].sort(),
  };
}
