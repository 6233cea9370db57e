/**
 * The explorer: owns the store, and on each change hands the new state to its controllers
 * (controllers/*: the map, the time bar, the side panel, the purge chain, the keyboard mirror),
 * which redraw only what changed. State logic lives in state/*, drawing in graph/*, panels in
 * ui/*; this file and the controllers only wire them together.
 */
import cytoscape, { type Core } from 'cytoscape';
import { AnalysisPanel } from './analysis-panel.js';
import { ChainController } from './controllers/chain.js';
import type { ExplorerContext } from './controllers/context.js';
import { MapController } from './controllers/map.js';
import { MirrorController } from './controllers/mirror.js';
import { PanelController } from './controllers/panel.js';
import { PlaybackController } from './controllers/playback.js';
import { mountTabs } from './controllers/tabs.js';
import { mountExportActions } from './controllers/export-actions.js';
import { renderFilterPanel } from './filter-panel.js';
import { analysisRules } from './graph/analysis-style.js';
import { initialElements } from './graph/data.js';
import { bindGraphEvents } from './graph/events.js';
import { stylesheet, TRANSITION_MAX_PERSONS } from './graph/style.js';
import { useFcose } from './layout/fcose.js';
import type { Source, Timeline } from './timeline-types.js';
import { PerfLog } from './perf.js';
import { chainLoading } from './state/chain.js';
import { chartSeries } from './state/chart-data.js';
import { dayOf, yearOf } from './state/dates.js';
import { familiesChanged, NO_FILTERS, type Filters } from './state/filters.js';
import { computeFrame, prepare, type Frame } from './state/frame.js';
import { factionColours } from './state/palette.js';
import type { LinkState } from './state/permalink.js';
import { openEvent, select, setMode, type Mode } from './state/selection.js';
import { chainFollowsFamilies, initialState, isTimeStep, Store, type AppState } from './state/store.js';
import { initialTime, pause, setDay } from './state/time.js';
import { FactionChart } from './ui/chart.js';
import { mountConsole } from './ui/console.js';
import { byId } from './ui/dom.js';
import { renderLegend } from './ui/legend.js';
import { mountSearch } from './ui/search.js';
import { showError, showMessage } from './ui/status.js';
import { UrlSync } from './url-sync.js';

useFcose();

export class Explorer implements ExplorerContext {
  readonly store: Store;
  readonly cy: Core;
  readonly timeline: Timeline;
  readonly colours: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly names: ReadonlyMap<string, string>;
  readonly perf = new PerfLog();
  private readonly url = new UrlSync();
  private readonly map: MapController;
  private readonly playback: PlaybackController;
  private readonly chart: FactionChart;
  private readonly chain: ChainController;
  private readonly panel: PanelController;
  private readonly mirror: MirrorController;
  /** Sizes and colours by analysis, its legend and the survival chart (analysis-panel.ts). */
  private analysis: AnalysisPanel | null = null;
  /** Set while a step's panels wait for its frame: the state before the first such step. */
  private panelsSince: AppState | null = null;

  constructor(timeline: Timeline, link: LinkState) {
    this.timeline = timeline;
    this.colours = factionColours(timeline.factions);
    this.sources = new Map(timeline.sources.map((s) => [s.id, s]));
    this.names = new Map(timeline.persons.map((p) => [p.id, p.name]));
    const time = initialTime(timeline.start, timeline.end, link.day ?? defaultDay(timeline));
    const known = link.personId !== null && this.names.has(link.personId) ? link.personId : null;
    this.store = new Store({
      ...initialState(time),
      filters: link.filters,
      selection: {
        personId: known,
        eventId: known === null && link.eventId !== null && timeline.events.some((e) => e.id === link.eventId) ? link.eventId : null,
        mode: known === null && link.mode === 'chain' ? 'network' : link.mode,
      },
      compareDay: link.mode === 'compare' ? (link.compareDay ?? time.start) : link.compareDay,
      chain:
        known !== null && link.mode === 'chain'
          ? chainLoading(known, link.chainPath, link.chainStep, link.analysis.certainChains, link.filters.families)
          : null,
      analysis: link.analysis,
    });
    const prepared = prepare(timeline, link.filters);
    const first = computeFrame(prepared, time.day);
    this.cy = cytoscape({
      container: byId('cy'),
      style: [...stylesheet({ transitions: timeline.persons.length <= TRANSITION_MAX_PERSONS }), ...analysisRules()],
      elements: initialElements(timeline, this.colours, first),
      minZoom: 0.05,
      maxZoom: 4,
    });
    this.map = new MapController(this, this.perf, prepared, first);
    this.playback = new PlaybackController(this, time);
    this.chart = new FactionChart(byId('chart-panel'), this.colours, (year) =>
      this.update((s) => ({ ...s, time: setDay(pause(s.time), dayOf(`${year}-07-01`)) })),
    );
    this.chain = new ChainController(this, () => this.panel.render(this.store.get()));
    this.panel = new PanelController(this, { chain: this.chain, comparison: () => this.map.comparison, events: () => this.playback.events });
    this.mirror = new MirrorController(
      this,
      () => this.map.drawn,
      () => this.panel.focusNextPerson(),
    );
    this.store.subscribe((s, prev) => this.render(s, prev));
  }

  update(change: (s: AppState) => AppState): void {
    this.store.update((s) => chainFollowsFamilies(change(s)));
  }

  /** First draw: full layout, panels, then restore chain mode if the link asked for it. */
  async start(): Promise<void> {
    mountSearch(
      byId('search'),
      (id) => this.pick(id),
      (m) => showError(m),
    );
    mountConsole(byId('console-panel'));
    mountExportActions(this);
    this.map.renderModes(this.store.get().selection.mode);
    mountTabs({ onConsoleToggled: () => this.map.refit(), onTable: () => this.mirror.render() });
    this.analysis = new AnalysisPanel({
      cy: this.cy,
      timeline: this.timeline,
      colours: this.colours,
      names: this.names,
      get: () => this.store.get(),
      update: (change) => this.update(change),
      currentFrame: () => this.map.frame,
    });
    renderLegend(byId('legend'), this.timeline.factions, this.colours);
    bindGraphEvents(this.cy, { onPick: (id) => this.pick(id), onHover: (id, at) => this.map.tooltip(id, at) });
    await this.map.seat();
    const s = this.store.get();
    this.afterFilters(s.filters);
    this.map.draw(s);
    this.map.showAll();
    this.map.mountViewKeys(() => this.mirror.clearSelection());
    this.mirror.mountSkipLinks();
    this.mirror.announce(this.map.frame, true);
    this.mirror.render();
    this.map.exposeReport();
    this.playback.render(s);
    this.panel.render(s);
    this.analysis.refresh();
    this.url.write(s);
    if (s.chain !== null) void this.chain.load(s.chain.personId);
    showMessage(`${this.timeline.persons.length} people, ${this.timeline.events.length} events. Drag the slider, or press [ and ] to step a month.`);
  }

  /**
   * A step in time draws the map at once and leaves the rest (panels, chart marker, mirror,
   * announcement, address bar) until that frame is drawn; steps that come faster than frames
   * share one such pass, which compares the state with the one before the first of them.
   * Any other change renders everything at once (with the pending pass folded in).
   */
  private render(s: AppState, prev: AppState): void {
    if (s.filters !== prev.filters) this.afterFilters(s.filters);
    this.map.draw(s);
    if (isTimeStep(s, prev)) {
      this.playback.renderTime(s);
      if (this.panelsSince === null) {
        this.panelsSince = prev;
        requestAnimationFrame(() => window.setTimeout(() => this.renderPendingPanels(), 0));
      }
      return;
    }
    const since = this.panelsSince ?? prev;
    this.panelsSince = null;
    this.renderPanels(s, since);
  }

  private renderPendingPanels(): void {
    const since = this.panelsSince;
    if (since === null) return;
    this.panelsSince = null;
    this.renderPanels(this.store.get(), since);
  }

  /** Everything but the map, for the change from `prev` to `s`. */
  private renderPanels(s: AppState, prev: AppState): void {
    this.playback.render(s, prev);
    this.chart.setYear(yearOf(s.time.day));
    // Panels and the chain are fetched for the filter's source families: other families, other answers.
    const familiesMoved = familiesChanged(prev.filters.families, s.filters.families);
    if (familiesMoved && s.chain !== null && s.chain.status === 'loading') void this.chain.load(s.chain.personId);
    const panelChanged =
      s.selection !== prev.selection ||
      (familiesMoved && (s.selection.personId !== null || s.selection.eventId !== null)) ||
      s.chain !== prev.chain ||
      (s.selection.mode === 'compare' && (s.time.day !== prev.time.day || s.compareDay !== prev.compareDay));
    // The overview counts and lists what is shown, so a filter change redraws it too.
    const overviewChanged =
      s.selection.personId === null &&
      s.selection.eventId === null &&
      s.selection.mode === 'network' &&
      (s.time.day !== prev.time.day || s.filters !== prev.filters);
    if (panelChanged || overviewChanged) this.panel.render(s);
    if (s.selection.mode !== prev.selection.mode) this.map.renderModes(s.selection.mode);
    this.mirror.announce(this.map.frame, s.filters !== prev.filters || s.selection.mode !== prev.selection.mode);
    this.mirror.schedule();
    this.analysis?.changed(s, prev);
    this.url.write(s);
  }

  private afterFilters(filters: Filters): void {
    this.map.setFilters(filters);
    this.playback.setFilters(filters);
    this.chart.setData(chartSeries(this.timeline, this.map.filtered));
    renderFilterPanel(this, filters);
  }

  pick(personId: string | null): void {
    this.update((s) => {
      const selection = select(s.selection, personId);
      const chain =
        selection.mode === 'chain' && personId !== null
          ? chainLoading(personId, 0, 0, s.analysis.certainChains, s.filters.families)
          : selection.mode === 'chain'
            ? s.chain
            : null;
      return { ...s, selection, chain };
    });
    const s = this.store.get();
    if (s.selection.mode === 'chain' && personId !== null) void this.chain.load(personId);
  }

  setMode(mode: Mode): void {
    this.chain.stopAnimation();
    const before = this.store.get();
    if (mode === 'chain' && before.selection.personId === null) {
      showError('Pick a person first (search or click a node), then follow their purge chain.');
      return;
    }
    this.update((s) => ({
      ...s,
      selection: setMode(s.selection, mode),
      compareDay: mode === 'compare' ? (s.compareDay ?? Math.max(s.time.start, s.time.day - 5 * 365)) : s.compareDay,
      chain: mode === 'chain' && s.selection.personId !== null ? chainLoading(s.selection.personId, 0, 0, s.analysis.certainChains, s.filters.families) : null,
    }));
    const s = this.store.get();
    if (mode === 'chain' && s.selection.personId !== null) void this.chain.load(s.selection.personId);
  }

  /** Opens an event's panel and moves the date to the event's first possible day. */
  openEvent(eventId: string | null): void {
    const event = eventId === null ? undefined : this.timeline.events.find((e) => e.id === eventId);
    this.update((s) => ({
      ...s,
      selection: openEvent(s.selection, eventId),
      chain: eventId === null ? s.chain : null,
      time: event === undefined ? s.time : setDay(pause(s.time), event.date.earliest),
    }));
  }

  currentFrame(): Frame {
    return this.map.frame;
  }

  resetFilters(): void {
    this.update((s) => ({ ...s, filters: NO_FILTERS }));
  }
}

/** Without a permalink, open at liberation (August 1945), when the factions meet in Pyongyang. */
function defaultDay(timeline: Timeline): number {
  const liberation = dayOf('1945-09-01');
  return liberation >= timeline.start && liberation <= timeline.end ? liberation : timeline.start;
}
