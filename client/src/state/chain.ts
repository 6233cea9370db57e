/**
 * Chain mode: the purge chains through one person, as the API ranks them, walked step by step.
 * Each step reveals one link (who, when, on what evidence); the highlighted subgraph is
 * everything revealed so far, so the animation reads as the purge spreading.
 */
import type { Certainty, Citation, Moment, SourceFamily } from '../timeline-types.js';
import { familiesChanged } from './filters.js';

export type ChainStepKind = 'EVENT_LINK' | 'ACCUSATION' | 'ASSOCIATION';

export interface ChainEnd {
  readonly personId: string;
  readonly personName: string;
  readonly eventId: string;
  readonly eventTitle: string;
  readonly role: string;
}

export interface ChainStep {
  readonly kind: ChainStepKind;
  readonly from: ChainEnd;
  readonly to: ChainEnd;
  readonly linkType: string | null;
  readonly tieId: string | null;
  readonly date: Moment;
  readonly certainty: Certainty;
  readonly citations: readonly Citation[];
}

export interface ChainPath {
  readonly rank: number;
  readonly score: number;
  readonly steps: readonly ChainStep[];
  readonly personIds: readonly string[];
  readonly from: Moment;
  readonly to: Moment;
  /** The certainty of the path's weakest step. */
  readonly weakestCertainty: Certainty;
  /** Whether the path still holds with CERTAIN facts alone (the API's rule). */
  readonly holdsWithCertainOnly: boolean;
}

export interface ChainState {
  readonly personId: string;
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: string | null;
  readonly paths: readonly ChainPath[];
  readonly pathIndex: number;
  /** Steps revealed: 0 shows the person alone, steps.length shows the whole path. */
  readonly step: number;
  /** Only the paths that hold with CERTAIN facts alone are offered (pathIndex is always one). */
  readonly certainOnly: boolean;
  /** The source families the paths were asked for (the filter's; none: every family). */
  readonly families: readonly SourceFamily[];
}

export function chainLoading(personId: string, pathIndex = 0, step = 0, certainOnly = false, families: readonly SourceFamily[] = []): ChainState {
  return { personId, status: 'loading', error: null, paths: [], pathIndex, step, certainOnly, families };
}

/**
 * The chain under the filter's source families: the same state while they are the ones it was
 * asked for, else loading again from the first step (other families give other paths).
 */
export function chainForFamilies(s: ChainState, families: readonly SourceFamily[]): ChainState {
  return familiesChanged(s.families, families) ? chainLoading(s.personId, 0, 0, s.certainOnly, families) : s;
}

/** Whether an answer fetched for `families` still belongs to this chain (the person and families it asks for). */
export const answersChain = (s: ChainState | null, personId: string, families: readonly SourceFamily[]): s is ChainState =>
  s !== null && s.personId === personId && !familiesChanged(s.families, families);

const offered = (path: ChainPath, certainOnly: boolean): boolean => !certainOnly || path.holdsWithCertainOnly;

/** Indexes (into `paths`) of the paths offered under the certain-only choice, in rank order. */
export function offeredPaths(s: ChainState): number[] {
  return s.paths.flatMap((path, i) => (offered(path, s.certainOnly) ? [i] : []));
}

/** Keeps pathIndex on an offered path: the same one if it is, else the first offered (step 0). */
function settle(s: ChainState): ChainState {
  const path = s.paths[s.pathIndex];
  if (path !== undefined && offered(path, s.certainOnly)) return { ...s, step: Math.min(s.step, path.steps.length) };
  const first = offeredPaths(s)[0];
  return { ...s, pathIndex: first ?? 0, step: 0 };
}

export function chainLoaded(s: ChainState, paths: readonly ChainPath[]): ChainState {
  const pathIndex = Math.min(s.pathIndex, Math.max(0, paths.length - 1));
  return settle({ ...s, status: 'ready', paths, pathIndex });
}

/** Hides (or shows again) the paths that rest on a probable or possible step. */
export function setChainCertainOnly(s: ChainState, certainOnly: boolean): ChainState {
  return s.certainOnly === certainOnly ? s : settle({ ...s, certainOnly });
}

export function chainFailed(s: ChainState, error: string): ChainState {
  return { ...s, status: 'error', error };
}

/** The path shown: null while loading, without paths, or when none is offered. */
export function currentPath(s: ChainState): ChainPath | null {
  const path = s.paths[s.pathIndex];
  return path !== undefined && offered(path, s.certainOnly) ? path : null;
}

export function selectPath(s: ChainState, index: number): ChainState {
  const path = s.paths[index];
  if (path === undefined || !offered(path, s.certainOnly)) return s;
  return { ...s, pathIndex: index, step: 0 };
}

export function stepChain(s: ChainState, delta: number): ChainState {
  const max = currentPath(s)?.steps.length ?? 0;
  const step = Math.min(max, Math.max(0, s.step + delta));
  return step === s.step ? s : { ...s, step };
}

export function atEnd(s: ChainState): boolean {
  return s.step >= (currentPath(s)?.steps.length ?? 0);
}

export interface ChainHighlight {
  readonly persons: ReadonlySet<string>;
  readonly ties: ReadonlySet<string>;
  /** Person pairs joined by revealed steps, drawn as chain arrows. */
  readonly links: readonly { readonly from: string; readonly to: string; readonly current: boolean; readonly label: string }[];
  /** The step just revealed, or null at step 0. */
  readonly current: ChainStep | null;
  /** The day to show: the current step's date, so the network shows the fall as it happens. */
  readonly day: number | null;
}

export function highlight(s: ChainState): ChainHighlight {
  const path = currentPath(s);
  const persons = new Set<string>([s.personId]);
  const ties = new Set<string>();
  const links: { from: string; to: string; current: boolean; label: string }[] = [];
  const revealed = path?.steps.slice(0, s.step) ?? [];
  revealed.forEach((step, i) => {
    persons.add(step.from.personId);
    persons.add(step.to.personId);
    if (step.tieId !== null) ties.add(step.tieId);
    if (step.from.personId !== step.to.personId) {
      links.push({ from: step.from.personId, to: step.to.personId, current: i === revealed.length - 1, label: step.date.iso });
    }
  });
  const current = revealed[revealed.length - 1] ?? null;
  return { persons, ties, links, current, day: current === null ? (path?.from.earliest ?? null) : current.date.latest };
}

/** Names along the path, one per person in order (the API's `persons`, spelled from the steps). */
export function pathNames(path: ChainPath): string[] {
  const names: string[] = [];
  const push = (name: string): void => {
    if (names[names.length - 1] !== name) names.push(name);
  };
  for (const step of path.steps) {
    push(step.from.personName);
    push(step.to.personName);
  }
  return names;
}

/** At most this many names in an option; longer paths show first, …, last. */
const NAMES_SHOWN = 4;

/**
 * Option labels for the chain picker: the people in order, the dates and the number of steps.
 * Two paths through the same people and dates differ in their events, so a label that still
 * repeats names the first event where its path differs; the rank is the last resort.
 */
export function pathLabels(paths: readonly ChainPath[]): string[] {
  const base = paths.map((path) => {
    const names = pathNames(path);
    const shown = names.length <= NAMES_SHOWN ? names : [...names.slice(0, NAMES_SHOWN - 2), '…', names[names.length - 1]!];
    const dates = path.from.iso === path.to.iso ? path.from.iso : `${path.from.iso} – ${path.to.iso}`;
    const count = `${path.steps.length} step${path.steps.length === 1 ? '' : 's'}`;
    return `${shown.join(' → ')} (${dates}, ${count})`;
  });
  const counts = new Map<string, number>();
  for (const label of base) counts.set(label, (counts.get(label) ?? 0) + 1);
  const labels = base.map((label, i) => {
    if (counts.get(label) === 1) return label;
    const path = paths[i]!;
    const others = paths.filter((_p, j) => j !== i && base[j] === label);
    const differs = path.steps.find((step, k) =>
      others.some((o) => o.steps[k]?.to.eventId !== step.to.eventId || o.steps[k]?.from.eventId !== step.from.eventId),
    );
    return differs === undefined ? label : `${label}, via ${differs.from.eventTitle} → ${differs.to.eventTitle}`;
  });
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} [${n}]`;
  });
}

const LINK_VERB: Readonly<Record<string, string>> = { LED_TO: 'led to', PREVIEW_OF: 'foreshadowed', REVERSED_BY: 'was reversed by' };
const ACT_VERB: Readonly<Record<string, string>> = { ACCUSER: 'accused', INSTIGATOR: 'instigated the fall of' };
const ROLE_NOUN: Readonly<Record<string, string>> = { TARGET: 'fall', ACCUSER: 'accusation', INSTIGATOR: 'instigation' };

/**
 * One step as a sentence that says why the next fall follows. The far end of a step is always a
 * fall (the API's rule); the near end keeps its own role, so an instigator reads as one.
 */
export function stepSentence(step: ChainStep): string {
  const { from, to } = step;
  const fromRole = ROLE_NOUN[from.role] ?? from.role.toLowerCase();
  switch (step.kind) {
    case 'ACCUSATION':
      return `${from.personName} ${ACT_VERB[from.role] ?? `(${from.role.toLowerCase()})`} ${to.personName} at ${to.eventTitle}`;
    case 'EVENT_LINK':
      return `${from.personName}'s ${fromRole} at ${from.eventTitle} ${LINK_VERB[step.linkType ?? ''] ?? 'led to'} ${to.eventTitle} (the fall of ${to.personName})`;
    case 'ASSOCIATION':
      return `${to.personName}, tied to ${from.personName} when ${from.personName} fell at ${from.eventTitle}, fell at ${to.eventTitle}`;
  }
}
