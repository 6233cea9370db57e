/** The compare panel: a second date, and who fell, fell silent, joined, rose or moved between the two. */
import type { Comparison } from '../state/compare.js';
import { isoOf, monthLabel } from '../state/dates.js';
import { h } from './dom.js';

export function renderCompare(
  comparison: Comparison,
  before: number,
  after: number,
  names: ReadonlyMap<string, string>,
  on: { readonly onBefore: (iso: string) => void; readonly onPick: (id: string) => void; readonly onExit: () => void },
): HTMLElement {
  const list = (id: string, title: string, ids: readonly string[]): HTMLElement =>
    h(
      'div',
      { id },
      h('h3', {}, `${title} (${ids.length})`),
      ids.length === 0
        ? h('p', {}, 'No one.')
        : h(
            'ul',
            {},
            ...[...ids]
              .sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b))
              .map((pid) => h('li', {}, h('button', { class: 'linkish', onClick: () => on.onPick(pid) }, names.get(pid) ?? pid))),
          ),
    );
  return h(
    'section',
    { id: 'compare-panel' },
    h('h2', { tabindex: -1 }, 'Compare two dates'),
    h(
      'label',
      {},
      'Compare with: ',
      h('input', {
        type: 'month',
        id: 'compare-before',
        value: isoOf(before).slice(0, 7),
        onChange: (e: Event) => on.onBefore((e.target as HTMLInputElement).value),
      }),
    ),
    h(
      'p',
      {},
      before <= after
        ? `From ${monthLabel(before)} to ${monthLabel(after)} (the slider). The network shows the slider's date: pale grey ghosts are people the sources no longer speak of, red ghosts people a filter hides.`
        : `From ${monthLabel(after)} (the slider) to ${monthLabel(before)}: the lists say what changed after the slider's date, which the network shows. People who only come on the scene later are listed, not drawn.`,
    ),
    list('compare-fell', 'Fell (purged, dead or fled)', comparison.fell),
    list('compare-unattested', 'No longer attested (the sources fall silent; not a fall)', comparison.unattested),
    list('compare-joined', 'Joined (first attested, or attested again)', comparison.joined),
    list('compare-rose', 'Rose (rehabilitated)', comparison.rose),
    list('compare-moved', 'Changed faction', comparison.moved),
    list('compare-vanished', 'Hidden by a filter at the later date', comparison.vanished),
    h('button', { id: 'compare-exit', onClick: () => on.onExit() }, 'Back to the network'),
  );
}
