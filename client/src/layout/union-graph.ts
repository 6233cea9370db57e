/**
 * The union graph of all dates: everyone who ever appears, with one seat per place they are
 * ever drawn in (inside a faction, or outside every faction), and ties weighted by how long they
 * may hold. Laid out once per data revision (union-layout.ts), it gives every date the same
 * picture: a person moves only when the frame itself moves them into or out of a faction, or
 * out of its box when the membership ends (a former member sits beside the box, never in it).
 *
 * Where a person is drawn at a day is frame.ts's personAt (core/ rules); this module only asks
 * it at the days where its answer can change, so it never states a rule of its own.
 */
import type { Timeline } from '../timeline-types.js';
import { NO_FILTERS } from '../state/filters.js';
import { personAt, prepare, type PersonFrame, type PreparedPerson } from '../state/frame.js';

/** Where a frame draws a person: in a faction's box, beside it as a former member, or in none. */
export type Place = Pick<PersonFrame, 'parent' | 'former'>;

/** A seat: where `personId` sits while drawn in `factionId` (null: in no faction). */
export interface SeatNode {
  /** seatKey's `${personId}@…`: stable, so the same data gives the same ids. */
  readonly key: string;
  readonly personId: string;
  readonly factionId: string | null;
  /** A former member's seat of `factionId`: outside its box. */
  readonly former: boolean;
  /**
   * The faction whose box this seat is shelved under, outside it (union-layout.ts): a former
   * member's seat under the old faction, a seat in no faction under the home faction. Null: the
   * forces place the seat (inside its faction's cluster, or free).
   */
  readonly band: string | null;
  /** Days the person spends in this placement over the whole timeline (weights the home seat). */
  readonly days: number;
  /** The seat ties pull on: the person's longest-held faction, else a seat the forces place. */
  readonly home: boolean;
  /** First day the person is shown at all (frame.ts's `appears`), to seat early people first. */
  readonly appears: number;
  /** Label text used to size the seat (name and Hangul on two lines). */
  readonly label: string;
}

export interface UnionEdge {
  readonly source: string;
  readonly target: string;
  /** 0..1: how much of the period the link holds (longer ties pull harder). */
  readonly weight: number;
  /** 'tie' from the data; 'self' joins one person's seats; 'event' joins people of one event. */
  readonly kind: 'tie' | 'self' | 'event';
}

export interface UnionGraph {
  readonly factions: readonly string[];
  readonly seats: readonly SeatNode[];
  readonly edges: readonly UnionEdge[];
}

/** `id@faction` inside a box, `id@~faction` beside it (former member), `id@` in no faction. */
export const seatKey = (personId: string, place: Place): string => `${personId}@${place.former ? '~' : ''}${place.parent ?? ''}`;

/** The inverse of seatKey's place part. */
export function placeOfKey(key: string): Place {
  const place = key.slice(key.lastIndexOf('@') + 1);
  if (place === '') return { parent: null, former: false };
  return place.startsWith('~') ? { parent: place.slice(1), former: true } : { parent: place, former: false };
}

/** Days where a person's placement may change: the ends of everything personAt reads. */
function boundaryDays(p: PreparedPerson, factionEnds: ReadonlyMap<string, number>, start: number, end: number): number[] {
  const days = new Set<number>([start, Math.max(start, p.appears)]);
  const add = (d: number | undefined): void => {
    if (d !== undefined && Number.isFinite(d) && d >= start && d <= end) days.add(d);
  };
  for (const m of p.memberships) {
    for (const r of [m.span.possible, m.span.certain]) {
      if (r === null) continue;
      add(r.earliest);
      add(r.latest + 1);
    }
    add((factionEnds.get(m.factionId) ?? Infinity) + 1);
  }
  for (const c of p.changes) {
    add(c.date.earliest);
    add(c.date.latest + 1);
  }
  if (p.evidence !== null) {
    for (const r of [p.evidence.first, p.evidence.last]) {
      add(r.earliest);
      add(r.latest + 1);
    }
    add(p.evidence.fadesAfter);
    add(p.evidence.fadesAfter + 1);
  }
  // The fade after the last attestation ends somewhere after it: sample it monthly for 3 years.
  const last = p.evidence?.last.latest;
  if (last !== undefined) for (let d = last; d <= last + 3 * 366; d += 30) add(d);
  return [...days].sort((a, b) => a - b);
}

/** Each person's places (by seatKey) with the days spent in them, from frame.ts's own rule. */
export function placements(timeline: Timeline): { spent: Map<string, Map<string, number>>; appears: Map<string, number> } {
  const prepared = prepare(timeline, NO_FILTERS);
  const result = new Map<string, Map<string, number>>();
  const appears = new Map(prepared.persons.map((p) => [p.id, p.appears]));
  for (const p of prepared.persons) {
    if (!Number.isFinite(p.appears) || p.appears > timeline.end) continue;
    const days = boundaryDays(p, prepared.factionEnds, timeline.start, timeline.end);
    const spent = new Map<string, number>();
    days.forEach((day, i) => {
      const frame = personAt(p, day, prepared.factionEnds);
      if (frame === null) return;
      const next = days[i + 1] ?? timeline.end + 1;
      const key = seatKey(p.id, frame);
      spent.set(key, (spent.get(key) ?? 0) + (next - day));
    });
    if (spent.size > 0) result.set(p.id, spent);
  }
  return { spent: result, appears };
}

/** How many days two possible stretches share. */
function overlapDays(a: { earliest: number; latest: number } | null, start: number, end: number): number {
  if (a === null) return 0;
  return Math.max(0, Math.min(a.latest, end) - Math.max(a.earliest, start) + 1);
}

export function buildUnionGraph(timeline: Timeline): UnionGraph {
  const { spent: placed, appears } = placements(timeline);
  const period = Math.max(1, timeline.end - timeline.start + 1);
  const labels = new Map(timeline.persons.map((p) => [p.id, p.name]));
  // A faction someone is ever drawn inside: the forces give it a cluster, and seats a band.
  const clustered = new Set<string>();
  for (const spent of placed.values()) {
    for (const key of spent.keys()) {
      const place = placeOfKey(key);
      if (place.parent !== null && !place.former) clustered.add(place.parent);
    }
  }
  const seats: SeatNode[] = [];
  const home = new Map<string, string>();
  const edges: UnionEdge[] = [];
  for (const person of timeline.persons) {
    const spent = placed.get(person.id);
    if (spent === undefined) continue;
    // Sorted so the graph, and so the picture, never depends on the order facts arrived in.
    // A faction seat is home whenever there is one: being out of sight is not a place to live.
    const entries = [...spent.entries()].map(([key, days]) => ({ key, days, place: placeOfKey(key) }));
    const inBox = (e: (typeof entries)[number]): boolean => e.place.parent !== null && !e.place.former;
    const homeFaction = entries.filter(inBox).sort((a, b) => b.days - a.days || a.key.localeCompare(b.key))[0]?.place.parent ?? null;
    const bandOf = (place: Place): string | null =>
      place.former ? (place.parent !== null && clustered.has(place.parent) ? place.parent : null) : place.parent === null ? homeFaction : null;
    const free = entries.filter((e) => bandOf(e.place) === null);
    free.sort((a, b) => Number(!inBox(a)) - Number(!inBox(b)) || b.days - a.days || a.key.localeCompare(b.key));
    // Someone only ever drawn beside a box has no seat the ties can pull on.
    const first = free[0];
    if (first !== undefined) home.set(person.id, first.key);
    const ordered = entries.sort((a, b) => Number(a.place.parent === null) - Number(b.place.parent === null) || b.days - a.days || a.key.localeCompare(b.key));
    for (const { key, days, place } of ordered) {
      seats.push({
        key,
        personId: person.id,
        factionId: place.parent,
        former: place.former,
        band: bandOf(place),
        days,
        home: key === first?.key,
        appears: appears.get(person.id) ?? Infinity,
        label: labels.get(person.id) ?? person.id,
      });
      // A member's seat in a second faction is pulled towards the first; a seat outside every
      // box is shelved beside its faction's box after the layout (union-layout.ts).
      if (first !== undefined && key !== first.key && inBox({ key, days, place })) edges.push({ source: first.key, target: key, weight: 1, kind: 'self' });
    }
  }
  const pairs = new Map<string, number>();
  for (const t of timeline.ties) {
    const a = home.get(t.sourceId);
    const b = home.get(t.targetId);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const days = Math.max(overlapDays(t.span.possible, timeline.start, timeline.end), 1);
    pairs.set(key, (pairs.get(key) ?? 0) + days);
  }
  // People of one event who share no tie still belong near each other: a weak pull.
  const tied = new Set<string>();
  for (const key of pairs.keys()) for (const k of key.split('|')) tied.add(k);
  for (const e of timeline.events) {
    const ids = [...new Set(e.participants.map((p) => home.get(p.personId)).filter((k): k is string => k !== undefined))].sort();
    if (ids.length < 2 || ids.length > 12) continue;
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = ids[i] as string;
        const b = ids[j] as string;
        if (tied.has(a) && tied.has(b)) continue;
        const key = `${a}|${b}`;
        if (!pairs.has(key)) pairs.set(key, -1);
      }
    }
  }
  for (const [key, days] of [...pairs.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    const [source, target] = key.split('|') as [string, string];
    edges.push(days < 0 ? { source, target, weight: 0.15, kind: 'event' } : { source, target, weight: Math.min(1, days / period + 0.1), kind: 'tie' });
  }
  return { factions: timeline.factions.map((f) => f.id), seats, edges };
}
