/**
 * The controller: owns the store, and on each change recomputes the frame, applies it to the
 * graph, and re-renders only the panels whose inputs changed. State logic lives in state/*,
 * drawing in graph/*, and panels in ui/*; this file only wires them together.
 */
import cytoscape, { type Core } from 'cytoscape';
import { fetchChain, fetchEvent, fetchPerson, type EventDetails, type PersonDetails } from './api.js';
import { FrameApplier, initialElements, NO_OVERLAY, setChainLinks, type Overlay } from './graph/data.js';
import { bindGraphEvents } from './graph/events.js';
import { personPositions, showFocus } from './graph/focus.js';
import { StableMap } from './graph/layout.js';
import { viewReport } from './graph/view-report.js';
import { useFcose } from './layout/fcose.js';
import { layoutInWorker, seatMap } from './layout/seats.js';
import { stylesheet, TRANSITION_MAX_PERSONS } from './graph/style.js';
import type { Source, Timeline } from './model.js';
import { atEnd, chainFailed, chainLoaded, chainLoading, highlight, selectPath, setChainCertainOnly, stepChain } from './state/chain.js';
import { AnalysisPanel } from './analysis-panel.js';
import { analysisRules } from './graph/analysis-style.js';
import { setCertainChains } from './state/analysis.js';
import { chartSeries } from './state/chart-data.js';
import { compareFrame, compareFrames, type Comparison } from './state/compare.js';
import { dayOf, yearOf } from './state/dates.js';
import { NO_FILTERS, type Filters } from './state/filters.js';
import { computeFrame, prepare, type Frame, type Prepared } from './state/frame.js';
import { factionColours } from './state/palette.js';
import type { LinkState } from './state/permalink.js';
import { openEvent, select, setMode, type Mode } from './state/selection.js';
import { pageAround, sortedEvents, stepEvent } from './state/events.js';
import type { AtlasEvent } from './model.js';
import { renderEvent, renderEventLoading } from './ui/event-panel.js';
import { statusKindLabel } from './state/status.js';
import { initialState, Store, type AppState } from './state/store.js';
import { fromSlider, initialTime, pause, play, setDay, setSpeed, stepMonths, tick } from './state/time.js';
import { FactionChart } from './ui/chart.js';
import { renderChain } from './ui/chain.js';
import { renderCompare } from './ui/compare.js';
import { mountConsole } from './ui/console.js';
import { renderDetails } from './ui/details.js';
import { byId, h, replace } from './ui/dom.js';
import { mountExportActions } from './exports.js';
import { renderFilterPanel } from './filter-panel.js';
import { renderLegend } from './ui/legend.js';
import { renderOverview } from './ui/overview.js';
import { mountSearch } from './ui/search.js';
import { showError, showMessage } from './ui/status.js';
import { Timebar } from './ui/timebar.js';
import { PerfLog } from './perf.js';
import { networkRows } from './state/network-table.js';
import { StepAnnouncer } from './ui/announce.js';
import { NetworkMirror } from './ui/network-mirror.js';
import { renderNetworkTable } from './ui/network-table.js';
import { monthLabel } from './state/dates.js';
import type { Person } from './model.js';
import { UrlSync } from './url-sync.js';

useFcose();

export class Explorer {
  readonly store: Store;
  readonly cy: Core;
  readonly timeline: Timeline;
  readonly colours: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly names: ReadonlyMap<string, string>;
  readonly perf = new PerfLog();
  private prepared: Prepared;
  /** Events in list order under the event-kind filters: Previous/Next and the lists use it. */
  private events: AtlasEvent[] = [];
  private readonly eventDetails = new Map<string, EventDetails>();
  private eventPageOffset = 0;
  private eventKind: string | null = null;
  private frame: Frame;
  private comparison: Comparison | null = null;
  private readonly applier: FrameApplier;
  private readonly layout: StableMap;
  private readonly timebar: Timebar;
  private readonly chart: FactionChart;
  private readonly url = new UrlSync();
  private readonly details = new Map<string, PersonDetails>();
  private detailsRequest: AbortController | null = null;
  private playTimer: number | undefined;
  private chainTimer: number | undefined;
  private viewTimer: number | undefined;
  private overviewTimer: number | undefined;
  private mirrorTimer: number | undefined;
  /** The frame as drawn (in compare mode it keeps the vanished as ghosts): the mirror and table show it. */
  private drawn: Frame;
  private readonly persons: ReadonlyMap<string, Person>;
  private readonly mirror: NetworkMirror;
  private readonly announcer: StepAnnouncer;
  /** Sizes and colours by analysis, its legend and the survival chart (analysis-panel.ts). */
  private analysis: AnalysisPanel | null = null;
  /** Set when Enter in the mirror selected someone: their panel takes focus once it is drawn. */
  private focusPanelOnLoad = false;

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
      chain: known !== null && link.mode === 'chain' ? chainLoading(known, link.chainPath, link.chainStep, link.analysis.certainChains) : null,
      analysis: link.analysis,
    });
    this.prepared = prepare(timeline, link.filters);
    this.frame = computeFrame(this.prepared, time.day);
    this.drawn = this.frame;
    this.persons = new Map(timeline.persons.map((p) => [p.id, p]));
    this.cy = cytoscape({
      container: byId('cy'),
      style: [...stylesheet({ transitions: timeline.persons.length <= TRANSITION_MAX_PERSONS }), ...analysisRules()],
      elements: initialElements(timeline, this.colours, this.frame),
      minZoom: 0.05,
      maxZoom: 4,
    });
    // Counted so a test can hold the promise that scrubbing starts no layout.
    this.cy.on('layoutstart', () => this.perf.layoutStarted());
    this.applier = new FrameApplier(this.cy, this.colours);
    this.layout = new StableMap(this.cy);
    this.timebar = new Timebar(byId('timebar'), time, {
      onSlide: (v) => this.update((s) => ({ ...s, time: fromSlider(pause(s.time), v) })),
      onPlay: () => this.update((s) => ({ ...s, time: s.time.playing ? pause(s.time) : play(s.time) })),
      onSpeed: (speed) => this.update((s) => ({ ...s, time: setSpeed(s.time, speed) })),
      onJump: (dir) => this.jumpEvent(dir),
      onStep: (months) => this.update((s) => ({ ...s, time: stepMonths(pause(s.time), months) })),
    });
    this.chart = new FactionChart(byId('chart-panel'), this.colours, (year) =>
      this.update((s) => ({ ...s, time: setDay(pause(s.time), dayOf(`${year}-07-01`)) })),
    );
    this.announcer = new StepAnnouncer(byId('step-announce'), this.names);
    this.mirror = new NetworkMirror(byId('network-mirror'), byId('mirror-card'), {
      onSelect: (id) => {
        this.focusPanelOnLoad = true;
        this.pick(id);
      },
      onClear: () => this.clearSelection(),
      onFocus: (id) => showFocus(this.cy, id),
      positions: (ids) => personPositions(this.cy, ids),
      announce: (text) => this.announcer.say(text),
    });
    this.store.subscribe((s, prev) => this.render(s, prev));
  }

  update(change: (s: AppState) => AppState): void {
    this.store.update(change);
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
    this.mountModes();
    this.mountTabs();
    this.analysis = new AnalysisPanel({
      cy: this.cy,
      timeline: this.timeline,
      colours: this.colours,
      names: this.names,
      get: () => this.store.get(),
      update: (change) => this.update(change),
      currentFrame: () => this.frame,
    });
    renderLegend(byId('legend'), this.timeline.factions, this.colours);
    bindGraphEvents(this.cy, { onPick: (id) => this.pick(id), onHover: (id, at) => this.tooltip(id, at) });
    showMessage('Laying out the map of all dates…');
    try {
      const seats = await layoutInWorker(this.timeline);
      this.layout.setSeats(seatMap(seats), seats.ms);
      this.perf.layout(seats.ms);
    } catch (error) {
      showError(error instanceof Error ? error.message : String(error));
    }
    const s = this.store.get();
    this.afterFilters(s.filters);
    this.drawFrame(s);
    this.layout.restore();
    this.layout.fit();
    this.mountViewKeys();
    this.mountSkipLinks();
    this.announcer.shown(this.frame, true);
    this.renderMirror();
    window.__atlasView = () => ({ ...viewReport(this.cy), positions: this.layout.positions() });
    this.timebar.render(s.time);
    this.labelJumps(s);
    this.renderPanel(s);
    this.analysis.refresh();
    this.url.write(s);
    if (s.chain !== null) void this.loadChain(s.chain.personId);
    showMessage(`${this.timeline.persons.length} people, ${this.timeline.events.length} events. Drag the slider, or press [ and ] to step a month.`);
  }

  private render(s: AppState, prev: AppState): void {
    if (s.filters !== prev.filters) this.afterFilters(s.filters);
    this.drawFrame(s);
    this.timebar.render(s.time);
    this.labelJumps(s);
    this.chart.setYear(yearOf(s.time.day));
    if (s.time.playing !== prev.time.playing || s.time.speed !== prev.time.speed) this.schedulePlay(s);
    const panelChanged =
      s.selection !== prev.selection ||
      s.chain !== prev.chain ||
      (s.selection.mode === 'compare' && (s.time.day !== prev.time.day || s.compareDay !== prev.compareDay));
    // The overview counts and lists what is shown, so a filter change redraws it too.
    const overviewChanged =
      s.selection.personId === null &&
      s.selection.eventId === null &&
      s.selection.mode === 'network' &&
      (s.time.day !== prev.time.day || s.filters !== prev.filters);
    if (panelChanged || overviewChanged) this.renderPanel(s);
    if (s.selection.mode !== prev.selection.mode) this.renderModes(s.selection.mode);
    this.announcer.shown(this.frame, s.filters !== prev.filters || s.selection.mode !== prev.selection.mode);
    this.scheduleMirror();
    this.analysis?.changed(s, prev);
    this.url.write(s);
  }

  /** The keyboard mirror and the table follow the frame once a scrub settles, off the hot path. */
  private scheduleMirror(): void {
    window.clearTimeout(this.mirrorTimer);
    this.mirrorTimer = window.setTimeout(() => this.renderMirror(), 150);
  }

  private renderMirror(): void {
    const rows = networkRows(this.drawn, this.persons, this.timeline.factions);
    this.mirror.render(this.drawn, rows, this.store.get().selection.personId);
    const table = byId('table-panel');
    if (!table.hidden) renderNetworkTable(table, rows, monthLabel(this.drawn.day), this.drawn.ties.length, this.names, (id) => this.pick(id));
  }

  /** Escape: close the person or event panel; focus goes back to that person on the map. */
  private clearSelection(): void {
    const s = this.store.get();
    const personId = s.selection.personId;
    if (s.selection.eventId !== null) this.openEvent(null);
    else if (personId !== null) this.pick(null);
    else return;
    if (personId !== null) {
      window.clearTimeout(this.mirrorTimer);
      this.renderMirror();
      this.mirror.focus(personId);
    }
  }

  /** Skip links land on the map's people (the selected one first) or in the details panel. */
  private mountSkipLinks(): void {
    byId('skip-network').addEventListener('click', (e) => {
      e.preventDefault();
      const selected = this.store.get().selection.personId;
      if (selected === null || !this.mirror.focus(selected)) this.mirror.focusFirst();
    });
    byId('skip-panel').addEventListener('click', (e) => {
      e.preventDefault();
      byId('panel').focus();
    });
  }

  private afterFilters(filters: Filters): void {
    this.prepared = prepare(this.timeline, filters);
    this.events = sortedEvents(this.timeline.events, filters.hiddenEventKinds);
    this.chart.setData(chartSeries(this.timeline, this.prepared));
    renderFilterPanel(this, filters);
  }

  /** The hot path of a time step: compute the frame and apply its differences to the graph. */
  private drawFrame(s: AppState): void {
    const started = performance.now();
    const after = computeFrame(this.prepared, s.time.day);
    let drawn = after;
    this.comparison = null;
    if (s.selection.mode === 'compare' && s.compareDay !== null) {
      const before = computeFrame(this.prepared, s.compareDay);
      this.comparison = compareFrames(before, after);
      drawn = compareFrame(before, after);
    }
    this.frame = after;
    this.drawn = drawn;
    const computed = performance.now();
    const chain = s.selection.mode === 'chain' && s.chain !== null ? highlight(s.chain) : null;
    const overlay: Overlay = {
      ...NO_OVERLAY,
      selected: s.selection.personId,
      chainPersons: chain?.persons ?? null,
      chainTies: chain?.ties ?? null,
      compare: this.comparison?.marks ?? null,
    };
    const result = this.applier.apply(drawn, overlay);
    setChainLinks(this.cy, chain?.links ?? []);
    const elapsed = performance.now() - started;
    this.perf.record(elapsed, computed - started, drawn.persons.size, drawn.ties.length, result.moved.size);
    byId('perf').textContent = `frame ${elapsed.toFixed(1)} ms · ${drawn.persons.size} people · ${drawn.ties.length} ties`;
    this.emptyState(drawn.persons.size === 0);
    // No layout runs here: newcomers take their seat on the stable map; a tidied date is left.
    if (this.layout.isTidied && s.time.day !== this.tidiedDay) {
      this.layout.restore();
      this.renderModes(s.selection.mode);
    } else this.layout.seat(result.placed);
    if (result.structural) this.scheduleKeepInView(s.time.playing);
  }

  /** The camera widens once a scrub settles, not once per notch. */
  private scheduleKeepInView(playing: boolean): void {
    window.clearTimeout(this.viewTimer);
    this.viewTimer = window.setTimeout(() => this.layout.keepInView(), playing ? 0 : 150);
  }

  /** + and - zoom about the centre, 0 fits what is shown (outside text fields). */
  private mountViewKeys(): void {
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
      const centre = { x: this.cy.width() / 2, y: this.cy.height() / 2 };
      if (e.key === '+' || e.key === '=') this.cy.zoom({ level: this.cy.zoom() * 1.25, renderedPosition: centre });
      else if (e.key === '-' || e.key === '_') this.cy.zoom({ level: this.cy.zoom() / 1.25, renderedPosition: centre });
      else if (e.key === '0') this.layout.fit();
      else if (e.key === 'Escape') this.clearSelection();
      else return;
      e.preventDefault();
    });
  }

  private emptyState(empty: boolean): void {
    const wrap = byId('cy').parentElement;
    const existing = document.getElementById('empty-state');
    if (!empty) existing?.remove();
    else if (existing === null && wrap !== null) {
      wrap.append(h('p', { class: 'empty', id: 'empty-state' }, 'No one is recorded at this date under the current filters.'));
    }
  }

  private schedulePlay(s: AppState): void {
    window.clearInterval(this.playTimer);
    if (!s.time.playing) return;
    this.playTimer = window.setInterval(() => this.update((x) => ({ ...x, time: tick(x.time) })), 1000 / s.time.speed);
  }

  pick(personId: string | null): void {
    this.update((s) => {
      const selection = select(s.selection, personId);
      const chain =
        selection.mode === 'chain' && personId !== null ? chainLoading(personId, 0, 0, s.analysis.certainChains) : selection.mode === 'chain' ? s.chain : null;
      return { ...s, selection, chain };
    });
    const s = this.store.get();
    if (s.selection.mode === 'chain' && personId !== null) void this.loadChain(personId);
  }

  setMode(mode: Mode): void {
    this.stopChainAnimation();
    const before = this.store.get();
    if (mode === 'chain' && before.selection.personId === null) {
      showError('Pick a person first (search or click a node), then follow their purge chain.');
      return;
    }
    this.update((s) => ({
      ...s,
      selection: setMode(s.selection, mode),
      compareDay: mode === 'compare' ? (s.compareDay ?? Math.max(s.time.start, s.time.day - 5 * 365)) : s.compareDay,
      chain: mode === 'chain' && s.selection.personId !== null ? chainLoading(s.selection.personId, 0, 0, s.analysis.certainChains) : null,
    }));
    const s = this.store.get();
    if (mode === 'chain' && s.selection.personId !== null) void this.loadChain(s.selection.personId);
  }

  private async loadChain(personId: string): Promise<void> {
    try {
      const paths = await fetchChain(personId);
      this.update((s) => (s.chain?.personId === personId ? { ...s, chain: chainLoaded(s.chain, paths) } : s));
      this.syncChainDay();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.update((s) => (s.chain?.personId === personId ? { ...s, chain: chainFailed(s.chain, message) } : s));
    }
  }

  /** In chain mode the slider follows the chain, so each step shows the network as it fell. */
  private syncChainDay(): void {
    const chain = this.store.get().chain;
    if (chain === null) return;
    const day = highlight(chain).day;
    if (day !== null) this.update((s) => ({ ...s, time: setDay(pause(s.time), day) }));
  }

  private chainStep(delta: number): void {
    this.update((s) => (s.chain === null ? s : { ...s, chain: stepChain(s.chain, delta) }));
    this.syncChainDay();
  }

  private toggleChainAnimation(): void {
    if (this.chainTimer !== undefined) {
      this.stopChainAnimation();
      this.renderPanel(this.store.get());
      return;
    }
    const chain = this.store.get().chain;
    if (chain !== null && atEnd(chain)) this.update((s) => (s.chain === null ? s : { ...s, chain: { ...s.chain, step: 0 } }));
    this.chainTimer = window.setInterval(() => {
      const c = this.store.get().chain;
      if (c === null || atEnd(c)) {
        this.stopChainAnimation();
        this.renderPanel(this.store.get());
        return;
      }
      this.chainStep(1);
    }, 1400);
    this.renderPanel(this.store.get());
  }

  private stopChainAnimation(): void {
    window.clearInterval(this.chainTimer);
    this.chainTimer = undefined;
  }

  private renderPanel(s: AppState): void {
    const panel = byId('panel');
    const id = s.selection.personId;
    if (s.selection.mode === 'chain' && s.chain !== null) {
      replace(
        panel,
        renderChain(s.chain, this.names.get(s.chain.personId) ?? s.chain.personId, this.sources, this.chainTimer !== undefined, {
          onPath: (i) => {
            this.update((x) => (x.chain === null ? x : { ...x, chain: selectPath(x.chain, i) }));
            this.syncChainDay();
          },
          onStep: (d) => this.chainStep(d),
          onAnimate: () => this.toggleChainAnimation(),
          onCertainOnly: (on) => {
            this.stopChainAnimation();
            this.update((x) => ({ ...x, analysis: setCertainChains(x.analysis, on), chain: x.chain === null ? null : setChainCertainOnly(x.chain, on) }));
            this.syncChainDay();
          },
          onExit: () => this.setMode('network'),
        }),
      );
      return;
    }
    if (s.selection.mode === 'compare' && s.compareDay !== null && this.comparison !== null) {
      replace(
        panel,
        renderCompare(this.comparison, s.compareDay, s.time.day, this.names, {
          onBefore: (iso) => {
            if (/^\d{4}-\d{2}$/.test(iso)) this.update((x) => ({ ...x, compareDay: dayOf(iso) }));
          },
          onPick: (pid) => this.pick(pid),
          onExit: () => this.setMode('network'),
        }),
      );
      return;
    }
    if (s.selection.eventId !== null) {
      void this.showEvent(s.selection.eventId);
      return;
    }
    if (id === null) {
      // The overview lists people and events; while scrubbing it is redrawn once things settle.
      window.clearTimeout(this.overviewTimer);
      this.overviewTimer = window.setTimeout(
        () => {
          const now = this.store.get();
          if (now.selection.personId !== null || now.selection.eventId !== null || now.selection.mode !== 'network') return;
          const listed = sortedEvents(this.timeline.events, now.filters.hiddenEventKinds, this.eventKind);
          replace(
            panel,
            renderOverview(this.timeline, this.frame, {
              page: pageAround(listed, now.time.day, this.eventPageOffset),
              kinds: [...new Set(this.timeline.events.map((e) => e.kind))].sort(),
              kind: this.eventKind,
              onEvent: (eventId) => this.openEvent(eventId),
              onPage: (delta) => {
                this.eventPageOffset += delta;
                this.renderPanel(this.store.get());
              },
              onKind: (kind) => {
                this.eventKind = kind;
                this.eventPageOffset = 0;
                this.renderPanel(this.store.get());
              },
              onPick: (pid) => this.pick(pid),
            }),
          );
        },
        panel.firstElementChild?.id === 'overview' ? 150 : 0,
      );
      return;
    }
    void this.showPerson(id);
  }

  private async showPerson(id: string): Promise<void> {
    const panel = byId('panel');
    const cached = this.details.get(id);
    this.detailsRequest?.abort();
    if (cached === undefined) {
      replace(panel, h('p', { id: 'details-loading' }, `Loading ${this.names.get(id) ?? id}…`));
      this.detailsRequest = new AbortController();
      try {
        this.details.set(id, await fetchPerson(id, this.detailsRequest.signal));
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        replace(
          panel,
          h('p', { class: 'error', role: 'alert' }, `Could not load ${this.names.get(id) ?? id}: ${error instanceof Error ? error.message : String(error)}`),
        );
        return;
      }
    }
    const details = this.details.get(id);
    if (details === undefined || this.store.get().selection.personId !== id) return;
    replace(
      panel,
      renderDetails(details, {
        sources: this.sources,
        allSources: this.timeline.sources,
        start: this.timeline.start,
        end: this.timeline.end,
        factionColours: this.colours,
        onPick: (pid) => this.pick(pid),
        onChain: () => this.setMode('chain'),
        onGoTo: (day) => this.update((x) => ({ ...x, time: setDay(pause(x.time), day) })),
        onEvent: (eventId) => this.openEvent(eventId),
      }),
    );
    if (this.focusPanelOnLoad) document.getElementById('person-name')?.focus();
    this.focusPanelOnLoad = false;
    this.centre(id);
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

  /** Previous/Next event: from the open event to its neighbour in the list, else from the date. */
  private jumpEvent(dir: 1 | -1): void {
    const s = this.store.get();
    const target = stepEvent(this.events, s.time.day, dir, s.selection.eventId);
    if (target === null) {
      showMessage(dir === 1 ? 'No later event is recorded under the current filters.' : 'No earlier event is recorded under the current filters.');
      return;
    }
    this.openEvent(target.id);
    showMessage(`${dir === 1 ? 'Next' : 'Previous'} event: ${target.date.iso} ${target.title}`);
  }

  /** The Previous/Next buttons say which event they move to. */
  private labelJumps(s: AppState): void {
    this.timebar.setJumps(stepEvent(this.events, s.time.day, -1, s.selection.eventId), stepEvent(this.events, s.time.day, 1, s.selection.eventId));
  }

  private async showEvent(id: string): Promise<void> {
    const panel = byId('panel');
    const known = this.timeline.events.find((e) => e.id === id);
    this.detailsRequest?.abort();
    if (!this.eventDetails.has(id)) {
      replace(panel, renderEventLoading(known?.title ?? id));
      this.detailsRequest = new AbortController();
      try {
        this.eventDetails.set(id, await fetchEvent(id, this.detailsRequest.signal));
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        replace(panel, h('p', { class: 'error', role: 'alert' }, `Could not load the event: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
    }
    const details = this.eventDetails.get(id);
    const s = this.store.get();
    if (details === undefined || s.selection.eventId !== id) return;
    const i = this.events.findIndex((e) => e.id === id);
    replace(
      panel,
      renderEvent(details, {
        sources: this.sources,
        allSources: this.timeline.sources,
        previous: i > 0 ? (this.events[i - 1] ?? null) : null,
        next: i >= 0 ? (this.events[i + 1] ?? null) : null,
        onEvent: (eventId) => this.openEvent(eventId),
        onPick: (pid) => this.pick(pid),
        onClose: () => this.openEvent(null),
      }),
    );
  }

  private centre(id: string): void {
    const node = this.cy.getElementById(`p:${id}`);
    if (node.nonempty() && node.visible()) this.cy.animate({ center: { eles: node }, duration: 300 });
  }

  private tooltip(id: string | null, at: { x: number; y: number } | null): void {
    const tip = byId('tooltip');
    const p = id === null ? undefined : this.frame.persons.get(id);
    if (id === null || at === null || p === undefined) {
      tip.hidden = true;
      return;
    }
    const faction = this.timeline.factions.find((f) => f.id === p.parent)?.name ?? 'no faction';
    replace(
      tip,
      h('strong', {}, this.names.get(id) ?? id),
      h('div', {}, `${statusKindLabel(p.state)}${p.statusCertain ? '' : ' (uncertain)'}`),
      h('div', {}, `${p.former ? 'formerly ' : ''}${faction}`),
    );
    tip.style.left = `${at.x + 14}px`;
    tip.style.top = `${at.y + 14}px`;
    tip.hidden = false;
  }

  private tidiedDay: number | null = null;

  /** "Tidy this date" lays out the visible slice afresh; pressed again, back to the stable map. */
  tidy(): void {
    if (this.layout.isTidied) {
      this.layout.restore();
      this.layout.fit();
      this.tidiedDay = null;
      this.renderModes(this.store.get().selection.mode);
      return;
    }
    this.tidiedDay = this.store.get().time.day;
    void this.layout.tidy().then(() => {
      this.perf.layout(this.layout.lastMs);
      this.renderModes(this.store.get().selection.mode);
      showMessage('Tidied for this date only: the next step in time, or "Stable map", puts everyone back on the map of all dates.');
    });
  }

  currentFrame(): Frame {
    return this.frame;
  }

  private mountModes(): void {
    this.renderModes(this.store.get().selection.mode);
  }

  private renderModes(mode: Mode): void {
    const button = (m: Mode, text: string): HTMLButtonElement =>
      h('button', { id: `mode-${m}`, 'aria-pressed': String(mode === m), onClick: () => this.setMode(m) }, text);
    replace(
      byId('modes'),
      button('network', 'Network'),
      button('chain', 'Purge chain'),
      button('compare', 'Compare dates'),
      this.layout.isTidied
        ? h('button', { id: 'tidy', title: 'Put everyone back on the map of all dates', onClick: () => this.tidy() }, 'Stable map')
        : h(
            'button',
            { id: 'tidy', title: 'Lay out only the people shown at this date (until the date changes)', onClick: () => this.tidy() },
            'Tidy this date',
          ),
    );
  }

  /** The analysis tabs: one Tab stop, arrow keys between tabs (the ARIA tabs pattern). */
  private mountTabs(): void {
    const tabs = [byId('tab-chart'), byId('tab-survival'), byId('tab-table'), byId('tab-console')];
    const choose = (tab: HTMLElement): void => {
      for (const t of tabs) {
        const on = t === tab;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
        byId(t.getAttribute('aria-controls') ?? '').hidden = !on;
      }
      // The console wants room for its drawing: the bottom grows and the map gives way.
      const wasOpen = document.body.classList.contains('console-open');
      document.body.classList.toggle('console-open', tab.id === 'tab-console');
      if (wasOpen !== (tab.id === 'tab-console')) {
        this.cy.resize();
        this.layout.fit();
      }
      if (tab.id === 'tab-table') this.renderMirror();
    };
    tabs.forEach((tab, i) => {
      tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
      tab.addEventListener('click', () => choose(tab));
      tab.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        e.preventDefault();
        const next = tabs[(i + step + tabs.length) % tabs.length];
        if (next === undefined) return;
        choose(next);
        next.focus();
      });
    });
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
