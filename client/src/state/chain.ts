/**
 * Chain mode: the purge chains through one person, as the API ranks them, walked step by step.
 * Each step reveals one link (who, when, on what evidence); the highlighted subgraph is
 * everything revealed so far, so the animation reads as the purge spreading.
 */
import type { Certainty, Citation, Moment } from '../model.js';

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
}

export interface ChainState {
  readonly personId: string;
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: string | null;
  readonly paths: readonly ChainPath[];
  readonly pathIndex: number;
  /** Steps revealed: 0 shows the person alone, steps.length shows the whole path. */
  readonly step: number;
}

export function chainLoading(personId: string, pathIndex = 0, step = 0): ChainState {
  return { personId, status: 'loading', error: null, paths: [], pathIndex, step };
}

export function chainLoaded(s: ChainState, paths: readonly ChainPath[]): ChainState {
  const pathIndex = Math.min(s.pathIndex, Math.max(0, paths.length - 1));
  const steps = paths[pathIndex]?.steps.length ?? 0;
  return { ...s, status: 'ready', paths, pathIndex, step: Math.min(s.step, steps) };
}

export function chainFailed(s: ChainState, error: string): ChainState {
  return { ...s, status: 'error', error };
}

export function currentPath(s: ChainState): ChainPath | null {
  return s.paths[s.pathIndex] ?? null;
}

export function selectPath(s: ChainState, index: number): ChainState {
  if (index < 0 || index >= s.paths.length) return s;
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
