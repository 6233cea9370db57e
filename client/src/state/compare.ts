/**
 * Comparing two dates on one layout. Silence is not a fall: someone the sources stop speaking
 * of is "no longer attested", apart from those who fell (purged, dead or fled); someone who
 * comes into the sources' sight "joined", apart from those who rose (rehabilitated).
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

export function compareFrames(a: Frame, b: Frame): Comparison {
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
 * they stay where they were and can be shown as ghosts.
 */
export function compareFrame(a: Frame, b: Frame): Frame {
  const persons = new Map(b.persons);
  for (const [id, p] of a.persons) if (!persons.has(id)) persons.set(id, p);
  return { day: b.day, persons, ties: b.ties, hidden: b.hidden };
}
