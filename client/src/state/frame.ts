/**
 * Frame computation: given the timeline and a day, who is where with which status and which
 * ties show. This is the hot path of scrubbing, so prepare() does every per-filter step once
 * (filtering, sorting, turning nulls into infinities) and computeFrame() only compares numbers.
 */
import type { Moment, StatusKind, Tie, TieKind, Timeline } from '../model.js';
import { factPredicate, type Filters } from './filters.js';
import { isGone, statusGroup, type StatusGroup } from './status.js';

/** An interval as four numbers; a missing bound is open (infinite). */
interface Span {
  readonly fe: number;
  readonly fl: number;
  readonly te: number;
  readonly tl: number;
  /** The fact itself is CERTAIN (its dates may still be imprecise). */
  readonly sure: boolean;
}

interface PreparedMembership extends Span {
  readonly factionId: string;
}

interface PreparedChange {
  readonly state: StatusKind;
  readonly group: StatusGroup;
  readonly e: number;
  readonly l: number;
  readonly sure: boolean;
}

interface PreparedPerson {
  readonly id: string;
  /** Sorted by start. */
  readonly memberships: readonly PreparedMembership[];
  /** Sorted by earliest day. */
  readonly changes: readonly PreparedChange[];
  /** First day the person is shown: their first known fact. */
  readonly appears: number;
}

interface PreparedTie extends Span {
  readonly id: string;
  readonly kind: TieKind;
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
}

export interface Prepared {
  readonly persons: readonly PreparedPerson[];
  readonly ties: readonly PreparedTie[];
  readonly hiddenFactions: ReadonlySet<string>;
  readonly hideGone: boolean;
}

export interface PersonFrame {
  readonly id: string;
  /** Faction drawn around the person: the current membership, else the last one. */
  readonly parent: string | null;
  /** True when `parent` is a membership that has ended (drawn faded). */
  readonly former: boolean;
  readonly membershipCertain: boolean;
  readonly state: StatusKind;
  readonly group: StatusGroup;
  readonly statusCertain: boolean;
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
}

const lo = (m: Moment | null): number => (m === null ? -Infinity : m.earliest);
const hi = (m: Moment | null): number => (m === null ? Infinity : m.latest);

function span(from: Moment | null, to: Moment | null, sure: boolean): Span {
  return {
    fe: lo(from),
    fl: from === null ? -Infinity : from.latest,
    te: to === null ? Infinity : to.earliest,
    tl: hi(to),
    sure,
  };
}

const possibly = (s: Span, day: number): boolean => s.fe <= day && day <= s.tl;
const certainly = (s: Span, day: number): boolean => s.sure && s.fl <= day && day < s.te;

export function prepare(timeline: Timeline, filters: Filters): Prepared {
  const keep = factPredicate(filters);
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
    list.push({ ...span(m.from, m.to, m.certainty === 'CERTAIN'), factionId: m.factionId });
    membershipsBy.set(m.personId, list);
  }
  const ties: PreparedTie[] = [];
  const firstTie = new Map<string, number>();
  for (const t of timeline.ties) {
    if (hiddenTieKinds.has(t.kind) || !keep(t.certainty, t.citations)) continue;
    ties.push(prepareTie(t));
    for (const p of [t.sourceId, t.targetId]) firstTie.set(p, Math.min(firstTie.get(p) ?? Infinity, lo(t.from)));
  }
  const firstEvent = new Map<string, number>();
  for (const e of timeline.events) {
    if (!keptEvent(e.id)) continue;
    for (const p of e.participants) firstEvent.set(p.personId, Math.min(firstEvent.get(p.personId) ?? Infinity, e.date.earliest));
  }

  const persons = timeline.persons.map((person): PreparedPerson => {
    const memberships = (membershipsBy.get(person.id) ?? []).sort((a, b) => a.fe - b.fe);
    const changes = person.statusChanges
      .filter((c) => c.eventId === null || keptEvent(c.eventId))
      .filter((c) => c.eventId !== null || keep(c.certainty, []))
      .map((c) => ({
        state: c.state,
        group: statusGroup(c.state),
        e: c.date.earliest,
        l: c.date.latest,
        sure: c.certainty === 'CERTAIN',
      }))
      .sort((a, b) => a.e - b.e);
    const appears = Math.min(
      memberships[0]?.fe ?? Infinity,
      changes[0]?.e ?? Infinity,
      firstTie.get(person.id) ?? Infinity,
      firstEvent.get(person.id) ?? Infinity,
    );
    return { id: person.id, memberships, changes, appears };
  });
  return { persons, ties, hiddenFactions: new Set(filters.hiddenFactions), hideGone: filters.hideGone };
}

function prepareTie(t: Tie): PreparedTie {
  return {
    ...span(t.from, t.to, t.certainty === 'CERTAIN'),
    id: t.id,
    kind: t.kind,
    source: t.sourceId,
    target: t.targetId,
    directed: t.directed,
  };
}

/** The membership to draw: certainly active first, then possibly active, then the last ended one. */
function placeOf(p: PreparedPerson, day: number): { m: PreparedMembership | null; former: boolean } {
  let possible: PreparedMembership | null = null;
  let ended: PreparedMembership | null = null;
  for (const m of p.memberships) {
    if (certainly(m, day)) return { m, former: false };
    if (possibly(m, day)) possible ??= m;
    else if (m.tl < day && (ended === null || m.tl >= ended.tl)) ended = m;
  }
  if (possible !== null) return { m: possible, former: false };
  return { m: ended, former: ended !== null };
}

function personAt(p: PreparedPerson, day: number): PersonFrame | null {
  if (day < p.appears) return null;
  let change: PreparedChange | null = null;
  for (const c of p.changes) {
    if (c.e > day) break;
    change = c;
  }
  const { m, former } = placeOf(p, day);
  return {
    id: p.id,
    parent: m?.factionId ?? null,
    former,
    membershipCertain: m !== null && (former || certainly(m, day)),
    state: change?.state ?? 'ACTIVE',
    group: change?.group ?? 'active',
    statusCertain: change === null || (change.sure && change.l <= day),
  };
}

export function computeFrame(prepared: Prepared, day: number): Frame {
  const persons = new Map<string, PersonFrame>();
  for (const p of prepared.persons) {
    const frame = personAt(p, day);
    if (frame === null) continue;
    if (frame.parent !== null && prepared.hiddenFactions.has(frame.parent)) continue;
    if (prepared.hideGone && isGone(frame.group) && frame.statusCertain) continue;
    persons.set(p.id, frame);
  }
  const ties: TieFrame[] = [];
  for (const t of prepared.ties) {
    if (!possibly(t, day)) continue;
    const a = persons.get(t.source);
    const b = persons.get(t.target);
    if (a === undefined || b === undefined) continue;
    // A tie with no recorded end does not outlive a death: the source gives no end, not "forever".
    if (t.tl === Infinity && ((a.group === 'dead' && a.statusCertain) || (b.group === 'dead' && b.statusCertain))) continue;
    ties.push({
      id: t.id,
      kind: t.kind,
      source: t.source,
      target: t.target,
      directed: t.directed,
      certain: certainly(t, day),
    });
  }
  return { day, persons, ties };
}
