/**
 * The keyboard and screen-reader path: the network mirror (people as buttons over the map) and
 * the network table follow the drawn frame once a scrub settles (its timer); a polite live
 * region says what each step changed; skip links; Escape closes a panel and returns focus.
 */
import { personPositions, showFocus } from '../graph/focus.js';
import type { Person } from '../timeline-types.js';
import { monthLabel } from '../state/dates.js';
import type { Frame } from '../state/frame.js';
import { networkRows } from '../state/network-table.js';
import { StepAnnouncer } from '../ui/announce.js';
import { byId } from '../ui/dom.js';
import { NetworkMirror } from '../ui/network-mirror.js';
import { renderNetworkTable } from '../ui/network-table.js';
import type { ExplorerContext } from './context.js';

export class MirrorController {
  private readonly mirror: NetworkMirror;
  private readonly announcer: StepAnnouncer;
  private readonly persons: ReadonlyMap<string, Person>;
  private mirrorTimer: number | undefined;

  /** `drawn` is the frame as drawn; `onSelected` runs when Enter in the mirror selected someone. */
  constructor(
    private readonly app: ExplorerContext,
    private readonly drawn: () => Frame,
    onSelected: () => void,
  ) {
    this.persons = new Map(app.timeline.persons.map((p) => [p.id, p]));
    this.announcer = new StepAnnouncer(byId('step-announce'), app.names);
    this.mirror = new NetworkMirror(byId('network-mirror'), byId('mirror-card'), {
      onSelect: (id) => {
        onSelected();
        app.pick(id);
      },
      onClear: () => this.clearSelection(),
      onFocus: (id) => showFocus(app.cy, id),
      positions: (ids) => personPositions(app.cy, ids),
      announce: (text) => this.announcer.say(text),
    });
  }

  /** Says what the step changed; `reset` when the whole view changed (filters, mode). */
  announce(frame: Frame, reset: boolean): void {
    this.announcer.shown(frame, reset);
  }

  /** The mirror and the table follow the frame once a scrub settles, off the hot path. */
  schedule(): void {
    window.clearTimeout(this.mirrorTimer);
    this.mirrorTimer = window.setTimeout(() => this.render(), 150);
  }

  render(): void {
    const drawn = this.drawn();
    const rows = networkRows(drawn, this.persons, this.app.timeline.factions);
    this.mirror.render(drawn, rows, this.app.store.get().selection.personId);
    const table = byId('table-panel');
    if (!table.hidden) renderNetworkTable(table, rows, monthLabel(drawn.day), drawn.ties.length, this.app.names, (id) => this.app.pick(id));
  }

  /** Escape: close the person or event panel; focus goes back to that person on the map. */
  clearSelection(): void {
    const s = this.app.store.get();
    const personId = s.selection.personId;
    if (s.selection.eventId !== null) this.app.openEvent(null);
    else if (personId !== null) this.app.pick(null);
    else return;
    if (personId !== null) {
      window.clearTimeout(this.mirrorTimer);
      this.render();
      this.mirror.focus(personId);
    }
  }

  /** Skip links land on the map's people (the selected one first) or in the details panel. */
  mountSkipLinks(): void {
    byId('skip-network').addEventListener('click', (e) => {
      e.preventDefault();
      const selected = this.app.store.get().selection.personId;
      if (selected === null || !this.mirror.focus(selected)) this.mirror.focusFirst();
    });
    byId('skip-panel').addEventListener('click', (e) => {
      e.preventDefault();
      byId('panel').focus();
    });
  }
}
