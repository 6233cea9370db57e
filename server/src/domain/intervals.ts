/**
 * Time semantics of docs/data-model.md, generalised from a day to a period: an API date
 * argument at year or month precision ("1956") denotes its whole period, so "certain" must hold
 * for every day of it and "possible" for some day of it. For a single day both reduce to the
 * definitions in the data model.
 */
import type { PartialDate } from './partial-date.js';
import { daysInMonth, shiftMonth, ymd } from './partial-date.js';

/** First and last day (YYYY-MM-DD) of a date argument or window. */
export interface Period {
  readonly earliest: string;
  readonly latest: string;
}

export type Activity = 'CERTAIN' | 'POSSIBLE' | 'NO';

export type Certainty = 'CERTAIN' | 'PROBABLE' | 'POSSIBLE';

export const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { CERTAIN: 3, PROBABLE: 2, POSSIBLE: 1 };

/** An interval [from, to]; a missing bound is open (the source gives none). */
export function intervalActivity(from: PartialDate | null, to: PartialDate | null, at: Period): Activity {
  const possible = (from === null || from.earliest <= at.latest) && (to === null || at.earliest <= to.latest);
  if (!possible) return 'NO';
  // A missing start is never certain: the source does not say when it began.
  const certain = from !== null && from.latest <= at.earliest && (to === null || at.latest < to.earliest);
  return certain ? 'CERTAIN' : 'POSSIBLE';
}

/** Whether an event dated `date` has happened by `at` (an event takes effect on its day). */
export function eventActivity(date: PartialDate, at: Period): Activity {
  if (date.latest <= at.earliest) return 'CERTAIN';
  if (date.earliest <= at.latest) return 'POSSIBLE';
  return 'NO';
}

/** Whether a dated event may fall inside a period. */
export function mayFallWithin(date: PartialDate, period: Period): boolean {
  return date.earliest <= period.latest && period.earliest <= date.latest;
}

/** Shifts a YYYY-MM-DD day by whole months, clamping the day to the target month. */
export function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [year, month] = shiftMonth(y, m, months);
  return ymd(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole days from a to b (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
