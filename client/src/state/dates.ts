/**
 * Day numbers (days since 1970-01-01, UTC) are the client's time unit: comparing integers is
 * what keeps a frame cheap, and ISO strings appear only at the edges (URL, labels, API).
 */
import { dayOf, isoOf } from '../../../core/partial-date.js';

// One definition of day numbers, core's; re-exported for the state modules.
export { dayOf, isoOf };

const MS_PER_DAY = 86_400_000;

/** Like dayOf, but null for an unparseable string (URL input). */
export function tryDayOf(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined) return null;
  try {
    return dayOf(iso);
  } catch {
    return null;
  }
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** First day of the month containing `day`. */
export function monthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY);
}

/** Shift by whole months, landing on the first of the month (the slider's step). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / MS_PER_DAY);
}

/** Whole months between two month starts; the slider's position. */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from * MS_PER_DAY);
  const b = new Date(to * MS_PER_DAY);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/** Label for a date at the slider's precision: "August 1956". */
export function monthLabel(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  return date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
