/**
 * Day numbers (days since 1970-01-01, UTC) are the client's time unit: comparing integers is
 * what keeps a frame cheap, and ISO strings appear only at the edges (URL, labels, API).
 */

const MS_PER_DAY = 86_400_000;

/** "1956", "1956-08" or "1956-08-30" -> the first day it denotes. Throws on anything else. */
export function dayOf(iso: string): number {
  const match = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!match) throw new Error(`"${iso}" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Like dayOf, but null for an unparseable string (URL input). */
export function tryDayOf(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined) return null;
  try {
    return dayOf(iso);
  } catch {
    return null;
  }
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
