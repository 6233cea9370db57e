/**
 * Frame computation: given the timeline and a day, who is where with which status and which
 * ties show. The rules are core/'s (span.ts, status.ts), the same the server's `network` uses;
 * this module only prepares the data once per filter change (filtering, sorting) so that
 * computeFrame, the hot path of scrubbing, does no more than call them.
 */
import { placeAt, spanActivity, type Range, type Span } from '../../../core/span.js';
import { statusAt, type Evidence, type StatusBasis, type StatusChange } from '../../../core/status.js';
import type { Certainty, StatusKind, Tie, TieKind, Timeline } from '../timeline-types.js';
import { factPredicate, filtersBySource, hidesNoFaction, type Filters } from './filters.js';
import { isGone, statusGroup, type StatusGroup } from './status-groups.js';

interface PreparedMembership {
  readonly span: Span<number>;
  readonly certainty: Certainty;
  readonly factionId: string;
}

export interface PreparedPerson {
  readonly id: string;
  readonly memberships: readonly PreparedMembership[];
  /** In date order, as core/status.ts statusChanges sorts them. */
  readonly changes: readonly StatusChange<number>[];
  readonly evidence: Evidence<number> | null;
  /** First day the person is shown: their first attested fact (the server's attestedEarliest). */
  readonly appears: number;
}

interface PreparedTie {
  readonly id: string;
  readonly kind: TieKind;
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  readonly span: Span<number>;
}

export interface Prepared {
  /** Last day each faction may still have acted as a group (Infinity: no recorded end). */
  readonly factionEnds: ReadonlyMap<string, number>;
  readonly persons: readonly PreparedPerson[];
  readonly ties: readonly PreparedTie[];
  readonly hiddenFactions: ReadonlySet<string>;
  readonly hideGone: boolean;
  /** People in no faction at the date are hidden (filters.ts hidesNoFaction). */
  readonly hideNoFaction: boolean;
}

export interface PersonFrame {
  readonly id: string;
  /** The person's faction then: the membership active then (core placeAt), else the last ended one. */
  readonly parent: string | null;
  /** True when `parent` is a membership that has ended: drawn faded, outside every box (boxOf). */
  readonly former: boolean;
  readonly membershipCertain: boolean;
  readonly state: StatusKind;
  readonly group: StatusGroup;
  readonly statusCertain: boolean;
  readonly basis: StatusBasis;
  /** The status the evidence last supports (differs from `state` when that is NOT_ATTESTED). */
  readonly lastKnown: StatusKind;
}

export interface TieFrame {
  readonly id: string;
  readonly kind: TieKind;
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  readonly certain: boolean;
}

export interface Frame {
  readonly day: number;
  readonly persons: ReadonlyMap<string, PersonFrame>;
  readonly ties: readonly TieFrame[];
  /** People on the scene at the date whom the faction and status filters hide. */
  readonly hidden: number;
}

export function prepare(timeline: Timeline, filters: Filters): Prepared {
  const keep = factPredicate(filters, new Map(timeline.sources.map((s) => [s.id, s.family])));
  const hiddenEventKinds = new Set(filters.hiddenEventKinds);
  const hiddenTieKinds = new Set<TieKind>(filters.hiddenTieKinds);
  const events = new Map(timeline.events.map((e) => [e.id, e]));
  const keptEvent = (id: string): boolean => {
    const event = events.get(id);
    return event !== undefined && !hiddenEventKinds.has(event.kind) && keep(event.certainty, event.citations);
  };

  const membershipsBy = new Map<string, PreparedMembership[]>();
  for (const m of timeline.memberships) {
    if (!keep(m.certainty, m.citations)) continue;
    const list = membershipsBy.get(m.personId) ?? [];
    list.push({ span: m.span, certainty: m.certainty, factionId: m.factionId });
    membershipsBy.set(m.personId, list);
  }
  const ties: PreparedTie[] = [];
  // With a source filter, only people some kept fact speaks of are shown.
  const spokenOf = new Set<string>(membershipsBy.keys());
  for (const t of timeline.ties) {
    if (hiddenTieKinds.has(t.kind) || !keep(t.certainty, t.citations)) continue;
    ties.push(prepareTie(t));
    spokenOf.add(t.sourceId).add(t.targetId);
  }
  for (const e of timeline.events) if (keptEvent(e.id)) for (const p of e.participants) spokenOf.add(p.personId);
  const bySource = filtersBySource(filters);
  const persons = timeline.persons.map((person): PreparedPerson => {
    const changes = person.statusChanges
      .filter((c) => (c.eventId === null ? keep(c.certainty, []) : keptEvent(c.eventId)))
      .map((c) => ({ state: c.state, date: { earliest: c.date.earliest, latest: c.date.latest }, certainty: c.certainty, eventId: c.eventId }));
    return {
      id: person.id,
      memberships: membershipsBy.get(person.id) ?? [],
      changes,
      evidence: person.evidence,
      appears: bySource && !spokenOf.has(person.id) ? Infinity : (person.evidence?.first.earliest ?? Infinity),
    };
  });
  const factionEnds = new Map(timeline.factions.map((f) => [f.id, f.dissolved?.latest ?? Infinity]));
  return { factionEnds, persons, ties, hiddenFactions: new Set(filters.hiddenFactions), hideGone: filters.hideGone, hideNoFaction: hidesNoFaction(filters) };
}

function prepareTie(t: Tie): PreparedTie {
  return { id: t.id, kind: t.kind, source: t.sourceId, target: t.targetId, directed: t.directed, span: t.span };
}

/**
 * The last membership that ended before `day`: a fallen person is drawn faded beside (never
 * inside) their old faction's box; never by a faction that has itself ceased to act as a group.
 */
function formerMembership(p: PreparedPerson, day: number, factionEnds: ReadonlyMap<string, number>): PreparedMembership | null {
  let ended: PreparedMembership | null = null;
  for (const m of p.memberships) {
    const possible = m.span.possible;
    if (possible === null || possible.latest >= day || (factionEnds.get(m.factionId) ?? Infinity) < day) continue;
    if (ended === null || possible.latest >= (ended.span.possible?.latest ?? -Infinity)) ended = m;
  }
  return ended;
}

/**
 * The faction box a person is drawn inside: only a member at the frame's date is. A former
 * member (dead, fallen, or the membership ended) keeps `parent` for the "formerly" wording and
 * the faded colour, but is drawn outside every box, so no box says he belongs to it then.
 */
export function boxOf(p: Pick<PersonFrame, 'parent' | 'former'>): string | null {
  return p.former ? null : p.parent;
}

export function personAt(p: PreparedPerson, day: number, factionEnds: ReadonlyMap<string, number>): PersonFrame | null {
  if (day < p.appears) return null;
  const at: Range<number> = { earliest: day, latest: day };
  const status = statusAt(p.changes, p.evidence, at);
  const current = placeAt(p.memberships, at);
  // Someone out of the sources' sight is not drawn in a faction they may long have left.
  const m = current ?? (status.state === 'NOT_ATTESTED' ? null : formerMembership(p, day, factionEnds));
  return {
    id: p.id,
    parent: m?.factionId ?? null,
    former: current === null && m !== null,
    membershipCertain: current !== null && spanActivity(current.span, at) === 'CERTAIN',
    state: status.state,
    group: statusGroup(status.state),
    statusCertain: status.certain,
    basis: status.basis,
    lastKnown: status.lastKnown,
  };
}

/** Whether the faction filters let a person placed as `frame` be seen (no-faction included). */
export function factionShown(prepared: Prepared, frame: PersonFrame): boolean {
  return frame.parent === null ? !prepared.hideNoFaction : !prepared.hiddenFactions.has(frame.parent);
}

export function computeFrame(prepared: Prepared, day: number): Frame {
  const persons = new Map<string, PersonFrame>();
  let hidden = 0;
  for (const p of prepared.persons) {
    const frame = personAt(p, day, prepared.factionEnds);
    if (frame === null) continue;
    if (!factionShown(prepared, frame) || (prepared.hideGone && isGone(frame.group) && frame.statusCertain)) {
      hidden += 1;
      continue;
    }
    persons.set(p.id, frame);
  }
  const at: Range<number> = { earliest: day, latest: day };
  const ties: TieFrame[] = [];
  for (const t of prepared.ties) {
    const activity = spanActivity(t.span, at);
    if (activity === 'NO' || !persons.has(t.source) || !persons.has(t.target)) continue;
    ties.push({ id: t.id, kind: t.kind, source: t.source, target: t.target, directed: t.directed, certain: activity === 'CERTAIN' });
  }
  return { day, persons, ties, hidden };
}
