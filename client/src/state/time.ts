/**
 * The time cursor: a day within the data's range, a play flag and a speed. The slider moves by
 * months; event jumps land on an event's first possible day, so they may fall mid-month.
 */
import { addMonths, monthsBetween, monthStart } from './dates.js';

export interface TimeState {
  readonly day: number;
  readonly start: number;
  readonly end: number;
  readonly playing: boolean;
  /** Months advanced per second while playing. */
  readonly speed: number;
}

export const SPEEDS: readonly number[] = [1, 3, 6, 12, 24];

export function initialTime(start: number, end: number, day?: number): TimeState {
  const s = monthStart(start);
  return { start: s, end, day: clamp(day ?? s, s, end), playing: false, speed: 6 };
}

const clamp = (day: number, start: number, end: number): number => Math.min(end, Math.max(start, day));

export function setDay(t: TimeState, day: number): TimeState {
  const next = clamp(day, t.start, t.end);
  return next === t.day ? t : { ...t, day: next };
}

/** One slider notch per month. */
export function sliderMax(t: TimeState): number {
  return monthsBetween(t.start, monthStart(t.end));
}
export function sliderValue(t: TimeState): number {
  return monthsBetween(t.start, monthStart(t.day));
}
export function fromSlider(t: TimeState, value: number): TimeState {
  return setDay(t, addMonths(t.start, value));
}

export function stepMonths(t: TimeState, months: number): TimeState {
  return setDay(t, addMonths(monthStart(t.day), months));
}

export function play(t: TimeState): TimeState {
  // Playing from the end restarts, as a media player does.
  const day = t.day >= monthStart(t.end) ? t.start : t.day;
  return { ...t, day, playing: true };
}
export const pause = (t: TimeState): TimeState => (t.playing ? { ...t, playing: false } : t);
export const setSpeed = (t: TimeState, speed: number): TimeState => ({ ...t, speed: Math.max(0.25, speed) });

/** Advance while playing; stops at the end. */
export function tick(t: TimeState): TimeState {
  if (!t.playing) return t;
  const next = stepMonths(t, 1);
  if (next.day === t.day || next.day >= t.end) return { ...next, playing: false };
  return next;
}

/** The next (dir 1) or previous (dir -1) event day strictly after/before `day`; null if none. */
export function jumpTarget(eventDays: readonly number[], day: number, dir: 1 | -1): number | null {
  // eventDays is sorted; binary search keeps this cheap at thousands of events.
  let lo = 0;
  let hi = eventDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((eventDays[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  if (dir === 1) return lo < eventDays.length ? (eventDays[lo] as number) : null;
  let i = lo - 1;
  while (i >= 0 && (eventDays[i] as number) >= day) i -= 1;
  return i >= 0 ? (eventDays[i] as number) : null;
}

export function jumpToEvent(t: TimeState, eventDays: readonly number[], dir: 1 | -1): TimeState {
  const target = jumpTarget(eventDays, t.day, dir);
  return target === null ? t : setDay({ ...t, playing: false }, target);
}
