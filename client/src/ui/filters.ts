/** The filter panel: factions, tie kinds, event kinds, certainty, sources, source families and the dead. */
import { TIE_LOOK } from '../graph/style.js';
import { SOURCE_FAMILIES, TIE_KINDS, type Certainty, type SourceFamily, type Timeline, type TieKind } from '../timeline-types.js';
import { SOURCE_FAMILY_LABEL } from './families.js';
import { hidesNoFaction, type Filters } from '../state/filters.js';
import { h, replace } from './dom.js';

export interface FilterHandlers {
  readonly onFaction: (id: string) => void;
  readonly onOnlyFaction: (id: string) => void;
  readonly onNoFaction: () => void;
  readonly onTieKind: (kind: TieKind) => void;
  readonly onEventKind: (kind: string) => void;
  readonly onMinCertainty: (c: Certainty) => void;
  readonly onSource: (id: string) => void;
  readonly onFamily: (family: SourceFamily) => void;
  readonly onHideGone: (hide: boolean) => void;
  readonly onReset: () => void;
}

const label = (text: string): string => text.charAt(0) + text.slice(1).toLowerCase().replace(/_/g, ' ');

export function renderFilters(root: HTMLElement, timeline: Timeline, f: Filters, on: FilterHandlers): void {
  // Re-rendering replaces the checkboxes; keep keyboard focus on the one just toggled.
  const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.id : '';
  const box = (id: string, text: string, checked: boolean, change: () => void): HTMLElement =>
    h('label', {}, h('input', { type: 'checkbox', id, checked, onChange: change }), ` ${text}`);
  const eventKinds = [...new Set(timeline.events.map((e) => e.kind))].sort();
  const cited = new Set(timeline.events.flatMap((e) => e.citations.map((c) => c.sourceId)));
  for (const m of timeline.memberships) for (const c of m.citations) cited.add(c.sourceId);
  for (const t of timeline.ties) for (const c of t.citations) cited.add(c.sourceId);
  const sources = timeline.sources.filter((s) => cited.has(s.id));
  // Families of the cited sources, in the vocabulary's order (a family nothing cites would empty the view).
  const families = SOURCE_FAMILIES.filter((family) => sources.some((s) => s.family === family));
  replace(
    root,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Certainty'),
      box('filter-hide-possible', 'Hide possible facts', f.minCertainty !== 'POSSIBLE', () =>
        on.onMinCertainty(f.minCertainty === 'POSSIBLE' ? 'PROBABLE' : 'POSSIBLE'),
      ),
      box('filter-only-certain', 'Only certain facts', f.minCertainty === 'CERTAIN', () =>
        on.onMinCertainty(f.minCertainty === 'CERTAIN' ? 'PROBABLE' : 'CERTAIN'),
      ),
      box('filter-hide-gone', 'Hide the dead and those abroad', f.hideGone, () => on.onHideGone(!f.hideGone)),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Factions'),
      ...timeline.factions.map((x) =>
        h(
          'div',
          { class: 'faction-filter' },
          box(`filter-faction-${x.id}`, x.name, !f.hiddenFactions.includes(x.id), () => on.onFaction(x.id)),
          ' ',
          h('button', { id: `filter-only-${x.id}`, class: 'linkish', 'aria-label': `Only ${x.name}`, onClick: () => on.onOnlyFaction(x.id) }, 'only'),
        ),
      ),
      box('filter-no-faction', 'No faction at the date', !hidesNoFaction(f), () => on.onNoFaction()),
      // Say why the box changed by itself, so hiding a faction never silently hides others.
      f.noFaction === 'follow'
        ? h('p', { class: 'hint', id: 'filter-no-faction-hint' }, 'Shown while every faction is shown, hidden once any is hidden, until you tick or untick it.')
        : null,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Tie kinds'),
      ...TIE_KINDS.map((k) => box(`filter-tie-${k}`, TIE_LOOK[k].label, !f.hiddenTieKinds.includes(k), () => on.onTieKind(k))),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Event kinds'),
      ...eventKinds.map((k) => box(`filter-event-${k}`, label(k), !f.hiddenEventKinds.includes(k), () => on.onEventKind(k))),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Sources (none ticked: all)'),
      ...sources.map((s) =>
        box(`filter-source-${s.id}`, `${s.author ?? s.title}${s.year === null ? '' : ` ${s.year}`}`, f.sources.includes(s.id), () => on.onSource(s.id)),
      ),
    ),
    h(
      'fieldset',
      { id: 'filter-families' },
      h('legend', {}, 'Source families (none ticked: all)'),
      ...families.map((family) => box(`filter-family-${family}`, SOURCE_FAMILY_LABEL[family], f.families.includes(family), () => on.onFamily(family))),
    ),
    h('button', { id: 'filter-reset', onClick: () => on.onReset() }, 'Reset filters'),
  );
  if (focused !== '') document.getElementById(focused)?.focus();
}
