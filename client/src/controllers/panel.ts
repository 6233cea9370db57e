/**
 * The side panel shows one thing at a time: the purge chain, the comparison of two dates, an
 * event, a person's details, or (nothing selected) the overview of the date, which is redrawn
 * once a scrub settles (its timer). Person and event details are fetched once per set of ticked
 * source families and kept.
 */
import { fetchEvent, fetchPerson, type EventDetails, type PersonDetails } from '../api.js';
import type { AtlasEvent } from '../timeline-types.js';
import type { Comparison } from '../state/compare.js';
import { dayOf } from '../state/dates.js';
import { pageAround, sortedEvents } from '../state/events.js';
import { panelKey } from '../state/filters.js';
import type { AppState } from '../state/store.js';
import { pause, setDay } from '../state/time.js';
import { renderCompare } from '../ui/compare.js';
import { renderDetails } from '../ui/details.js';
import { byId, h, replace } from '../ui/dom.js';
import { renderEvent, renderEventLoading } from '../ui/event-panel.js';
import { renderOverview } from '../ui/overview.js';
import type { ChainController } from './chain.js';
import type { ExplorerContext } from './context.js';

export interface PanelSources {
  readonly chain: ChainController;
  /** The comparison drawn in compare mode, else null. */
  comparison(): Comparison | null;
  /** Events in list order under the filters (Previous/Next in the event panel). */
  events(): readonly AtlasEvent[];
}

export class PanelController {
  private readonly details = new Map<string, PersonDetails>();
  private readonly eventDetails = new Map<string, EventDetails>();
  private detailsRequest: AbortController | null = null;
  private overviewTimer: number | undefined;
  private eventPageOffset = 0;
  private eventKind: string | null = null;
  /** Set when Enter in the mirror selected someone: their panel takes focus once it is drawn. */
  private focusOnLoad = false;

  constructor(
    private readonly app: ExplorerContext,
    private readonly from: PanelSources,
  ) {}

  /** The next person panel drawn takes the keyboard focus. */
  focusNextPerson(): void {
    this.focusOnLoad = true;
  }

  render(s: AppState): void {
    const panel = byId('panel');
    const id = s.selection.personId;
    if (s.selection.mode === 'chain' && s.chain !== null) {
      replace(panel, this.from.chain.panel(s.chain));
      return;
    }
    const comparison = this.from.comparison();
    if (s.selection.mode === 'compare' && s.compareDay !== null && comparison !== null) {
      replace(
        panel,
        renderCompare(comparison, s.compareDay, s.time.day, this.app.names, {
          onBefore: (iso) => {
            if (/^\d{4}-\d{2}$/.test(iso)) this.app.update((x) => ({ ...x, compareDay: dayOf(iso) }));
          },
          onPick: (pid) => this.app.pick(pid),
          onExit: () => this.app.setMode('network'),
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
      this.overviewTimer = window.setTimeout(() => this.showOverview(), panel.firstElementChild?.id === 'overview' ? 150 : 0);
      return;
    }
    void this.showPerson(id);
  }

  private showOverview(): void {
    const { timeline } = this.app;
    const now = this.app.store.get();
    if (now.selection.personId !== null || now.selection.eventId !== null || now.selection.mode !== 'network') return;
    const listed = sortedEvents(timeline.events, now.filters.hiddenEventKinds, this.eventKind);
    replace(
      byId('panel'),
      renderOverview(timeline, this.app.currentFrame(), {
        page: pageAround(listed, now.time.day, this.eventPageOffset),
        kinds: [...new Set(timeline.events.map((e) => e.kind))].sort(),
        kind: this.eventKind,
        onEvent: (eventId) => this.app.openEvent(eventId),
        onPage: (delta) => {
          this.eventPageOffset += delta;
          this.render(this.app.store.get());
        },
        onKind: (kind) => {
          this.eventKind = kind;
          this.eventPageOffset = 0;
          this.render(this.app.store.get());
        },
        onPick: (pid) => this.app.pick(pid),
      }),
    );
  }

  private async showPerson(id: string): Promise<void> {
    const { names, timeline } = this.app;
    const panel = byId('panel');
    // Kept per person and source families: the panel shows what the ticked families record.
    const families = this.app.store.get().filters.families;
    const key = panelKey(id, families);
    const cached = this.details.get(key);
    this.detailsRequest?.abort();
    if (cached === undefined) {
      replace(panel, h('p', { id: 'details-loading' }, `Loading ${names.get(id) ?? id}…`));
      this.detailsRequest = new AbortController();
      try {
        this.details.set(key, await fetchPerson(id, families, this.detailsRequest.signal));
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        replace(
          panel,
          h('p', { class: 'error', role: 'alert' }, `Could not load ${names.get(id) ?? id}: ${error instanceof Error ? error.message : String(error)}`),
        );
        return;
      }
    }
    const details = this.details.get(key);
    const now = this.app.store.get();
    if (details === undefined || now.selection.personId !== id || panelKey(id, now.filters.families) !== key) return;
    replace(
      panel,
      renderDetails(details, {
        sources: this.app.sources,
        allSources: timeline.sources,
        start: timeline.start,
        end: timeline.end,
        factionColours: this.app.colours,
        onPick: (pid) => this.app.pick(pid),
        onChain: () => this.app.setMode('chain'),
        onGoTo: (day) => this.app.update((x) => ({ ...x, time: setDay(pause(x.time), day) })),
        onEvent: (eventId) => this.app.openEvent(eventId),
      }),
    );
    if (this.focusOnLoad) document.getElementById('person-name')?.focus();
    this.focusOnLoad = false;
    this.centre(id);
  }

  private async showEvent(id: string): Promise<void> {
    const panel = byId('panel');
    const known = this.app.timeline.events.find((e) => e.id === id);
    const families = this.app.store.get().filters.families;
    const key = panelKey(id, families);
    this.detailsRequest?.abort();
    if (!this.eventDetails.has(key)) {
      replace(panel, renderEventLoading(known?.title ?? id));
      this.detailsRequest = new AbortController();
      try {
        this.eventDetails.set(key, await fetchEvent(id, families, this.detailsRequest.signal));
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        replace(panel, h('p', { class: 'error', role: 'alert' }, `Could not load the event: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
    }
    const details = this.eventDetails.get(key);
    const now = this.app.store.get();
    if (details === undefined || now.selection.eventId !== id || panelKey(id, now.filters.families) !== key) return;
    const events = this.from.events();
    const i = events.findIndex((e) => e.id === id);
    replace(
      panel,
      renderEvent(details, {
        sources: this.app.sources,
        allSources: this.app.timeline.sources,
        previous: i > 0 ? (events[i - 1] ?? null) : null,
        next: i >= 0 ? (events[i + 1] ?? null) : null,
        onEvent: (eventId) => this.app.openEvent(eventId),
        onPick: (pid) => this.app.pick(pid),
        onClose: () => this.app.openEvent(null),
      }),
    );
  }

  private centre(id: string): void {
    const node = this.app.cy.getElementById(`p:${id}`);
    if (node.nonempty() && node.visible()) this.app.cy.animate({ center: { eles: node }, duration: 300 });
  }
}
