/**
 * When a fact holds: the interval rule, the event rule and the choice of a person's faction at a
 * date, stated once for the seed, the server and the client (docs/data-model.md, "Time").
 *
 * Every rule here is generic over the instant type: ISO days ("1956-08-30", which order as
 * strings) on the server, day numbers on the client, whose frames must stay cheap. The two are
 * never mixed in one call.
 */
import type { Certainty } from './vocabulary.js';
import { CERTAINTY_RANK } from './vocabulary.js';

export type Instant = string | number;

/** A period: a date argument ("1956" is every day of 1956) or a partial date's bounds. Inclusive. */
export interface Range<T extends Instant> {
  readonly earliest: T;
  readonly latest: T;
}

export type Activity = 'CERTAIN' | 'POSSIBLE' | 'NO';

/**
 * Where an interval (membership, office, tie) holds, after its undated ends were inferred
 * (attestation.ts). Both stretches are inclusive. `possible` is null when no dated fact attests
 * the interval at all: it is then undated, and active at no date. `certain` is null when no day
 * is certain (an uncertain fact, or bounds too vague to overlap).
 */
export interface Span<T extends Instant> {
  readonly possible: Range<T> | null;
  readonly certain: Range<T> | null;
}

/**
 * CERTAIN when the interval certainly holds on every day of `at`; POSSIBLE when it may hold on
 * some day of it; NO otherwise. For a single day both reduce to "the day is in the stretch".
 */
export function spanActivity<T extends Instant>(span: Span<T>, at: Range<T>): Activity {
  const possible = span.possible;
  if (possible === null || possible.earliest > at.latest || at.earliest > possible.latest) return 'NO';
  const certain = span.certain;
  return certain !== null && certain.earliest <= at.earliest && at.latest <= certain.latest ? 'CERTAIN' : 'POSSIBLE';
}

/** Whether an event dated `date` has happened by `at` (an event takes effect on its day). */
export function eventActivity<T extends Instant>(date: Range<T>, at: Range<T>): Activity {
  if (date.latest <= at.earliest) return 'CERTAIN';
  if (date.earliest <= at.latest) return 'POSSIBLE';
  return 'NO';
}

/** Whether a dated event may fall inside a period. */
export function mayFallWithin<T extends Instant>(date: Range<T>, period: Range<T>): boolean {
  return date.earliest <= period.latest && period.earliest <= date.latest;
}

const ACTIVITY_ORDER: Readonly<Record<Activity, number>> = { CERTAIN: 2, POSSIBLE: 1, NO: 0 };

export interface Placeable<T extends Instant> {
  readonly span: Span<T>;
  readonly certainty: Certainty;
  readonly factionId: string;
}

/**
 * The membership a person is drawn in at `at`: among those active then, certainly active first,
 * then the more certain fact, then the later start, then the faction id. Null when none is
 * active: the person then belongs to no faction at that date, whatever came before or after.
 */
export function placeAt<T extends Instant, M extends Placeable<T>>(memberships: readonly M[], at: Range<T>): M | null {
  let best: M | null = null;
  let bestActivity: Activity = 'NO';
  for (const m of memberships) {
    const activity = spanActivity(m.span, at);
    if (activity === 'NO') continue;
    if (best === null || stronger(m, activity, best, bestActivity)) {
      best = m;
      bestActivity = activity;
    }
  }
  return best;
}

function stronger<T extends Instant>(a: Placeable<T>, aActivity: Activity, b: Placeable<T>, bActivity: Activity): boolean {
  const byActivity = ACTIVITY_ORDER[aActivity] - ACTIVITY_ORDER[bActivity];
  if (byActivity !== 0) return byActivity > 0;
  const byCertainty = CERTAINTY_RANK[a.certainty] - CERTAINTY_RANK[b.certainty];
  if (byCertainty !== 0) return byCertainty > 0;
  const aStart = a.span.possible?.earliest;
  const bStart = b.span.possible?.earliest;
  if (aStart !== undefined && bStart !== undefined && aStart !== bStart) return aStart > bStart;
  return a.factionId < b.factionId;
}

/** Orders memberships as placeAt ranks them (the first is the one placeAt picks). */
export function byPlacement<T extends Instant, M extends Placeable<T>>(at: Range<T>): (a: M, b: M) => number {
  return (a, b) => {
    const aActivity = spanActivity(a.span, at);
    const bActivity = spanActivity(b.span, at);
    if (a === b) return 0;
    return stronger(a, aActivity, b, bActivity) ? -1 : stronger(b, bActivity, a, aActivity) ? 1 : 0;
  };
}
