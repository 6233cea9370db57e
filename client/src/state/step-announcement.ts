/**
 * What a screen reader hears after a step in time: "3 appeared, 2 fell". The marks are
 * compare.ts's (the same that compare mode draws), taken between the last frame announced and
 * the frame now shown, so no rule about dates or statuses is restated here.
 */
import { compareFrames, type Comparison } from './compare.js';
import { monthLabel, monthsBetween, monthStart } from './dates.js';
import type { Frame } from './frame.js';

/** Up to this many names are read out with a count; past it, the count alone. */
const NAMED = 3;

type Counted = keyof Pick<Comparison, 'joined' | 'fell' | 'rose' | 'unattested' | 'moved' | 'vanished'>;

/** In the order they are read, with the verb each takes. */
const PHRASES: readonly (readonly [Counted, string])[] = [
  ['joined', 'appeared'],
  ['fell', 'fell'],
  ['rose', 'rehabilitated'],
  ['moved', 'changed faction'],
  ['unattested', 'no longer attested'],
  ['vanished', 'hidden by the filters'],
];

/**
 * "3 appeared (Kim Il-sung, …), 2 fell", or "no change" when nothing differs: what changed from
 * the earlier frame to the later, whichever way the step went (compare.ts).
 */
export function stepChanges(before: Frame, after: Frame, names: ReadonlyMap<string, string>): string {
  const comparison = compareFrames(before, after);
  const parts: string[] = [];
  for (const [key, verb] of PHRASES) {
    const ids = comparison[key];
    if (ids.length === 0) continue;
    const who =
      ids.length <= NAMED
        ? ` (${ids
            .map((id) => names.get(id) ?? id)
            .sort()
            .join(', ')})`
        : '';
    parts.push(`${ids.length} ${verb}${who}`);
  }
  return parts.length === 0 ? 'no change' : parts.join(', ');
}

/**
 * The whole sentence: the month shown and what changed; when the announcement covers more than
 * one step (a fast scrub is announced once it settles, not per notch), since which month. A step
 * back names what happened between the two months in their own order: going back from a purge
 * must not be heard as a rehabilitation.
 */
export function stepAnnouncement(before: Frame, after: Frame, names: ReadonlyMap<string, string>): string {
  const now = monthLabel(after.day);
  const changes = stepChanges(before, after, names);
  if (after.day < before.day) return `${now}, back from ${monthLabel(before.day)}. Between them: ${changes}.`;
  const steps = Math.abs(monthsBetween(monthStart(before.day), monthStart(after.day)));
  return steps <= 1 ? `${now}: ${changes}.` : `${now}, since ${monthLabel(before.day)}: ${changes}.`;
}
