/**
 * A person's status at a date, derived from the events in which they were the TARGET (or a
 * plain participant of a flight, death or suicide: the seed records those who fled together as
 * participants) and their recorded death date. Pure: the API, the network frame and the client's timeline all
 * compute the same answer from the same inputs.
 */
import { CERTAINTY_RANK, eventActivity, type Certainty, type Period } from './intervals.js';
import type { PartialDate } from './partial-date.js';

export type StatusKind =
  | 'ACTIVE' | 'DEMOTED' | 'EXPELLED' | 'ARRESTED' | 'IMPRISONED' | 'LABOUR_REFORM'
  | 'FLED_ABROAD' | 'EXECUTED' | 'DEAD' | 'REHABILITATED';

/** Event kinds that change the status of their TARGET. Other kinds (a plenum) do not by themselves. */
export const STATUS_BY_EVENT_KIND: Readonly<Record<string, StatusKind>> = {
  REMOVAL: 'DEMOTED',
  DEMOTION: 'DEMOTED',
  EXPULSION: 'EXPELLED',
  ARREST: 'ARRESTED',
  TRIAL: 'ARRESTED',
  SENTENCE: 'IMPRISONED',
  LABOUR_REFORM: 'LABOUR_REFORM',
  FLIGHT: 'FLED_ABROAD',
  EXECUTION: 'EXECUTED',
  DEATH: 'DEAD',
  SUICIDE: 'DEAD',
  REHABILITATION: 'REHABILITATED',
  READMISSION: 'REHABILITATED',
};

/** Kinds whose plain participants share the fate: those who fled together, died together. */
const PARTICIPANT_KINDS: ReadonlySet<string> = new Set(['FLIGHT', 'DEATH', 'SUICIDE']);

/** Whether taking part in an event of `kind` in `role` changes the person's status. */
export function affectsStatus(role: string, kind: string): boolean {
  return STATUS_BY_EVENT_KIND[kind] !== undefined && (role === 'TARGET' || (role === 'PARTICIPANT' && PARTICIPANT_KINDS.has(kind)));
}

/** Death is final: a later (posthumous) rehabilitation does not make anyone active again. */
const TERMINAL: ReadonlySet<StatusKind> = new Set(['EXECUTED', 'DEAD']);

export interface TargetEvent {
  readonly eventId: string;
  readonly kind: string;
  readonly date: PartialDate;
  readonly certainty: Certainty;
}

export interface StatusChange {
  readonly state: StatusKind;
  readonly date: PartialDate;
  readonly certainty: Certainty;
  /** Null when the change comes from the recorded death date. */
  readonly eventId: string | null;
}

export interface Status {
  readonly state: StatusKind;
  readonly certain: boolean;
  /** The status if the uncertain changes had not happened; null when certain. */
  readonly otherwise: StatusKind | null;
  /** The change that set `state`; null for ACTIVE. */
  readonly change: StatusChange | null;
}

const byDate = (a: StatusChange, b: StatusChange): number =>
  a.date.earliest.localeCompare(b.date.earliest) || a.date.latest.localeCompare(b.date.latest) || (a.eventId ?? '').localeCompare(b.eventId ?? '');

/**
 * True when a death-type change (death, suicide, execution) already records the recorded death:
 * its date range overlaps the death date's and it is at least as certain. A merely possible
 * execution in 1956 does not hide a certain death recorded for 1958.
 */
function recordsDeath(change: StatusChange, died: PartialDate, diedCertainty: Certainty): boolean {
  return TERMINAL.has(change.state)
    && change.date.earliest <= died.latest && died.earliest <= change.date.latest
    && CERTAINTY_RANK[change.certainty] >= CERTAINTY_RANK[diedCertainty];
}

/**
 * Status changes in date order. The death date counts unless a death-type event records it
 * already (recordsDeath).
 */
export function statusChanges(events: readonly TargetEvent[], died: PartialDate | null, diedCertainty: Certainty = 'CERTAIN'): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const event of events) {
    const state = STATUS_BY_EVENT_KIND[event.kind];
    if (state !== undefined) changes.push({ state, date: event.date, certainty: event.certainty, eventId: event.eventId });
  }
  if (died !== null && !changes.some((change) => recordsDeath(change, died, diedCertainty))) {
    changes.push({ state: 'DEAD', date: died, certainty: diedCertainty, eventId: null });
  }
  return changes.sort(byDate);
}

function apply(changes: readonly StatusChange[]): StatusChange | null {
  let current: StatusChange | null = null;
  for (const change of changes) {
    if (current !== null && TERMINAL.has(current.state)) break;
    current = change;
  }
  return current;
}

/**
 * `state` assumes every change that may have happened by `at` did; it is certain when the
 * changes that certainly happened (date passed, event certain) give the same state.
 */
export function statusAt(changes: readonly StatusChange[], at: Period): Status {
  const possible = changes.filter((change) => eventActivity(change.date, at) !== 'NO');
  const sure = possible.filter((change) => eventActivity(change.date, at) === 'CERTAIN' && change.certainty === 'CERTAIN');
  const latest = apply(possible);
  const certainLatest = apply(sure);
  const state = latest?.state ?? 'ACTIVE';
  const certainState = certainLatest?.state ?? 'ACTIVE';
  const certain = state === certainState;
  return { state, certain, otherwise: certain ? null : certainState, change: latest };
}
