/**
 * The time bar: the slider, play/pause at a speed (its timer), month steps, and Previous/Next
 * event, which walk the events in list order under the event-kind filters.
 */
import type { AtlasEvent } from '../timeline-types.js';
import { sortedEvents, stepEvent } from '../state/events.js';
import type { Filters } from '../state/filters.js';
import type { AppState } from '../state/store.js';
import { fromSlider, pause, play, setSpeed, stepMonths, tick, type TimeState } from '../state/time.js';
import { byId } from '../ui/dom.js';
import { showMessage } from '../ui/status.js';
import { Timebar } from '../ui/timebar.js';
import type { ExplorerContext } from './context.js';

export class PlaybackController {
  private readonly timebar: Timebar;
  private playTimer: number | undefined;
  private listed: AtlasEvent[] = [];

  constructor(
    private readonly app: ExplorerContext,
    time: TimeState,
  ) {
    this.timebar = new Timebar(byId('timebar'), time, {
      onSlide: (v) => app.update((s) => ({ ...s, time: fromSlider(pause(s.time), v) })),
      onPlay: () => app.update((s) => ({ ...s, time: s.time.playing ? pause(s.time) : play(s.time) })),
      onSpeed: (speed) => app.update((s) => ({ ...s, time: setSpeed(s.time, speed) })),
      onJump: (dir) => this.jumpEvent(dir),
      onStep: (months) => app.update((s) => ({ ...s, time: stepMonths(pause(s.time), months) })),
    });
  }

  /** Events in list order under the event-kind filters: Previous/Next and the event panel use it. */
  get events(): readonly AtlasEvent[] {
    return this.listed;
  }

  setFilters(filters: Filters): void {
    this.listed = sortedEvents(this.app.timeline.events, filters.hiddenEventKinds);
  }

  /** The slider and the date alone: what a step in time must show at once. */
  renderTime(s: AppState): void {
    this.timebar.render(s.time);
  }

  /** Draws the bar for `s`; with `prev`, (re)starts or stops the play timer when asked to. */
  render(s: AppState, prev?: AppState): void {
    this.timebar.render(s.time);
    // The Previous/Next buttons say which event they move to.
    this.timebar.setJumps(stepEvent(this.listed, s.time.day, -1, s.selection.eventId), stepEvent(this.listed, s.time.day, 1, s.selection.eventId));
    if (prev !== undefined && (s.time.playing !== prev.time.playing || s.time.speed !== prev.time.speed)) this.schedulePlay(s);
  }

  private schedulePlay(s: AppState): void {
    window.clearInterval(this.playTimer);
    if (!s.time.playing) return;
    this.playTimer = window.setInterval(() => this.app.update((x) => ({ ...x, time: tick(x.time) })), 1000 / s.time.speed);
  }

  /** Previous/Next event: from the open event to its neighbour in the list, else from the date. */
  private jumpEvent(dir: 1 | -1): void {
    const s = this.app.store.get();
    const target = stepEvent(this.listed, s.time.day, dir, s.selection.eventId);
    if (target === null) {
      showMessage(dir === 1 ? 'No later event is recorded under the current filters.' : 'No earlier event is recorded under the current filters.');
      return;
    }
    this.app.openEvent(target.id);
    showMessage(`${dir === 1 ? 'Next' : 'Previous'} event: ${target.date.iso} ${target.title}`);
  }
}
