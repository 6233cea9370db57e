/**
 * What the controllers, and the panels wired to the explorer (export-actions.ts, filter-panel.ts), may
 * read and ask of it. Explorer implements it; this file stands apart from explorer.ts so those
 * modules can name it without importing the explorer back (no import cycle).
 */
import type { Core } from 'cytoscape';
import type { Source, Timeline } from '../timeline-types.js';
import type { Frame } from '../state/frame.js';
import type { Mode } from '../state/selection.js';
import type { AppState, Store } from '../state/store.js';

export interface ExplorerContext {
  readonly store: Store;
  readonly cy: Core;
  readonly timeline: Timeline;
  readonly colours: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly names: ReadonlyMap<string, string>;
  update(change: (s: AppState) => AppState): void;
  /** The frame at the slider's date (in compare mode, the later one). */
  currentFrame(): Frame;
  pick(personId: string | null): void;
  openEvent(eventId: string | null): void;
  setMode(mode: Mode): void;
  resetFilters(): void;
}
