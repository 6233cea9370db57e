import { describe, expect, it } from 'vitest';
import { parsePartialDate, type PartialDate } from '../../../server/src/domain/partial-date.js';
import { affectsStatus, statusAt, statusChanges, type TargetEvent } from '../../../server/src/domain/status.js';
import { eventActivity, intervalActivity } from '../../../server/src/domain/intervals.js';

const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const at = (text: string) => ({ earliest: d(text).earliest, latest: d(text).latest });
const ev = (eventId: string, kind: string, date: string, certainty: TargetEvent['certainty'] = 'CERTAIN'): TargetEvent => ({ eventId, kind, date: d(date), certainty });

describe('intervals', () => {
  it('a day inside a dated interval is certain; a day in its vague edges only possible', () => {
    expect(intervalActivity(d('1950'), d('1956-08'), at('1953-05-01'))).toBe('CERTAIN');
    expect(intervalActivity(d('1950'), d('1956-08'), at('1956-08-15'))).toBe('POSSIBLE');
    expect(intervalActivity(d('1950'), d('1956-08'), at('1957'))).toBe('NO');
  });
  it('an interval without a start is never certain', () => {
    expect(intervalActivity(null, null, at('1956'))).toBe('POSSIBLE');
  });
  it('an event takes effect on its day', () => {
    expect(eventActivity(d('1956-08-30'), at('1956-08-30'))).toBe('CERTAIN');
    expect(eventActivity(d('1956-08-30'), at('1956-08'))).toBe('POSSIBLE');
    expect(eventActivity(d('1956-08-30'), at('1956-07'))).toBe('NO');
  });
});

describe('status', () => {
  const changes = statusChanges([ev('x', 'EXPULSION', '1956-08-31'), ev('r', 'REHABILITATION', '1956-09-22'), ev('m', 'MEETING', '1956-08-30')], null);

  it('ignores events that do not change status and orders by date', () => {
    expect(changes.map((c) => c.state)).toEqual(['EXPELLED', 'REHABILITATED']);
  });
  it('is ACTIVE before any change, certainly', () => {
    expect(statusAt(changes, at('1956-08-01'))).toMatchObject({ state: 'ACTIVE', certain: true, otherwise: null });
  });
  it('is certain after a certain, dated event', () => {
    expect(statusAt(changes, at('1956-09-01'))).toMatchObject({ state: 'EXPELLED', certain: true });
  });
  it('is only possible when the date argument straddles the event', () => {
    expect(statusAt(changes, at('1956-08'))).toMatchObject({ state: 'EXPELLED', certain: false, otherwise: 'ACTIVE' });
  });
  it('is only possible when the event itself is uncertain', () => {
    const uncertain = statusChanges([ev('a', 'ARREST', '1953-03', 'PROBABLE')], null);
    expect(statusAt(uncertain, at('1954'))).toMatchObject({ state: 'ARRESTED', certain: false, otherwise: 'ACTIVE' });
  });
  it('keeps the dead dead: a posthumous rehabilitation does not revive', () => {
    const dead = statusChanges([ev('e', 'EXECUTION', '1955-12'), ev('r', 'REHABILITATION', '1990')], null);
    expect(statusAt(dead, at('1995')).state).toBe('EXECUTED');
  });
  it('uses the death date when no death event records it, with its certainty', () => {
    const fromDate = statusChanges([ev('a', 'ARREST', '1953')], d('~1956'), 'POSSIBLE');
    expect(fromDate.map((c) => c.state)).toEqual(['ARRESTED', 'DEAD']);
    expect(statusAt(fromDate, at('1960'))).toMatchObject({ state: 'DEAD', certain: false, otherwise: 'ARRESTED' });
    const withEvent = statusChanges([ev('s', 'SUICIDE', '1956-09')], d('1956-09'));
    expect(withEvent.map((c) => c.state)).toEqual(['DEAD']);
  });
  it('keeps a certain death date that only a possible or differently dated death event might record', () => {
    const possibleExecution = statusChanges([ev('x', 'EXECUTION', '1956', 'POSSIBLE')], d('1958-03'));
    expect(possibleExecution.map((c) => c.state)).toEqual(['EXECUTED', 'DEAD']);
    expect(statusAt(possibleExecution, at('1959'))).toMatchObject({ state: 'EXECUTED', certain: false, otherwise: 'DEAD' });
    const otherDate = statusChanges([ev('s', 'SUICIDE', '1953-07-02')], d('1957'));
    expect(otherDate.map((c) => c.state)).toEqual(['DEAD', 'DEAD']);
    const recorded = statusChanges([ev('s', 'SUICIDE', '1957', 'PROBABLE')], d('1957-03'), 'PROBABLE');
    expect(recorded.map((c) => c.state)).toEqual(['DEAD']);
  });
  it('plain participants of a flight fled too; of a meeting nothing changes', () => {
    expect(affectsStatus('PARTICIPANT', 'FLIGHT')).toBe(true);
    expect(affectsStatus('PARTICIPANT', 'EXPULSION')).toBe(false);
    expect(affectsStatus('TARGET', 'MEETING')).toBe(false);
    expect(affectsStatus('TARGET', 'LABOUR_REFORM')).toBe(true);
  });
});
