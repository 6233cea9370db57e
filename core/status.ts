/**
 * A person's status at a date. A status holds from the event that set it until the next cited
 * change, and only while there is evidence: before the person's first attested fact and, after
 * a grace period (FADE_MONTHS), after the last one, the status is NOT_ATTESTED rather than
 * carried on. Death is final. Every answer says what it rests on (`basis`) and whether it was
 * read from a recorded fact or inferred. Generic over the instant type (see span.ts).
 */
import { eventActivity, type Instant, type Range } from './span.js';
import { CERTAINTY_RANK, STATUS_BY_EVENT_KIND, TERMINAL_STATUSES, type Certainty, type EventKind, type Role, type StatusKind } from './vocabulary.js';

/** Kinds whose plain participants share the fate: those who fled together, died together. */
const PARTICIPANT_KINDS: ReadonlySet<string> = new Set<EventKind>(['FLIGHT', 'DEATH', 'SUICIDE']);

/** Whether taking part in an event of `kind` in `role` changes the person's status. */
export function affectsStatus(role: Role | string, kind: EventKind | string): boolean {
  return (
    (STATUS_BY_EVENT_KIND as Readonly<Record<string, StatusKind>>)[kind] !== undefined &&
    (role === 'TARGET' || (role === 'PARTICIPANT' && PARTICIPANT_KINDS.has(kind)))
  );
}

/** An event that undid another (a REVERSED_BY link): a later purge that reversed a rehabilitation. */
export interface Reversal<D> {
  readonly eventId: string;
  readonly date: D;
  readonly certainty: Certainty;
}

export interface TargetEvent<T extends Instant, D extends Range<T> = Range<T>> {
  readonly eventId: string;
  readonly kind: EventKind | string;
  readonly date: D;
  readonly certainty: Certainty;
  /** The events that reversed this one; its status then gives way to the one it replaced. */
  readonly reversedBy?: readonly Reversal<D>[];
}

export interface StatusChange<T extends Instant, D extends Range<T> = Range<T>> {
  readonly state: StatusKind;
  readonly date: D;
  readonly certainty: Certainty;
  /** Null when the change comes from the recorded death date. */
  readonly eventId: string | null;
}

/**
 * The span of a person's evidence: their first and last dated, cited fact (attestation.ts), and
 * the last day a status may still be carried after the last one.
 */
export interface Evidence<T extends Instant> {
  readonly first: Range<T>;
  readonly last: Range<T>;
  readonly fadesAfter: T;
}

/** What a status rests on. Only EVENT and DEATH_DATE are read from a recorded fact. */
export type StatusBasis =
  'EVENT' | 'DEATH_DATE' | 'NO_CHANGE_RECORDED' | 'CARRIED_PAST_LAST_ATTESTATION' | 'BEFORE_FIRST_ATTESTATION' | 'AFTER_LAST_ATTESTATION' | 'NO_DATED_FACT';

export interface Status<C> {
  readonly state: StatusKind;
  readonly certain: boolean;
  /** The other reading when not certain: the status if the uncertain changes had not happened, or NOT_ATTESTED. */
  readonly otherwise: StatusKind | null;
  /** The change that set the status the evidence last supports; null when none did (ACTIVE). */
  readonly change: C | null;
  /** The status the evidence last supports, before any fading (equal to `state` while attested). */
  readonly lastKnown: StatusKind;
  readonly basis: StatusBasis;
  /** True unless the state was read straight from a recorded event or death date. */
  readonly inferred: boolean;
}

/** How long after a person's last attested fact a status is still carried, as possible only. */
export const FADE_MONTHS = 24;

const byDate = <T extends Instant>(a: StatusChange<T>, b: StatusChange<T>): number =>
  a.date.earliest < b.date.earliest
    ? -1
    : a.date.earliest > b.date.earliest
      ? 1
      : a.date.latest < b.date.latest
        ? -1
        : a.date.latest > b.date.latest
          ? 1
          : (a.eventId ?? '').localeCompare(b.eventId ?? '');

/**
 * True when a death-type change already records the recorded death: its date range overlaps the
 * death date's and it is at least as certain. A merely possible execution in 1956 does not hide
 * a certain death recorded for 1958.
 */
function recordsDeath<T extends Instant>(change: StatusChange<T>, died: Range<T>, diedCertainty: Certainty): boolean {
  return (
    TERMINAL_STATUSES.has(change.state) &&
    change.date.earliest <= died.latest &&
    died.earliest <= change.date.latest &&
    CERTAINTY_RANK[change.certainty] >= CERTAINTY_RANK[diedCertainty]
  );
}

/**
 * Status changes in date order. The death date counts unless a death-type event records it
 * already. An event reversed by a later one (REVERSED_BY) gives way, at the reversing event's
 * date, to the status it had replaced: a rehabilitation undone in 1958 leaves the person
 * demoted again, not rehabilitated for good. A reversing event that changes the status itself
 * needs no such step.
 */
export function statusChanges<T extends Instant, D extends Range<T>>(
  events: readonly TargetEvent<T, D>[],
  died: D | null,
  diedCertainty: Certainty = 'CERTAIN',
): StatusChange<T, D>[] {
  const changes: (StatusChange<T, D> & { readonly reversedBy?: readonly Reversal<D>[] })[] = [];
  for (const event of events) {
    const state = (STATUS_BY_EVENT_KIND as Readonly<Record<string, StatusKind>>)[event.kind];
    if (state !== undefined) changes.push({ state, date: event.date, certainty: event.certainty, eventId: event.eventId, reversedBy: event.reversedBy ?? [] });
  }
  if (died !== null && !changes.some((change) => recordsDeath(change, died, diedCertainty))) {
    changes.push({ state: 'DEAD', date: died, certainty: diedCertainty, eventId: null });
  }
  changes.sort(byDate);
  // A reversing event that sets a status itself (a rehabilitation reversing a removal) says
  // what followed; only one that does not (a speech undoing a rehabilitation) restores the past.
  const setters = new Set(changes.map((change) => change.eventId));
  const reverted: StatusChange<T, D>[] = [];
  let before: StatusKind = 'ACTIVE';
  for (const change of changes) {
    for (const reversal of change.reversedBy ?? []) {
      if (setters.has(reversal.eventId)) continue;
      const certainty = CERTAINTY_RANK[reversal.certainty] < CERTAINTY_RANK[change.certainty] ? reversal.certainty : change.certainty;
      reverted.push({ state: before, date: reversal.date, certainty, eventId: reversal.eventId });
    }
    before = change.state;
  }
  return [...changes.map(({ state, date, certainty, eventId }) => ({ state, date, certainty, eventId })), ...reverted].sort(byDate);
}

function apply<C extends StatusChange<Instant>>(changes: readonly C[]): C | null {
  let current: C | null = null;
  for (const change of changes) {
    if (current !== null && TERMINAL_STATUSES.has(current.state)) break;
    current = change;
  }
  return current;
}

/**
 * The status at `at` (changes sorted as statusChanges sorts them).
 * - `state` assumes every change that may have happened by `at` did; it is certain when the
 *   changes that certainly happened (date passed, event certain) give the same state.
 * - A certain death or execution is final, whatever the evidence says after it.
 * - Before the first attested fact, and FADE_MONTHS after the last, the state is NOT_ATTESTED.
 *   Between the last fact and that, the last known state is carried, never as certain.
 */
export function statusAt<T extends Instant, C extends StatusChange<T>>(changes: readonly C[], evidence: Evidence<T> | null, at: Range<T>): Status<C> {
  const possible = changes.filter((change) => eventActivity(change.date, at) !== 'NO');
  const sure = possible.filter((change) => eventActivity(change.date, at) === 'CERTAIN' && change.certainty === 'CERTAIN');
  const latest = apply(possible);
  const certainLatest = apply(sure);
  const state = latest?.state ?? 'ACTIVE';
  const certainState = certainLatest?.state ?? 'ACTIVE';
  const certain = state === certainState;
  const recorded: StatusBasis = latest === null ? 'NO_CHANGE_RECORDED' : latest.eventId === null ? 'DEATH_DATE' : 'EVENT';
  const known = { change: latest, lastKnown: state };
  if (certain && TERMINAL_STATUSES.has(state)) return { ...known, state, certain, otherwise: null, basis: recorded, inferred: false };
  if (evidence === null) return { ...known, state: 'NOT_ATTESTED', certain: true, otherwise: null, basis: 'NO_DATED_FACT', inferred: true };
  if (at.latest < evidence.first.earliest) {
    return {
      change: null,
      lastKnown: 'NOT_ATTESTED',
      state: 'NOT_ATTESTED',
      certain: true,
      otherwise: null,
      basis: 'BEFORE_FIRST_ATTESTATION',
      inferred: true,
    };
  }
  if (at.earliest > evidence.fadesAfter) {
    // A possible death stays visible as the other reading of silence.
    if (TERMINAL_STATUSES.has(state)) return { ...known, state, certain: false, otherwise: 'NOT_ATTESTED', basis: recorded, inferred: false };
    return { ...known, state: 'NOT_ATTESTED', certain: true, otherwise: null, basis: 'AFTER_LAST_ATTESTATION', inferred: true };
  }
  if (at.latest > evidence.last.latest) {
    return { ...known, state, certain: false, otherwise: 'NOT_ATTESTED', basis: 'CARRIED_PAST_LAST_ATTESTATION', inferred: true };
  }
  if (at.earliest < evidence.first.latest) {
    // `at` begins before the first fact may have happened: the person may not be attested yet.
    return { ...known, state, certain: false, otherwise: certain ? 'NOT_ATTESTED' : certainState, basis: recorded, inferred: latest === null };
  }
  return { ...known, state, certain, otherwise: certain ? null : certainState, basis: recorded, inferred: latest === null };
}
