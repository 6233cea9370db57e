/**
 * The polite live region that says what changed at each step in time ("3 appeared, 2 fell").
 * A scrub is announced once it settles, counted from the last frame announced; a filter change
 * restarts the count silently (the filter control already says what it did).
 */
import type { Frame } from '../state/frame.js';
import { stepAnnouncement } from '../state/step-announcement.js';

const SETTLE_MS = 400;

export class StepAnnouncer {
  private announced: Frame | null = null;
  private latest: Frame | null = null;
  private timer: number | undefined;

  constructor(
    private readonly region: HTMLElement,
    private readonly names: ReadonlyMap<string, string>,
  ) {}

  /** The frame now shown; `restart` when it differs by filters rather than by time. */
  shown(frame: Frame, restart: boolean): void {
    this.latest = frame;
    if (restart || this.announced === null) {
      window.clearTimeout(this.timer);
      this.announced = frame;
      return;
    }
    if (frame.day === this.announced.day) return;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), SETTLE_MS);
  }

  /** A message that is not about a step (the arrow keys' "no tie that way"). */
  say(text: string): void {
    this.region.textContent = text;
  }

  private flush(): void {
    const before = this.announced;
    const after = this.latest;
    if (before === null || after === null || before.day === after.day) return;
    this.region.textContent = stepAnnouncement(before, after, this.names);
    this.announced = after;
  }
}
