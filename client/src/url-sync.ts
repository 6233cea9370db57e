/** Keeps the address bar in step with the state (replaceState, once it settles) for permalinks. */
import { encode, type LinkState } from './state/permalink.js';
import type { AppState } from './state/store.js';

export function linkState(s: AppState): LinkState {
  return {
    day: s.time.day,
    personId: s.selection.personId,
    eventId: s.selection.eventId,
    mode: s.selection.mode,
    compareDay: s.compareDay,
    chainPath: s.chain?.pathIndex ?? 0,
    chainStep: s.chain?.step ?? 0,
    filters: s.filters,
    analysis: s.analysis,
  };
}

/**
 * How long the state must hold still before the address bar follows it. replaceState costs tens
 * of ms in Chromium (about 84 ms a step at 1k people, BENCHMARKS.md), so a scrub or a playback
 * writes the address once it settles, not at each step.
 */
const SETTLE_MS = 400;

export class UrlSync {
  private timer: number | undefined;
  private latest: AppState | null = null;

  write(s: AppState): void {
    this.latest = s;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      if (this.latest !== null) this.flush(this.latest);
    }, SETTLE_MS);
  }

  flush(s: AppState): void {
    const search = encode(linkState(s));
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }
}

/** The full address of the view `s` (the permalink the export menu copies and captions carry). */
export function permalinkHref(s: AppState): string {
  return `${window.location.origin}${window.location.pathname}${encode(linkState(s))}`;
}
