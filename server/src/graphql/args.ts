/** Argument checks: each failure is BAD_USER_INPUT naming the argument. */
import { badInput } from '../errors.js';
import type { Range } from '../../../core/span.js';
import { CERTAINTY_RANK, type Certainty } from '../../../core/vocabulary.js';

/** First and last day (YYYY-MM-DD) of a date argument. */
export type Period = Range<string>;
import { parseExactDate, type PartialDate } from '../../../core/partial-date.js';
import { ID_PATTERN } from '../seed/schema.js';

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
