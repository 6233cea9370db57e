/**
 * Wires the analysis view: asks the API for centrality, communities and survival at the
 * slider's date and certainty (answers kept per date and certainty), paints sizes and colours
 * on the map, and draws the legend and the survival chart. It runs off the hot path of a time
 * step: at most one refresh per REFRESH_MS while the slider moves.
 */
import type { Core } from 'cytoscape';
import { ApiError, fetchCentrality, fetchCommunities, fetchSurvival } from './api.js';
import { AnalysisPainter, type AnalysisLook } from './graph/analysis-look.js';
import type { Timeline } from './timeline-types.js';
import {
  analysisAt,
  answerKey,
  communityFills,
  nodeSizes,
  OFF,
  setColourBy,
  setSizeBy,
  type CommunityAnswer,
  type Fetched,
  type ScoreAnswer,
  type SurvivalCurve,
} from './state/analysis.js';
import type { Frame } from './state/frame.js';
import { STATUS_LABEL } from './state/status-groups.js';
import type { AppState } from './state/store.js';
import { renderAnalysis } from './ui/analysis.js';
import { byId } from './ui/dom.js';
import { SurvivalChart } from './ui/survival-chart.js';

export interface AnalysisHost {
  readonly cy: Core;
  readonly timeline: Timeline;
  readonly colours: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
  get(): AppState;
  update(change: (s: AppState) => AppState): void;
  currentFrame(): Frame;
}

const REFRESH_MS = 200;
/** A retryable failure stands this long before the next refresh asks again. */
const RETRY_MS = 5000;
/** Answers kept (each a few kB at the curated size): enough for a scrub back and forth. */
const KEPT = 48;

/** One kind of answer: a small cache by key and the request in flight. */
class Answers<T> {
  private readonly kept = new Map<string, T>();
  private readonly failed = new Map<string, { code: string; message: string }>();
  private inFlight: { key: string; abort: AbortController } | null = null;

  constructor(private readonly onArrival: () => void) {}

  /** The answer for `key` as far as it is known; starts the request when it is not. */
  get(key: string, fetcher: (signal: AbortSignal) => Promise<T>): Fetched<T> {
    const answer = this.kept.get(key);
    if (answer !== undefined) return { state: 'ready', key, answer };
    const failure = this.failed.get(key);
    if (failure !== undefined) return { state: 'failed', key, ...failure };
    if (this.inFlight?.key !== key) {
      this.inFlight?.abort.abort();
      const abort = new AbortController();
      this.inFlight = { key, abort };
      fetcher(abort.signal).then(
        (value) => {
          this.keep(key, value);
          this.settle(key);
        },
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          const code = error instanceof ApiError ? error.code : 'ERROR';
          this.failed.set(key, { code, message: error instanceof Error ? error.message : String(error) });
          // A retryable failure (network, database restarting) is asked again on a later refresh, not in a loop.
          if (error instanceof ApiError && error.retryable) window.setTimeout(() => this.failed.delete(key), RETRY_MS);
          this.settle(key);
        },
      );
    }
    return { state: 'loading', key };
  }

  private keep(key: string, value: T): void {
    this.kept.delete(key);
    this.kept.set(key, value);
    const oldest = this.kept.keys().next().value;
    if (this.kept.size > KEPT && oldest !== undefined) this.kept.delete(oldest);
  }

  private settle(key: string): void {
    if (this.inFlight?.key === key) this.inFlight = null;
    this.onArrival();
  }
}

/**
 * The status group's label when it is not "active" (null: active, or not on the map), "possibly"
 * when the status is not certain at the date (an approximate or uncertain event: the map draws
 * it dashed), so a ranking does not state as fact that someone was held or purged then.
 */
function statusOf(frame: Frame, personId: string): string | null {
  const person = frame.persons.get(personId);
  if (person === undefined || person.group === 'active') return null;
  const label = STATUS_LABEL[person.group];
  return person.statusCertain ? label : `Possibly ${label.toLowerCase()}`;
}

export class AnalysisPanel {
  private readonly painter: AnalysisPainter;
  private readonly scores: Answers<ScoreAnswer>;
  private readonly communities: Answers<CommunityAnswer>;
  private readonly survival: Answers<SurvivalCurve[]>;
  private readonly chart: SurvivalChart;
  private timer: number | undefined;
  /** The last look painted: kept while the next date's answer is on its way, to avoid flicker. */
  private look: AnalysisLook = { sizes: null, unmeasured: new Set(), fills: null };

  constructor(private readonly host: AnalysisHost) {
    this.painter = new AnalysisPainter(host.cy);
    const again = (): void => this.refresh();
    this.scores = new Answers(again);
    this.communities = new Answers(again);
    this.survival = new Answers(again);
    const subGroups = new Set(host.timeline.factions.filter((f) => f.parentId !== null).map((f) => f.id));
    this.chart = new SurvivalChart(byId('survival-panel'), host.colours, subGroups);
    byId('tab-survival').addEventListener('click', () => this.refresh());
    window.__atlasAnalysis = () => this.painter.report();
  }

  /** Called on every state change; the work waits for the slider to settle (or REFRESH_MS). */
  changed(s: AppState, prev: AppState): void {
    if (s.time.day !== prev.time.day) this.chart.setDay(s.time.day);
    if (s.analysis === prev.analysis && s.time.day === prev.time.day && s.filters === prev.filters) return;
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_MS);
  }

  refresh(): void {
    const s = this.host.get();
    const { day } = s.time;
    const min = s.filters.minCertainty;
    const fams = s.filters.families;
    const at = analysisAt(day);
    const measure = s.analysis.sizeBy;
    const scores: Fetched<ScoreAnswer> =
      measure === 'none' ? OFF : this.scores.get(answerKey(measure, day, min, fams), (signal) => fetchCentrality(at, measure, min, fams, signal));
    const communities: Fetched<CommunityAnswer> =
      s.analysis.colourBy === 'community'
        ? this.communities.get(answerKey('communities', day, min, fams), (signal) => fetchCommunities(at, min, fams, signal))
        : OFF;
    const frame = this.host.currentFrame();
    const shown = [...frame.persons.keys()];
    const sizes = scores.state === 'ready' ? nodeSizes(scores.answer, shown) : null;
    this.look = {
      sizes: scores.state === 'ready' ? (sizes?.sizes ?? null) : scores.state === 'loading' ? this.look.sizes : null,
      unmeasured: scores.state === 'ready' ? (sizes?.unmeasured ?? new Set()) : scores.state === 'loading' ? this.look.unmeasured : new Set(),
      fills: communities.state === 'ready' ? communityFills(communities.answer, shown) : communities.state === 'loading' ? this.look.fills : null,
    };
    this.painter.paint(this.look);
    renderAnalysis(
      byId('analysis'),
      {
        choice: s.analysis,
        day,
        minCertainty: min,
        scores,
        communities,
        unmeasured: sizes?.unmeasured.size ?? 0,
        names: this.host.names,
        statusOf: (id) => statusOf(frame, id),
      },
      {
        onSize: (sizeBy) => this.host.update((x) => ({ ...x, analysis: setSizeBy(x.analysis, sizeBy) })),
        onColour: (colourBy) => this.host.update((x) => ({ ...x, analysis: setColourBy(x.analysis, colourBy) })),
      },
    );
    if (!byId('survival-panel').hidden) this.refreshSurvival(s);
  }

  /** The survival chart follows the faction and certainty filters; the slider moves its rule. */
  private refreshSurvival(s: AppState): void {
    const hidden = new Set(s.filters.hiddenFactions);
    const factions = this.host.timeline.factions.map((f) => f.id).filter((id) => !hidden.has(id));
    const min = s.filters.minCertainty;
    const fams = s.filters.families;
    this.chart.setDay(s.time.day);
    if (factions.length === 0) {
      this.chart.show({ state: 'ready', key: 'none', answer: [] });
      return;
    }
    this.chart.show(
      this.survival.get(`survival|${factions.join(',')}|${min}|${[...fams].sort().join(',')}`, (signal) => fetchSurvival(factions, min, fams, signal)),
    );
  }
}
