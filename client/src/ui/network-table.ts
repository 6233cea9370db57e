/** The network at the shown date as a table (a tab under the map); it follows the slider. */
import { tieText, type NetworkRow } from '../state/network-table.js';
import { h, replace } from './dom.js';
import { koreanSpan } from './lang.js';

export function renderNetworkTable(
  root: HTMLElement,
  rows: readonly NetworkRow[],
  dateLabel: string,
  tieCount: number,
  names: ReadonlyMap<string, string>,
  onPick: (personId: string) => void,
): void {
  const people = rows.length === 1 ? '1 person' : `${rows.length} people`;
  const ties = tieCount === 1 ? '1 tie' : `${tieCount} ties`;
  replace(
    root,
    rows.length === 0
      ? h('p', { id: 'network-table-empty' }, `No one is shown at ${dateLabel} under the current filters.`)
      : h(
          'table',
          { id: 'network-table', class: 'data-table' },
          h('caption', {}, `The network at ${dateLabel}: ${people}, ${ties} (as drawn, under the current filters)`),
          h('thead', {}, h('tr', {}, ...['Person', 'Hangul', 'Faction', 'Status', 'Ties at this date'].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            {},
            ...rows.map((r) =>
              h(
                'tr',
                { 'data-person': r.id },
                h('th', { scope: 'row' }, h('button', { class: 'linkish', onClick: () => onPick(r.id) }, r.name)),
                h('td', {}, koreanSpan(r.hangul, false, '')),
                h('td', {}, r.faction),
                h('td', {}, r.status),
                h('td', {}, r.ties.length === 0 ? 'none' : r.ties.map((t) => tieText(t, names)).join('; ')),
              ),
            ),
          ),
        ),
  );
}
