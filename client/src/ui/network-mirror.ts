/**
 * A focusable mirror of the canvas: one button per person drawn, in faction then name order.
 * Tab walks the people, the arrow keys move to a tied neighbour that way on the map, Enter or
 * Space selects, Escape clears the selection. The list is visually hidden; the focused entry
 * shows as a card over the canvas and the node gets a ring (graph/focus.ts).
 */
import type { Frame } from '../state/frame.js';
import { directionOfKey, neighbourToward, type Point } from '../state/keyboard-nav.js';
import { mirrorLabel, type NetworkRow } from '../state/network-table.js';
import { h, replace } from './dom.js';

export interface MirrorHandlers {
  readonly onSelect: (personId: string) => void;
  readonly onClear: () => void;
  readonly onFocus: (personId: string | null) => void;
  readonly positions: (ids: Iterable<string>) => ReadonlyMap<string, Point>;
  readonly announce: (text: string) => void;
}

export class NetworkMirror {
  private frame: Frame | null = null;
  private names = new Map<string, string>();

  constructor(
    private readonly list: HTMLUListElement,
    private readonly handlers: MirrorHandlers,
  ) {
    list.addEventListener('keydown', (e) => this.key(e));
    list.addEventListener('focusin', (e) => handlers.onFocus(this.idOf(e.target)));
    list.addEventListener('focusout', (e) => {
      if (!list.contains(e.relatedTarget as Node | null)) handlers.onFocus(null);
    });
  }

  /** Redraws the entries, keeping focus on the same person when they are still shown. */
  render(frame: Frame, rows: readonly NetworkRow[], selected: string | null): void {
    const focused = this.idOf(document.activeElement);
    this.frame = frame;
    this.names = new Map(rows.map((r) => [r.id, r.name]));
    replace(
      this.list,
      ...rows.map((row) =>
        h(
          'li',
          {},
          h(
            'button',
            { 'data-person': row.id, 'aria-pressed': String(row.id === selected), onClick: () => this.handlers.onSelect(row.id) },
            mirrorLabel(row),
          ),
        ),
      ),
    );
    if (focused !== null && !this.focus(focused)) this.handlers.onFocus(null);
  }

  /** Moves focus to a person's entry; false when they are not shown. */
  focus(personId: string): boolean {
    const button = this.list.querySelector<HTMLButtonElement>(`button[data-person="${CSS.escape(personId)}"]`);
    button?.focus();
    return button !== null;
  }

  focusFirst(): boolean {
    const button = this.list.querySelector<HTMLButtonElement>('button');
    button?.focus();
    return button !== null;
  }

  private idOf(target: EventTarget | null): string | null {
    return target instanceof HTMLElement && this.list.contains(target) ? (target.dataset['person'] ?? null) : null;
  }

  private key(e: KeyboardEvent): void {
    const id = this.idOf(e.target);
    if (id === null || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.handlers.onClear();
      return;
    }
    const direction = directionOfKey(e.key);
    if (direction === null || this.frame === null) return;
    e.preventDefault();
    const next = neighbourToward(this.frame, id, direction, this.handlers.positions(this.frame.persons.keys()));
    if (next === null || !this.focus(next)) {
      this.handlers.announce(`${this.names.get(id) ?? id} has no tie ${direction === 'up' ? 'upwards' : direction === 'down' ? 'downwards' : `to the ${direction}`} on the map.`);
    }
  }
}
