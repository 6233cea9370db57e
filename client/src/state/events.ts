/**
 * Events as the reader browses them: one order for every list (date, then title), the event a
 * "Previous event" or "Next event" step lands on, and a page of the event list around a date.
 * Pure; the event panel and the lists read only this.
 */
import type { AtlasEvent, Moment } from '../timeline-types.js';

/** By first possible day, then last, then title and id: the API's order, made total. */
export function byDate(a: AtlasEvent, b: AtlasEvent): number {
  return a.date.earliest - b.date.earliest || a.date.latest - b.date.latest || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

export function sortedEvents(events: readonly AtlasEvent[], hiddenKinds: readonly string[] = [], kind: string | null = null): AtlasEvent[] {
  const hidden = new Set(hiddenKinds);
  return events.filter((e) => !hidden.has(e.kind) && (kind === null || e.kind === kind)).sort(byDate);
}

/** Index of the first event whose first possible day is after `day` (binary search). */
function firstAfter(sorted: readonly AtlasEvent[], day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as AtlasEvent).date.earliest <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The event a step in direction `dir` from `day` lands on. From an open event it moves to the
 * one beside it in the list (events of one day are taken in turn); else to the first event
 * starting after the day, or the last starting before it.
 */
export function stepEvent(sorted: readonly AtlasEvent[], day: number, dir: 1 | -1, currentId: string | null = null): AtlasEvent | null {
  if (currentId !== null) {
    const i = sorted.findIndex((e) => e.id === currentId);
    if (i >= 0) return sorted[i + dir] ?? null;
  }
  const after = firstAfter(sorted, day);
  if (dir === 1) return sorted[after] ?? null;
  let i = after - 1;
  while (i >= 0 && (sorted[i] as AtlasEvent).date.earliest >= day) i -= 1;
  return sorted[i] ?? null;
}

export interface EventPage {
  readonly events: readonly AtlasEvent[];
  /** Index of the page's first event in the whole sorted list. */
  readonly from: number;
  readonly total: number;
}

export const PAGE_SIZE = 40;

/** The page that starts a few events before `day`, shifted by `offset` pages. */
export function pageAround(sorted: readonly AtlasEvent[], day: number, offset: number): EventPage {
  const anchor = Math.max(0, firstAfter(sorted, day) - 5);
  const maxFrom = Math.max(0, sorted.length - PAGE_SIZE);
  const from = Math.min(maxFrom, Math.max(0, anchor + offset * PAGE_SIZE));
  return { events: sorted.slice(from, from + PAGE_SIZE), from, total: sorted.length };
}

/** What a date says about its precision, for the panel's date line. */
export function precisionText(date: Moment): string {
  return `${date.approximate ? 'approximate; ' : ''}known to the ${date.precision.toLowerCase()}`;
}
