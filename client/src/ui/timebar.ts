/** The time controls: slider, play/pause, speed and jumps to the previous and next event. */
import { isoOf, monthLabel, yearOf } from '../state/dates.js';
import { SPEEDS, sliderMax, sliderValue, type TimeState } from '../state/time.js';
import { h, replace } from './dom.js';
import type { AtlasEvent } from '../timeline-types.js';

export interface TimebarHandlers {
  readonly onSlide: (value: number) => void;
  readonly onPlay: () => void;
  readonly onSpeed: (speed: number) => void;
  readonly onJump: (dir: 1 | -1) => void;
  readonly onStep: (months: number) => void;
}

export class Timebar {
  private readonly slider: HTMLInputElement;
  private readonly label: HTMLTimeElement;
  private readonly playButton: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  readonly perf: HTMLSpanElement;
  private readonly prevButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;

  constructor(root: HTMLElement, time: TimeState, handlers: TimebarHandlers) {
    this.slider = h('input', {
      type: 'range',
      id: 'time-slider',
      min: 0,
      max: sliderMax(time),
      step: 1,
      'aria-label': 'Date',
      onInput: () => handlers.onSlide(Number(this.slider.value)),
    });
    this.label = h('time', { class: 'date', id: 'date-label' });
    this.playButton = h('button', { id: 'play', 'aria-label': 'Play', onClick: () => handlers.onPlay() }, '▶ Play');
    this.speed = h(
      'select',
      { id: 'speed', 'aria-label': 'Playback speed', onChange: () => handlers.onSpeed(Number(this.speed.value)) },
      ...SPEEDS.map((s) => h('option', { value: s, selected: s === time.speed }, `${s} months/s`)),
    );
    this.perf = h('span', { class: 'perf', id: 'perf' });
    this.prevButton = h('button', { id: 'prev-event', class: 'jump', onClick: () => handlers.onJump(-1) }, '« Previous event');
    this.nextButton = h('button', { id: 'next-event', class: 'jump', onClick: () => handlers.onJump(1) }, 'Next event »');
    replace(
      root,
      this.prevButton,
      this.playButton,
      this.nextButton,
      this.speed,
      h('span', { class: 'ticks' }, String(yearOf(time.start))),
      this.slider,
      h('span', { class: 'ticks' }, String(yearOf(time.end))),
      this.label,
      this.perf,
    );
    // Arrow keys on the slider move by a month natively; [ and ] step anywhere on the page.
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('input[type=text], input[type=search], textarea, select')) return;
      if (e.key === '[') handlers.onStep(-1);
      else if (e.key === ']') handlers.onStep(1);
      else if (e.key === 'PageUp' && target !== this.slider) handlers.onJump(-1);
      else if (e.key === 'PageDown' && target !== this.slider) handlers.onJump(1);
      else return;
      e.preventDefault();
    });
  }

  /** Each jump button names the event it moves to (and opens). */
  setJumps(previous: AtlasEvent | null, next: AtlasEvent | null): void {
    const label = (button: HTMLButtonElement, e: AtlasEvent | null, dir: string, key: string): void => {
      const text = e === null ? `No ${dir.toLowerCase()} event` : `${dir === 'Previous' ? '« ' : ''}${e.date.iso} ${e.title}${dir === 'Next' ? ' »' : ''}`;
      if (button.textContent !== text) button.textContent = text;
      button.title = e === null ? `No ${dir.toLowerCase()} event under the current filters` : `${dir} event (${key}): ${e.date.iso} ${e.title}`;
      button.setAttribute('aria-label', e === null ? text : `${dir} event: ${e.date.iso} ${e.title}`);
      button.disabled = e === null;
    };
    label(this.prevButton, previous, 'Previous', 'Page Up');
    label(this.nextButton, next, 'Next', 'Page Down');
  }

  render(time: TimeState): void {
    const value = String(sliderValue(time));
    if (this.slider.value !== value) this.slider.value = value;
    const label = monthLabel(time.day);
    this.label.textContent = label;
    this.label.dateTime = isoOf(time.day);
    this.slider.setAttribute('aria-valuetext', label);
    this.playButton.textContent = time.playing ? '⏸ Pause' : '▶ Play';
    this.playButton.setAttribute('aria-label', time.playing ? 'Pause' : 'Play');
    this.playButton.setAttribute('aria-pressed', String(time.playing));
    if (this.speed.value !== String(time.speed)) this.speed.value = String(time.speed);
  }
}
