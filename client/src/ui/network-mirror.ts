/**
 * A focusable mirror of the canvas: one button per person drawn, in faction then name order.
 * Tab walks the people, the arrow keys move to a tied neighbour that way on the map, Enter or
 * Space selects, Escape clears the selection. The list is visually hidden; the focused entry's
 * text shows as a card over the canvas and the node gets a ring (graph/focus.ts).
 */
import type { Frame } from '../state/frame.js';
import { directionOfKey, neighbourToward, type Point } from '../state/keyboard-nav.js';
import { mirrorLabel, type NetworkRow } from '../state/network-table.js';
import { h } from './dom.js';

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
  private entries = new Map<string, HTMLLIElement>();
  private order: string[] = [];

  constructor(
    private readonly list: HTMLUListElement,
    /** Shows the focused entry's text over the canvas (the list itself is visually hidden). */
    private readonly card: HTMLElement,
    private readonly handlers: MirrorHandlers,
  ) {
    list.addEventListener('keydown', (e) => this.key(e));
    list.addEventListener('focusin', (e) => {
      const id = this.idOf(e.target);
      this.showCard(id);
      handlers.onFocus(id);
    });
    list.addEventListener('focusout', (e) => {
      if (list.contains(e.relatedTarget as Node | null)) return;
      this.showCard(null);
      handlers.onFocus(null);
    });
  }

  private showCard(id: string | null): void {
    const button = id === null ? null : this.entries.get(id)?.firstElementChild;
    this.card.textContent = button?.textContent ?? '';
    this.card.hidden = button === null || button === undefined;
  }

  /**
   * Brings the entries up to date, keeping focus on the same person when they are still shown.
   * At thousands of people a rebuild per step would cost more than the step, so entries are kept
   * by person: only changed labels are rewritten, and the list is reordered only when who is
   * shown (or their order) changed.
   */
  render(frame: Frame, rows: readonly NetworkRow[], selected: string | null): void {
    const focused = this.idOf(document.activeElement);
    this.frame = frame;
    this.names = new Map(rows.map((r) => [r.id, r.name]));
    const next = new Map<string, HTMLLIElement>();
    let sameOrder = rows.length === this.order.length;
    rows.forEach((row, i) => {
      let li = this.entries.get(row.id);
      li ??= h('li', {}, h('button', { 'data-person': row.id, onClick: () => this.handlers.onSelect(row.id) }));
      const button = li.firstElementChild as HTMLButtonElement;
      const label = mirrorLabel(row);
      if (button.textContent !== label) button.textContent = label;
      const pressed = String(row.id === selected);
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
      next.set(row.id, li);
      if (this.order[i] !== row.id) sameOrder = false;
    });
    this.entries = next;
    this.order = rows.map((r) => r.id);
    if (!sameOrder) {
      this.list.replaceChildren(...next.values());
      if (focused !== null && !this.focus(focused)) this.handlers.onFocus(null);
    }
    this.showCard(focused);
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
      this.handlers.announce(
        `${this.names.get(id) ?? id} has no tie ${direction === 'up' ? 'upwards' : direction === 'down' ? 'downwards' : `to the ${direction}`} on the map.`,
      );
    }
  }
}
