/**
 * Comparing two dates on one layout: who vanished (present or free at A, gone or purged at B),
 * who rose (absent at A, present at B, or rehabilitated by B), and who stayed.
 */
import type { Frame, PersonFrame } from './frame.js';
import type { StatusGroup } from './status.js';

export type CompareMark = 'vanished' | 'rose' | 'fell' | 'moved' | 'same';

export interface Comparison {
  readonly marks: ReadonlyMap<string, CompareMark>;
  readonly vanished: readonly string[];
  readonly fell: readonly string[];
  readonly rose: readonly string[];
  readonly moved: readonly string[];
}

const FREE: ReadonlySet<StatusGroup> = new Set<StatusGroup>(['active', 'rehabilitated']);

function markOf(a: PersonFrame | undefined, b: PersonFrame | undefined): CompareMark {
  if (a !== undefined && b === undefined) return 'vanished';
  if (a === undefined) return 'rose';
  if (b === undefined) return 'same';
  if (FREE.has(a.group) && !FREE.has(b.group)) return 'fell';
  if (!FREE.has(a.group) && FREE.has(b.group)) return 'rose';
  if (a.parent !== b.parent && !b.former) return 'moved';
  return 'same';
}

export function compareFrames(a: Frame, b: Frame): Comparison {
  const marks = new Map<string, CompareMark>();
  const ids = new Set([...a.persons.keys(), ...b.persons.keys()]);
  const lists: Record<CompareMark, string[]> = { vanished: [], rose: [], fell: [], moved: [], same: [] };
  for (const id of ids) {
    const mark = markOf(a.persons.get(id), b.persons.get(id));
    marks.set(id, mark);
    lists[mark].push(id);
  }
  return { marks, vanished: lists.vanished, fell: lists.fell, rose: lists.rose, moved: lists.moved };
}

/**
 * The frame drawn in compare mode: B's frame plus the vanished people as they were at A, so
 * they stay where they were and can be shown as ghosts.
 */
export function compareFrame(a: Frame, b: Frame): Frame {
  const persons = new Map(b.persons);
  for (const [id, p] of a.persons) if (!persons.has(id)) persons.set(id, p);
  return { day: b.day, persons, ties: b.ties };
}
