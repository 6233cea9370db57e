/**
 * Segments for the details panel's Gantt-like strips: status over time and memberships over
 * time, as fractions of the data's range so the panel only has to set widths.
 */
import type { Moment, StatusKind } from '../model.js';
import { statusGroup, type StatusGroup } from './status.js';

export interface LaneSegment {
  /** Fractions of the range, 0..1. */
  readonly start: number;
  readonly end: number;
  readonly state: StatusKind;
  readonly group: StatusGroup;
  /** True for the stretch where the change may or may not have happened yet. */
  readonly uncertain: boolean;
}

export function statusLane(
  changes: readonly { readonly state: StatusKind; readonly date: Moment }[],
  rangeStart: number,
  rangeEnd: number,
): LaneSegment[] {
  const span = Math.max(1, rangeEnd - rangeStart);
  const frac = (day: number): number => Math.min(1, Math.max(0, (day - rangeStart) / span));
  const sorted = [...changes].sort((a, b) => a.date.earliest - b.date.earliest);
  const segments: LaneSegment[] = [];
  let state: StatusKind = 'ACTIVE';
  let from = rangeStart;
  for (const c of sorted) {
    if (c.date.earliest > from) segments.push({ start: frac(from), end: frac(c.date.earliest), state, group: statusGroup(state), uncertain: false });
    // Between a change's earliest and latest day it may or may not have happened.
    if (c.date.latest > c.date.earliest) {
      segments.push({ start: frac(c.date.earliest), end: frac(c.date.latest), state: c.state, group: statusGroup(c.state), uncertain: true });
    }
    state = c.state;
    from = Math.max(from, c.date.latest);
  }
  if (from < rangeEnd) segments.push({ start: frac(from), end: 1, state, group: statusGroup(state), uncertain: false });
  return segments.filter((s) => s.end > s.start);
}

export interface IntervalBar {
  readonly start: number;
  readonly end: number;
  /** Open ends (no date given by the source) are drawn faded. */
  readonly openStart: boolean;
  readonly openEnd: boolean;
}

export function intervalBar(from: Moment | null, to: Moment | null, rangeStart: number, rangeEnd: number): IntervalBar {
  const span = Math.max(1, rangeEnd - rangeStart);
  const frac = (day: number): number => Math.min(1, Math.max(0, (day - rangeStart) / span));
  return {
    start: from === null ? 0 : frac(from.earliest),
    end: to === null ? 1 : frac(to.latest),
    openStart: from === null,
    openEnd: to === null,
  };
}
