/** Wires the filter panel's controls to state updates. */
import type { ExplorerContext } from './controllers/context.js';
import {
  onlyFaction,
  setHideGone,
  setMinCertainty,
  toggleEventKind,
  toggleFaction,
  toggleFamily,
  toggleNoFaction,
  toggleSource,
  toggleTieKind,
  type Filters,
} from './state/filters.js';
import { byId } from './ui/dom.js';
import { renderFilters } from './ui/filters.js';

export function renderFilterPanel(app: ExplorerContext, filters: Filters): void {
  const set = (change: (f: Filters) => Filters): void => app.update((s) => ({ ...s, filters: change(s.filters) }));
  renderFilters(byId('filters'), app.timeline, filters, {
    onFaction: (id) => set((f) => toggleFaction(f, id)),
    onOnlyFaction: (id) =>
      set((f) =>
        onlyFaction(
          f,
          id,
          app.timeline.factions.map((x) => x.id),
        ),
      ),
    onNoFaction: () => set((f) => toggleNoFaction(f)),
    onTieKind: (k) => set((f) => toggleTieKind(f, k)),
    onEventKind: (k) => set((f) => toggleEventKind(f, k)),
    onMinCertainty: (c) => set((f) => setMinCertainty(f, c)),
    onSource: (id) => set((f) => toggleSource(f, id)),
    onFamily: (family) => set((f) => toggleFamily(f, family)),
    onHideGone: (hide) => set((f) => setHideGone(f, hide)),
    onReset: () => app.resetFilters(),
  });
}
