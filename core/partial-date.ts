/**
 * Partial dates: "1956", "1956-08", "1956-08-30", approximate forms ("~1958", "early 1957")
 * and their earliest/latest bounds, plus the day arithmetic the time rules need. Seed
 * validation, the loader, the API and the client all parse dates here, so a date means the
 * same thing everywhere. Dependency-free.
 */
export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PartialDate {
  /** Canonical ISO form at its precision: "1956", "1956-08", "1956-08-30". */
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly approximate: boolean;
  /** Qualifier of a year-precision approximate date, as written: "early", "mid", "late". */
  readonly qualifier?: 'early' | 'mid' | 'late';
  /** First day the date may denote (YYYY-MM-DD). */
  readonly earliest: string;
  /** Last day the date may denote (YYYY-MM-DD). */
  readonly latest: string;
}

export type ParseResult = { ok: true; value: PartialDate } | { ok: false; error: string };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** (year, month) moved by `delta` months. */
export function shiftMonth(year: number, month: number, delta: number): [number, number] {
  const index = year * 12 + (month - 1) + delta;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** A YYYY-MM-DD day moved by `delta` days. */
export function shiftDay(iso: string, delta: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

const QUALIFIER_MONTHS = { early: [1, 4], mid: [5, 8], late: [9, 12] } as const;

export const DATE_FORMS_HELP = 'expected YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by "~" (approximate) or "early"/"mid"/"late" before a year';

/** Accepts the seed forms; the API accepts the exact forms only (see parseExactDate). */
export function parsePartialDate(input: string): ParseResult {
  const text = input.trim();
  const qualified = /^(early|mid|late)\s+(\d{4})$/i.exec(text);
  if (qualified) {
    const qualifier = qualified[1]!.toLowerCase() as 'early' | 'mid' | 'late';
    const year = Number(qualified[2]);
    const [first, last] = QUALIFIER_MONTHS[qualifier];
    return {
      ok: true,
      value: {
        iso: String(year).padStart(4, '0'),
        precision: 'YEAR',
        approximate: true,
        qualifier,
        earliest: ymd(year, first, 1),
        latest: ymd(year, last, daysInMonth(year, last)),
      },
    };
  }
  const match = /^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return { ok: false, error: `"${input}" is not a date: ${DATE_FORMS_HELP}` };
  const approximate = match[1] === '~';
  const year = Number(match[2]);
  const month = match[3] === undefined ? undefined : Number(match[3]);
  const day = match[4] === undefined ? undefined : Number(match[4]);
  if (month !== undefined && (month < 1 || month > 12)) return { ok: false, error: `"${input}" has month ${match[3]}; months run 01-12` };
  if (month === undefined) {
    const span = approximate ? 1 : 0;
    return {
      ok: true,
      value: { iso: match[2]!, precision: 'YEAR', approximate, earliest: ymd(year - span, 1, 1), latest: ymd(year + span, 12, 31) },
    };
  }
  if (day === undefined) {
    const span = approximate ? 1 : 0;
    const [fromYear, fromMonth] = shiftMonth(year, month, -span);
    const [toYear, toMonth] = shiftMonth(year, month, span);
    return {
      ok: true,
      value: {
        iso: `${match[2]}-${match[3]}`,
        precision: 'MONTH',
        approximate,
        earliest: ymd(fromYear, fromMonth, 1),
        latest: ymd(toYear, toMonth, daysInMonth(toYear, toMonth)),
      },
    };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: `"${input}" has day ${match[4]}, but ${match[2]}-${match[3]} has ${daysInMonth(year, month)} days` };
  }
  const iso = `${match[2]}-${match[3]}-${match[4]}`;
  return {
    ok: true,
    value: {
      iso,
      precision: 'DAY',
      approximate,
      earliest: approximate ? shiftDay(iso, -1) : iso,
      latest: approximate ? shiftDay(iso, 1) : iso,
    },
  };
}

/** API arguments: "1956", "1956-08" or "1956-08-30" only. */
export function parseExactDate(input: string): ParseResult {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(input.trim())) {
    return { ok: false, error: `"${input}" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD` };
  }
  return parsePartialDate(input);
}

/** The written form, for display and export: "~1958", "early 1957", "1956-08". */
export function formatPartialDate(date: PartialDate): string {
  if (date.qualifier) return `${date.qualifier} ${date.iso}`;
  return date.approximate ? `~${date.iso}` : date.iso;
}

/** Shifts a YYYY-MM-DD day by whole months, clamping the day to the target month. */
export function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [year, month] = shiftMonth(y, m, months);
  return ymd(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole days from a to b (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);
}

const MS_PER_DAY = 86_400_000;

/**
 * Day numbers (days since 1970-01-01, UTC) are the client's time unit, where comparing integers
 * keeps a frame cheap. "1956", "1956-08" or "1956-08-30" -> the first day it denotes.
 */
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

/** A day number as YYYY-MM-DD. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
