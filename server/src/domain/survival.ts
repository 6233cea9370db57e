/**
 * Survival of a faction's members: a Kaplan–Meier estimate over calendar days, with late entry.
 * The rule (docs/analysis.md):
 * - a person enters on the first day their membership may hold (the earliest start of their
 *   memberships in the faction, core/attestation.ts spans);
 * - the event is their first fall on or after entering: the first status change to a fall
 *   status (core/vocabulary.ts FALL_STATUSES: a purge, an execution, a flight abroad), dated by
 *   the first day its date may denote;
 * - a person is censored at the earliest of: a death from other causes (status DEAD), the last
 *   day their membership may hold, and the last day of their last attested fact — unless the
 *   fall comes first (on the same day, the fall counts).
 * At each day with a fall or a censoring, `atRisk` counts those who entered on or before it and
 * have not left before it, and S(t) = S(t-) (1 - fallen / atRisk). Falls and censorings on one
 * day: the censored are still at risk that day (the usual convention).
 */
import { FALL_STATUSES, type StatusKind } from '../../../core/vocabulary.js';
import type { Span } from '../../../core/span.js';

export interface SurvivalSubject {
  readonly personId: string;
  /** First day at risk (YYYY-MM-DD). */
  readonly entry: string;
  /** The day of the fall or of the censoring. */
  readonly exit: string;
  readonly fell: boolean;
}

export interface SurvivalPointValue {
  readonly date: string;
  readonly atRisk: number;
  readonly fallen: number;
  readonly censored: number;
  readonly survival: number;
}

export interface StatusChangeInput {
  readonly state: StatusKind;
  readonly date: { readonly earliest: string; readonly latest: string };
}

const min = (values: readonly string[]): string => values.reduce((a, b) => (b < a ? b : a));
const max = (values: readonly string[]): string => values.reduce((a, b) => (b > a ? b : a));

/**
 * One person's time in one faction. `spans`: their memberships in it; `changes`: their status
 * changes in date order (core/status.ts statusChanges); `lastAttested`: the last day of their
 * last attested fact (null when none). Null when no membership is dated.
 */
export function survivalSubject(
  personId: string,
  spans: readonly Span<string>[],
  changes: readonly StatusChangeInput[],
  lastAttested: string | null,
): SurvivalSubject | null {
  const dated = spans.flatMap((span) => (span.possible === null ? [] : [span.possible]));
  if (dated.length === 0) return null;
  const entry = min(dated.map((range) => range.earliest));
  const membershipEnd = max(dated.map((range) => range.latest));
  const fall = changes.find((change) => FALL_STATUSES.has(change.state) && change.date.earliest >= entry);
  const death = changes.find((change) => change.state === 'DEAD' && change.date.earliest >= entry);
  const censorAt = min([membershipEnd, ...(lastAttested === null ? [] : [lastAttested]), ...(death === undefined ? [] : [death.date.earliest])]);
  if (fall !== undefined && fall.date.earliest <= censorAt) return { personId, entry, exit: fall.date.earliest, fell: true };
  if (censorAt < entry) return null;
  return { personId, entry, exit: censorAt, fell: false };
}

/**
 * The Kaplan–Meier table of some subjects between `from` and `to` (inclusive, YYYY-MM-DD; null:
 * unbounded). With `from`, the estimate is conditional on being at risk then: those who left
 * before it are left out, the others enter no earlier than it.
 */
export function kaplanMeier(subjects: readonly SurvivalSubject[], from: string | null, to: string | null): SurvivalPointValue[] {
  const inWindow = subjects
    .filter((s) => (from === null || s.exit >= from) && (to === null || s.entry <= to))
    .map((s) => (from !== null && s.entry < from ? { ...s, entry: from } : s));
  // One sweep over the days in order: at risk = entered by the day less those who left before it.
  const entries = inWindow.map((s) => s.entry).sort();
  const byExit = new Map<string, { fallen: number; censored: number }>();
  for (const s of inWindow) {
    const counts = byExit.get(s.exit) ?? { fallen: 0, censored: 0 };
    if (s.fell) counts.fallen += 1;
    else counts.censored += 1;
    byExit.set(s.exit, counts);
  }
  const days = [...byExit.keys()].filter((day) => to === null || day <= to).sort();
  const points: SurvivalPointValue[] = [];
  let survival = 1;
  let entered = 0;
  let left = 0;
  for (const day of days) {
    while (entered < entries.length && entries[entered]! <= day) entered += 1;
    const { fallen, censored } = byExit.get(day)!;
    const atRisk = entered - left;
    if (atRisk > 0) survival *= 1 - fallen / atRisk;
    points.push({ date: day, atRisk, fallen, censored, survival });
    left += fallen + censored;
  }
  return points;
}
