import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, isoOf, monthLabel, monthsBetween, tryDayOf, yearOf } from '../../../client/src/state/dates.js';
import {
  fromSlider,
  initialTime,
  jumpTarget,
  jumpToEvent,
  pause,
  play,
  setDay,
  sliderMax,
  sliderValue,
  stepMonths,
  tick,
} from '../../../client/src/state/time.js';

describe('dates', () => {
  it('round-trips ISO days and partial forms', () => {
    expect(isoOf(dayOf('1956-08-30'))).toBe('1956-08-30');
    expect(isoOf(dayOf('1956'))).toBe('1956-01-01');
    expect(isoOf(dayOf('1956-08'))).toBe('1956-08-01');
    expect(yearOf(dayOf('1956-12-31'))).toBe(1956);
    expect(tryDayOf('August')).toBeNull();
    expect(isoOf(addMonths(dayOf('1956-12-15'), 1))).toBe('1957-01-01');
    expect(monthsBetween(dayOf('1945-01-01'), dayOf('1946-03-01'))).toBe(14);
    expect(monthLabel(dayOf('1956-08-30'))).toBe('August 1956');
  });
});

describe('time', () => {
  const t = initialTime(dayOf('1945-03-10'), dayOf('1960-12-31'));
  it('starts at the first month and clamps', () => {
    expect(isoOf(t.day)).toBe('1945-03-01');
    expect(isoOf(setDay(t, dayOf('1999')).day)).toBe('1960-12-31');
  });
  it('maps the slider to months', () => {
    expect(sliderMax(t)).toBe(189);
    const s = fromSlider(t, 12);
    expect(isoOf(s.day)).toBe('1946-03-01');
    expect(sliderValue(s)).toBe(12);
    expect(isoOf(stepMonths(s, -1).day)).toBe('1946-02-01');
  });
  it('plays, ticks and stops at the end', () => {
    const playing = play(t);
    expect(playing.playing).toBe(true);
    expect(isoOf(tick(playing).day)).toBe('1945-04-01');
    const nearEnd = play(setDay(t, dayOf('1960-11-01')));
    const last = tick(tick(nearEnd));
    expect(last.playing).toBe(false);
    expect(pause(playing).playing).toBe(false);
    expect(tick(t)).toBe(t);
    // Play at the end restarts from the beginning.
    expect(play(setDay(t, dayOf('1960-12-31'))).day).toBe(t.start);
  });
  it('jumps to the previous and next event', () => {
    const days = [dayOf('1950-06-25'), dayOf('1953-03-01'), dayOf('1956-08-30')];
    expect(jumpTarget(days, dayOf('1953-03-01'), 1)).toBe(days[2]);
    expect(jumpTarget(days, dayOf('1953-03-01'), -1)).toBe(days[0]);
    expect(jumpTarget(days, dayOf('1957'), 1)).toBeNull();
    expect(jumpTarget(days, dayOf('1940'), -1)).toBeNull();
    expect(isoOf(jumpToEvent(setDay(t, dayOf('1951')), days, 1).day)).toBe('1953-03-01');
  });
});
