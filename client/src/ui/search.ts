/**
 * The search box: alias-aware search through the API, debounced, with a keyboard-navigable
 * list of matches (combobox pattern) showing which name form matched.
 */
import { search, type SearchHit } from '../api.js';
import { h, replace } from './dom.js';
import { koreanSpan, langOf } from './lang.js';

export function mountSearch(root: HTMLElement, onPick: (personId: string) => void, onError: (message: string) => void): void {
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    placeholder: 'Find a person: any name form, Hangul, Hanja…',
    'aria-label': 'Search people by any name form',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    autocomplete: 'off',
  });
  const list = h('ul', { id: 'search-results', role: 'listbox', hidden: true });
  replace(root, input, list);
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: number | undefined;
  let controller: AbortController | null = null;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = (hit: SearchHit): void => {
    input.value = hit.name;
    close();
    onPick(hit.id);
  };
  const render = (): void => {
    if (hits.length === 0) {
      replace(list, h('li', { role: 'option', 'aria-disabled': 'true' }, 'No one matches that name.'));
    } else {
      replace(
        list,
        ...hits.map((hit, i) =>
          h(
            'li',
            {
              role: 'option',
              id: `search-hit-${i}`,
              'aria-selected': String(i === active),
              'data-person': hit.id,
              onMousedown: (e: Event) => {
                e.preventDefault();
                pick(hit);
              },
            },
            hit.name,
            koreanSpan(hit.hangul, true, ''),
            koreanSpan(hit.hanja, true, ''),
            hit.matched !== hit.name ? h('div', { class: 'form' }, 'matched “', h('span', { lang: langOf(hit.matched) }, hit.matched), '”') : null,
          ),
        ),
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const run = async (text: string): Promise<void> => {
    controller?.abort();
    controller = new AbortController();
    try {
      hits = await search(text, controller.signal);
      active = hits.length > 0 ? 0 : -1;
      render();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      onError(`Search failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text === '') {
      close();
      return;
    }
    timer = window.setTimeout(() => void run(text), 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length > 0) active = (active + 1) % hits.length;
    else if (e.key === 'ArrowUp' && hits.length > 0) active = (active - 1 + hits.length) % hits.length;
    else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit !== undefined && !list.hidden) pick(hit);
      else if (input.value.trim() !== '') void run(input.value.trim());
      e.preventDefault();
      return;
    } else if (e.key === 'Escape') {
      close();
      return;
    } else return;
    e.preventDefault();
    render();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
