/**
 * The map: computes the frame at the date (and, comparing, the earlier one), applies its
 * differences to the graph (the hot path of a time step), seats newcomers on the stable map,
 * widens the camera once a scrub settles (its timer), and owns the mode buttons with "Tidy this
 * date", the zoom keys and the hover tooltip. It starts on the frame the graph was built from.
 */
import { FrameApplier, NO_OVERLAY, setChainLinks, type Overlay } from '../graph/data.js';
import { StableMap } from '../graph/layout.js';
import { viewReport } from '../graph/view-report.js';
import { layoutInWorker, seatMap } from '../layout/seats.js';
import type { PerfLog } from '../perf.js';
import { highlight } from '../state/chain.js';
import { compareFrame, compareFrames, type Comparison } from '../state/compare.js';
import type { Filters } from '../state/filters.js';
import { computeFrame, prepare, type Frame, type Prepared } from '../state/frame.js';
import type { Mode } from '../state/selection.js';
import { statusKindLabel } from '../state/status-groups.js';
import type { AppState } from '../state/store.js';
import { byId, h, replace } from '../ui/dom.js';
import { showError, showMessage } from '../ui/status.js';
import type { ExplorerContext } from './context.js';

export class MapController {
  private readonly applier: FrameApplier;
  private readonly layout: StableMap;
  private viewTimer: number | undefined;
  private tidiedDay: number | null = null;
  private prepared: Prepared;
  private current: Frame;
  private comparing: Comparison | null = null;
  /** The frame as drawn (in compare mode it keeps the vanished as ghosts): the mirror and table show it. */
  private shown: Frame;

  constructor(
    private readonly app: ExplorerContext,
    private readonly perf: PerfLog,
    prepared: Prepared,
    first: Frame,
  ) {
    // Counted so a test can hold the promise that scrubbing starts no layout.
    app.cy.on('layoutstart', () => perf.layoutStarted());
    this.applier = new FrameApplier(app.cy, app.colours);
    this.layout = new StableMap(app.cy);
    this.prepared = prepared;
    this.current = first;
    this.shown = first;
  }

  /** The timeline under the current filters. */
  get filtered(): Prepared {
    return this.prepared;
  }

  /** The frame at the slider's date. */
  get frame(): Frame {
    return this.current;
  }

  get drawn(): Frame {
    return this.shown;
  }

  get comparison(): Comparison | null {
    return this.comparing;
  }

  setFilters(filters: Filters): void {
    this.prepared = prepare(this.app.timeline, filters);
  }

  /** The map of all dates, laid out once off the main thread; then the first frame is drawn on it. */
  async seat(): Promise<void> {
    showMessage('Laying out the map of all dates…');
    try {
      const seats = await layoutInWorker(this.app.timeline);
      this.layout.setSeats(seatMap(seats), seats.ms);
      this.perf.layout(seats.ms);
    } catch (error) {
      showError(error instanceof Error ? error.message : String(error));
    }
  }

  /** After the first frame: everyone on their seat, the whole map in view. */
  showAll(): void {
    this.layout.restore();
    this.layout.fit();
  }

  /** What the map shows, for the browser tests (window.__atlasView). */
  exposeReport(): void {
    window.__atlasView = () => ({ ...viewReport(this.app.cy), positions: this.layout.positions() });
  }

  /** Fits what is shown again (after the map's box changed size). */
  refit(): void {
    this.app.cy.resize();
    this.layout.fit();
  }

  /** The hot path of a time step: compute the frame and apply its differences to the graph. */
  draw(s: AppState): void {
    const started = performance.now();
    const after = computeFrame(this.prepared, s.time.day);
    let drawn = after;
    this.comparing = null;
    if (s.selection.mode === 'compare' && s.compareDay !== null) {
      const before = computeFrame(this.prepared, s.compareDay);
      this.comparing = compareFrames(before, after);
      drawn = compareFrame(before, after);
    }
    this.current = after;
    this.shown = drawn;
    const computed = performance.now();
    const chain = s.selection.mode === 'chain' && s.chain !== null ? highlight(s.chain) : null;
    const overlay: Overlay = {
      ...NO_OVERLAY,
      selected: s.selection.personId,
      chainPersons: chain?.persons ?? null,
      chainTies: chain?.ties ?? null,
      compare: this.comparing?.marks ?? null,
    };
    const result = this.applier.apply(drawn, overlay);
    setChainLinks(this.app.cy, chain?.links ?? []);
    const elapsed = performance.now() - started;
    this.perf.record(elapsed, computed - started, drawn.persons.size, drawn.ties.length, result.moved.size);
    byId('perf').textContent = `frame ${elapsed.toFixed(1)} ms · ${drawn.persons.size} people · ${drawn.ties.length} ties`;
    this.emptyState(drawn.persons.size === 0);
    // No layout runs here: newcomers take their seat on the stable map; a tidied date is left.
    if (this.layout.isTidied && s.time.day !== this.tidiedDay) {
      this.layout.restore();
      this.renderModes(s.selection.mode);
    } else if (result.structural) this.layout.seat(result.placed);
    if (result.structural) this.scheduleKeepInView(s.time.playing);
  }

  /** The camera widens once a scrub settles, not once per notch. */
  private scheduleKeepInView(playing: boolean): void {
    window.clearTimeout(this.viewTimer);
    this.viewTimer = window.setTimeout(() => this.layout.keepInView(), playing ? 0 : 150);
  }

  private emptyState(empty: boolean): void {
    const wrap = byId('cy').parentElement;
    const existing = document.getElementById('empty-state');
    if (!empty) existing?.remove();
    else if (existing === null && wrap !== null) {
      wrap.append(h('p', { class: 'empty', id: 'empty-state' }, 'No one is recorded at this date under the current filters.'));
    }
  }

  /** + and - zoom about the centre, 0 fits what is shown (outside text fields); Escape calls `onEscape`. */
  mountViewKeys(onEscape: () => void): void {
    const { cy } = this.app;
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
      const centre = { x: cy.width() / 2, y: cy.height() / 2 };
      if (e.key === '+' || e.key === '=') cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: centre });
      else if (e.key === '-' || e.key === '_') cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: centre });
      else if (e.key === '0') this.layout.fit();
      else if (e.key === 'Escape') onEscape();
      else return;
      e.preventDefault();
    });
  }

  /** "Tidy this date" lays out the visible slice afresh; pressed again, back to the stable map. */
  private tidy(): void {
    if (this.layout.isTidied) {
      this.layout.restore();
      this.layout.fit();
      this.tidiedDay = null;
      this.renderModes(this.app.store.get().selection.mode);
      return;
    }
    this.tidiedDay = this.app.store.get().time.day;
    void this.layout.tidy().then(() => {
      this.perf.layout(this.layout.lastMs);
      this.renderModes(this.app.store.get().selection.mode);
      showMessage('Tidied for this date only: the next step in time, or "Stable map", puts everyone back on the map of all dates.');
    });
  }

  renderModes(mode: Mode): void {
    const button = (m: Mode, text: string): HTMLButtonElement =>
      h('button', { id: `mode-${m}`, 'aria-pressed': String(mode === m), onClick: () => this.app.setMode(m) }, text);
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

  tooltip(id: string | null, at: { x: number; y: number } | null): void {
    const tip = byId('tooltip');
    const p = id === null ? undefined : this.current.persons.get(id);
    if (id === null || at === null || p === undefined) {
      tip.hidden = true;
      return;
    }
    const faction = this.app.timeline.factions.find((f) => f.id === p.parent)?.name ?? 'no faction';
    replace(
      tip,
      h('strong', {}, this.app.names.get(id) ?? id),
      h('div', {}, `${statusKindLabel(p.state)}${p.statusCertain ? '' : ' (uncertain)'}`),
      h('div', {}, `${p.former ? 'formerly ' : ''}${faction}`),
    );
    tip.style.left = `${at.x + 14}px`;
    tip.style.top = `${at.y + 14}px`;
    tip.hidden = false;
  }
}
