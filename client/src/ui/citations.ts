/** Citations and bibliographies, rendered the same way in every panel. */
import type { Citation, Source } from '../timeline-types.js';
import { bibliography, formatSource } from '../state/visible-subgraph.js';
import { h } from './dom.js';

export function citationList(citations: readonly Citation[], sources: ReadonlyMap<string, Source>): HTMLElement | null {
  if (citations.length === 0) return null;
  return h(
    'ul',
    { class: 'cite' },
    ...citations.map((c) => {
      const s = sources.get(c.sourceId);
      const who = s === undefined ? c.sourceId : `${s.author ?? s.title}${s.year === null ? '' : ` ${s.year}`}`;
      return h('li', {}, `${who}, ${c.locator}`, c.note === null ? null : h('span', {}, ` — ${c.note}`));
    }),
  );
}

export function bibliographyList(citations: readonly Citation[], sources: readonly Source[]): HTMLElement {
  const entries = bibliography(sources, citations);
  if (entries.length === 0) return h('p', {}, 'No sources.');
  return h(
    'ol',
    { class: 'bibliography' },
    ...entries.map((e) => h('li', {}, formatSource(e.source), e.locators.length > 0 ? h('div', { class: 'cite' }, `at: ${e.locators.join('; ')}`) : null)),
  );
}
