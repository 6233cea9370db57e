/**
 * The app state and its one container. Each slice has its own pure module; this file only
 * composes them, so a listener sees one consistent snapshot per change.
 */
import { NO_ANALYSIS, type AnalysisChoice } from './analysis.js';
import { chainForFamilies, type ChainState } from './chain.js';
import { NO_FILTERS, type Filters } from './filters.js';
import { NO_SELECTION, type Selection } from './selection.js';
import type { TimeState } from './time.js';

export interface AppState {
  readonly time: TimeState;
  readonly filters: Filters;
  readonly selection: Selection;
  /** The other date in compare mode ("before"); the slider's date is "after". */
  readonly compareDay: number | null;
  readonly chain: ChainState | null;
  /** Size and colour by an analysis, and the chain view's certain-only choice. */
  readonly analysis: AnalysisChoice;
}

export function initialState(time: TimeState): AppState {
  return { time, filters: NO_FILTERS, selection: NO_SELECTION, compareDay: null, chain: null, analysis: NO_ANALYSIS };
}

/**
 * The chain follows the filter's source families: a change of families asks for the chain again
 * (chain.ts chainForFamilies); otherwise the state is returned as it is.
 */
export function chainFollowsFamilies(s: AppState): AppState {
  if (s.chain === null) return s;
  const chain = chainForFamilies(s.chain, s.filters.families);
  return chain === s.chain ? s : { ...s, chain };
}

/**
 * Whether `next` differs from `previous` by the date alone (a step of the slider, the keys or
 * play): the map must follow at once, the panels may follow once it is drawn.
 */
export function isTimeStep(next: AppState, previous: AppState): boolean {
  const a = next.time;
  const b = previous.time;
  return (
    a !== b &&
    a.playing === b.playing &&
    a.speed === b.speed &&
    a.start === b.start &&
    a.end === b.end &&
    next.filters === previous.filters &&
    next.selection === previous.selection &&
    next.compareDay === previous.compareDay &&
    next.chain === previous.chain &&
    next.analysis === previous.analysis
  );
}

export type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private listeners: Listener[] = [];

  constructor(private state: AppState) {}

  get(): AppState {
    return this.state;
  }

  update(change: (s: AppState) => AppState): void {
    const previous = this.state;
    const next = change(previous);
    if (next === previous) return;
    this.state = next;
    for (const listener of this.listeners) listener(next, previous);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
