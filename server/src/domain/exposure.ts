/**
 * Exposure at a fall: of a person's ties active when they fell, the share whose other end had
 * already fallen. A tie is active at the fall when its span may hold on a day of the fall's date
 * (core/span.ts spanActivity, not NO); the other end had already fallen when their first fall
 * (FALL_STATUSES) began before this one: its first possible day is earlier.
 */
import { spanActivity, type Span } from '../../../core/span.js';
import { FALL_STATUSES, type StatusKind } from '../../../core/vocabulary.js';

export interface DatedChange<E> {
  readonly state: StatusKind;
  readonly date: { readonly earliest: string; readonly latest: string };
  readonly event?: E | undefined;
}

export interface ExposureTie<T, E> {
  readonly tie: T;
  readonly span: Span<string>;
  /** The other end's status changes in date order. */
  readonly otherChanges: readonly DatedChange<E>[];
}

export interface ExposureValue<T, C> {
  readonly fall: C | null;
  readonly share: number;
  /** Ties active at the fall. */
  readonly active: readonly T[];
  /** Those of them whose other end had already fallen. */
  readonly exposed: readonly T[];
}

export function firstFall<C extends DatedChange<unknown>>(changes: readonly C[]): C | null {
  return changes.find((change) => FALL_STATUSES.has(change.state)) ?? null;
}

export function exposureAt<T, E, C extends DatedChange<E>>(changes: readonly C[], ties: readonly ExposureTie<T, E>[]): ExposureValue<T, C> {
  const fall = firstFall(changes);
  if (fall === null) return { fall: null, share: 0, active: [], exposed: [] };
  const active = ties.filter((tie) => spanActivity(tie.span, fall.date) !== 'NO');
  const exposed = active.filter((tie) => {
    const other = firstFall(tie.otherChanges);
    return other !== null && other.date.earliest < fall.date.earliest;
  });
  return { fall, share: active.length === 0 ? 0 : exposed.length / active.length, active: active.map((t) => t.tie), exposed: exposed.map((t) => t.tie) };
}
