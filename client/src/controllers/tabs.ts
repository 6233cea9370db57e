/**
 * The analysis tabs (chart, survival, table, console): one Tab stop, arrow keys between tabs
 * (the ARIA tabs pattern).
 */
import { byId } from '../ui/dom.js';

export interface TabHandlers {
  /** The console opened or closed: the bottom grew or shrank, so the map's box changed. */
  readonly onConsoleToggled: () => void;
  /** The table tab was chosen: draw the table now. */
  readonly onTable: () => void;
}

export function mountTabs(on: TabHandlers): void {
  const tabs = [byId('tab-chart'), byId('tab-survival'), byId('tab-table'), byId('tab-console')];
  const choose = (tab: HTMLElement): void => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      byId(t.getAttribute('aria-controls') ?? '').hidden = !selected;
    }
    // The console wants room for its drawing: the bottom grows and the map gives way.
    const wasOpen = document.body.classList.contains('console-open');
    document.body.classList.toggle('console-open', tab.id === 'tab-console');
    if (wasOpen !== (tab.id === 'tab-console')) on.onConsoleToggled();
    if (tab.id === 'tab-table') on.onTable();
  };
  tabs.forEach((tab, i) => {
    tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
    tab.addEventListener('click', () => choose(tab));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      const next = tabs[(i + step + tabs.length) % tabs.length];
      if (next === undefined) return;
      choose(next);
      next.focus();
    });
  });
}
