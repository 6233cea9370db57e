/**
 * Comparing two dates on one layout. Silence is not a fall: someone the sources stop speaking
 * of is "no longer attested", apart from those who fell (purged, dead or fled); someone who
 * comes into the sources' sight "joined", apart from those who rose (rehabilitated).
 *
 * The comparison always runs forward in time, whichever frame is passed first: read backwards,
 * a purge would be announced as a rehabilitation and a newcomer as hidden by a filter.
 */
import type { Frame, PersonFrame } from './frame.js';
import { isGone, statusGroup, type StatusGroup } from './status-groups.js';

export type CompareMark = 'vanished' | 'unattested' | 'joined' | 'rose' | 'fell' | 'moved' | 'same';

export interface Comparison {
  readonly marks: ReadonlyMap<string, CompareMark>;
  /** Shown at A, hidden at B by a filter (a hidden faction, "hide the dead and departed"). */
  readonly vanished: readonly string[];
  /** Attested at A, no longer attested at B: the sources fall silent, nothing is known. */
  readonly unattested: readonly string[];
  /** Not yet (or no longer) attested at A, attested at B. */
  readonly joined: readonly string[];
  /** Free at A, purged, dead or fled at B (or last known so, when the sources are silent by B). */
  readonly fell: readonly string[];
  /** Purged at A, free again (rehabilitated) at B. */
  readonly rose: readonly string[];
  readonly moved: readonly string[];
}

const FREE: ReadonlySet<StatusGroup> = new Set<StatusGroup>(['active', 'rehabilitated']);

function markOf(a: PersonFrame | undefined, b: PersonFrame | undefined): CompareMark {
  const attestedA = a !== undefined && a.group !== 'unattested';
  const attestedB = b !== undefined && b.group !== 'unattested';
  if (a !== undefined && b === undefined) return 'vanished';
  if (!attestedA) return attestedB ? 'joined' : 'same';
  // Silent by B: a fall the evidence last recorded still counts as a fall.
  const lastAtB = b === undefined ? 'unattested' : attestedB ? b.group : statusGroup(b.lastKnown);
  if (FREE.has(a.group) && !FREE.has(lastAtB) && lastAtB !== 'unattested') return 'fell';
  if (!attestedB) return 'unattested';
  if (!FREE.has(a.group) && FREE.has(b.group)) return 'rose';
  if (a.parent !== b.parent && !b.former && !isGone(b.group)) return 'moved';
  return 'same';
}

/** The two frames in date order. */
export function chronological(a: Frame, b: Frame): readonly [Frame, Frame] {
  return a.day <= b.day ? [a, b] : [b, a];
}

/** What changed from the earlier of the two frames to the later (see the module comment). */
export function compareFrames(first: Frame, second: Frame): Comparison {
  const [a, b] = chronological(first, second);
  const marks = new Map<string, CompareMark>();
  const ids = new Set([...a.persons.keys(), ...b.persons.keys()]);
  const lists: Record<CompareMark, string[]> = { vanished: [], unattested: [], joined: [], fell: [], rose: [], moved: [], same: [] };
  for (const id of ids) {
    const mark = markOf(a.persons.get(id), b.persons.get(id));
    marks.set(id, mark);
    lists[mark].push(id);
  }
  return { marks, vanished: lists.vanished, unattested: lists.unattested, joined: lists.joined, fell: lists.fell, rose: lists.rose, moved: lists.moved };
}

/**
 * The frame drawn in compare mode: B's frame plus the vanished people as they were at A, so
 * they stay where they were and can be shown as ghosts. Only an earlier A adds ghosts: people of
 * a later A are not on the scene yet at B's date, and are not drawn there.
 */
export function compareFrame(a: Frame, b: Frame): Frame {
  if (a.day > b.day) return b;
  const persons = new Map(b.persons);
  for (const [id, p] of a.persons) if (!persons.has(id)) persons.set(id, p);
  return { day: b.day, persons, ties: b.ties, hidden: b.hidden };
}
