/**
 * Segments for the details panel's Gantt-like strips: status over time and memberships over
 * time, as fractions of the data's range so the panel only has to set widths. Both read the one
 * time model: the status strip asks core/status.ts statusAt between the days where its answer
 * can change, and a membership strip draws the span core/attestation.ts inferred.
 */
import type { Span } from '../../../core/span.js';
import { statusAt, type Evidence, type StatusChange } from '../../../core/status.js';
import type { StatusKind } from '../timeline-types.js';
import { statusGroup, type StatusGroup } from './status-groups.js';

export interface LaneSegment {
  /** Fractions of the range, 0..1. */
  readonly start: number;
  readonly end: number;
  readonly state: StatusKind;
  readonly group: StatusGroup;
  /** True where the status is not certain (imprecise dates, uncertain facts, carried past the evidence). */
  readonly uncertain: boolean;
}

/** The status strip: statusAt evaluated on each stretch between the days where it may change. */
export function statusLane(changes: readonly StatusChange<number>[], evidence: Evidence<number> | null, rangeStart: number, rangeEnd: number): LaneSegment[] {
  const span = Math.max(1, rangeEnd - rangeStart);
  const frac = (day: number): number => Math.min(1, Math.max(0, (day - rangeStart) / span));
  const cuts = new Set<number>([rangeStart, rangeEnd + 1]);
  for (const c of changes) cuts.add(c.date.earliest).add(c.date.latest + 1);
  if (evidence !== null)
    cuts
      .add(evidence.first.earliest)
      .add(evidence.first.latest + 1)
      .add(evidence.last.latest + 1)
      .add(evidence.fadesAfter + 1);
  const days = [...cuts].filter((d) => d >= rangeStart && d <= rangeEnd + 1).sort((a, b) => a - b);
  const segments: LaneSegment[] = [];
  for (let i = 0; i + 1 < days.length; i += 1) {
    const from = days[i] as number;
    const to = days[i + 1] as number;
    const status = statusAt(changes, evidence, { earliest: from, latest: from });
    const previous = segments[segments.length - 1];
    const segment = { start: frac(from), end: frac(to), state: status.state, group: statusGroup(status.state), uncertain: !status.certain };
    if (previous !== undefined && previous.state === segment.state && previous.uncertain === segment.uncertain) {
      segments[segments.length - 1] = { ...previous, end: segment.end };
    } else {
      segments.push(segment);
    }
  }
  return segments.filter((s) => s.end > s.start);
}

export interface SpanBar {
  /** Fractions of the range: where the interval may hold, and where it certainly does (null: nowhere). */
  readonly possible: { readonly start: number; readonly end: number } | null;
  readonly certain: { readonly start: number; readonly end: number } | null;
}

export function spanBar(span: Span<number>, rangeStart: number, rangeEnd: number): SpanBar {
  const width = Math.max(1, rangeEnd - rangeStart);
  const frac = (day: number): number => Math.min(1, Math.max(0, (day - rangeStart) / width));
  const part = (r: { earliest: number; latest: number } | null): SpanBar['possible'] =>
    r === null ? null : { start: frac(r.earliest), end: frac(r.latest + 1) };
  return { possible: part(span.possible), certain: part(span.certain) };
}
