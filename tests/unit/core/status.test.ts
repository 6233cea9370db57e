import { describe, expect, it } from 'vitest';
import { affectsStatus, statusAt, statusChanges, type Evidence, type TargetEvent } from '../../../core/status.js';
import { fadeEnd } from '../../../core/attestation.js';
import { at, d } from './support.js';

const ev = (eventId: string, kind: string, date: string, certainty: TargetEvent<string>['certainty'] = 'CERTAIN') => ({
  eventId,
  kind,
  date: d(date),
  certainty,
});
const evidence = (first: string, last: string): Evidence<string> => ({ first: d(first), last: d(last), fadesAfter: fadeEnd(d(last)) });
/** Attested throughout the dates these cases ask about. */
const always = evidence('1900', '1999');

describe('status changes', () => {
  const changes = statusChanges([ev('x', 'EXPULSION', '1956-08-31'), ev('r', 'REHABILITATION', '1956-09-22'), ev('m', 'MEETING', '1956-08-30')], null);

  it('ignores events that do not change status and orders by date', () => {
    expect(changes.map((c) => c.state)).toEqual(['EXPELLED', 'REHABILITATED']);
  });
  it('is ACTIVE before any change, certainly while attested, and says it is inferred', () => {
    expect(statusAt(changes, always, at('1956-08-01'))).toMatchObject({
      state: 'ACTIVE',
      certain: true,
      otherwise: null,
      basis: 'NO_CHANGE_RECORDED',
      inferred: true,
    });
  });
  it('is certain after a certain, dated event, read from that event', () => {
    expect(statusAt(changes, always, at('1956-09-01'))).toMatchObject({ state: 'EXPELLED', certain: true, basis: 'EVENT', inferred: false });
  });
  it('is only possible when the date argument straddles the event', () => {
    expect(statusAt(changes, always, at('1956-08'))).toMatchObject({ state: 'EXPELLED', certain: false, otherwise: 'ACTIVE' });
  });
  it('is only possible when the event itself is uncertain', () => {
    const uncertain = statusChanges([ev('a', 'ARREST', '1953-03', 'PROBABLE')], null);
    expect(statusAt(uncertain, always, at('1954'))).toMatchObject({ state: 'ARRESTED', certain: false, otherwise: 'ACTIVE' });
  });
  it('keeps the dead dead: a posthumous rehabilitation does not revive, and silence does not hide it', () => {
    const dead = statusChanges([ev('e', 'EXECUTION', '1955-12'), ev('r', 'REHABILITATION', '1990')], null);
    expect(statusAt(dead, evidence('1945', '1955-12'), at('1995'))).toMatchObject({ state: 'EXECUTED', certain: true });
  });
  it('uses the death date when no death event records it, with its certainty', () => {
    const fromDate = statusChanges([ev('a', 'ARREST', '1953')], d('~1956'), 'POSSIBLE');
    expect(fromDate.map((c) => c.state)).toEqual(['ARRESTED', 'DEAD']);
    expect(statusAt(fromDate, always, at('1960'))).toMatchObject({ state: 'DEAD', certain: false, otherwise: 'ARRESTED' });
    expect(statusChanges([ev('s', 'SUICIDE', '1956-09')], d('1956-09')).map((c) => c.state)).toEqual(['DEAD']);
  });
  it('keeps a certain death date that only a possible or differently dated death event might record', () => {
    const possibleExecution = statusChanges([ev('x', 'EXECUTION', '1956', 'POSSIBLE')], d('1958-03'));
    expect(possibleExecution.map((c) => c.state)).toEqual(['EXECUTED', 'DEAD']);
    expect(statusAt(possibleExecution, always, at('1959'))).toMatchObject({ state: 'EXECUTED', certain: false, otherwise: 'DEAD' });
    expect(statusChanges([ev('s', 'SUICIDE', '1953-07-02')], d('1957')).map((c) => c.state)).toEqual(['DEAD', 'DEAD']);
    expect(statusChanges([ev('s', 'SUICIDE', '1957', 'PROBABLE')], d('1957-03'), 'PROBABLE').map((c) => c.state)).toEqual(['DEAD']);
  });
  it('plain participants of a flight fled too; of a meeting nothing changes', () => {
    expect(affectsStatus('PARTICIPANT', 'FLIGHT')).toBe(true);
    expect(affectsStatus('PARTICIPANT', 'EXPULSION')).toBe(false);
    expect(affectsStatus('TARGET', 'MEETING')).toBe(false);
    expect(affectsStatus('TARGET', 'LABOUR_REFORM')).toBe(true);
  });
});

describe('reversals', () => {
  it('a reversed rehabilitation gives way to the status it replaced, at the reversing event', () => {
    const rehab = { ...ev('r', 'REHABILITATION', '1956-09-22'), reversedBy: [{ eventId: 'speech', date: d('1958-01'), certainty: 'PROBABLE' as const }] };
    const changes = statusChanges([ev('x', 'EXPULSION', '1956-08-31'), rehab], null);
    expect(changes.map((c) => `${c.state}@${c.date.iso}`)).toEqual(['EXPELLED@1956-08-31', 'REHABILITATED@1956-09-22', 'EXPELLED@1958-01']);
    const seen = evidence('1942', '1958-03');
    expect(statusAt(changes, seen, at('1957'))).toMatchObject({ state: 'REHABILITATED', certain: true });
    expect(statusAt(changes, seen, at('1958-02-15'))).toMatchObject({
      state: 'EXPELLED',
      certain: false,
      otherwise: 'REHABILITATED',
      change: { eventId: 'speech' },
    });
  });
});

describe('reversals by an event that sets a status itself', () => {
  it('a rehabilitation reversing a removal is just the rehabilitation', () => {
    const removal = { ...ev('x', 'REMOVAL', '1956-08-31'), reversedBy: [{ eventId: 'r', date: d('1956-09-22'), certainty: 'CERTAIN' as const }] };
    const changes = statusChanges([removal, ev('r', 'REHABILITATION', '1956-09-22')], null);
    expect(changes.map((c) => c.state)).toEqual(['DEMOTED', 'REHABILITATED']);
  });
});

describe('status follows evidence', () => {
  const rehabilitated = statusChanges([ev('x', 'EXPULSION', '1956-08-31'), ev('r', 'REHABILITATION', '1956-09-22')], null);
  const seen = evidence('1942-07', '1958-03');
  it.each([
    ['1936', 'NOT_ATTESTED', true, 'BEFORE_FIRST_ATTESTATION'],
    ['1942-07-15', 'ACTIVE', false, 'NO_CHANGE_RECORDED'],
    ['1950', 'ACTIVE', true, 'NO_CHANGE_RECORDED'],
    ['1957', 'REHABILITATED', true, 'EVENT'],
    ['1958-06', 'REHABILITATED', false, 'CARRIED_PAST_LAST_ATTESTATION'],
    ['1960-03', 'REHABILITATED', false, 'CARRIED_PAST_LAST_ATTESTATION'],
    ['1960-03-31', 'REHABILITATED', false, 'CARRIED_PAST_LAST_ATTESTATION'],
    ['1960-04', 'NOT_ATTESTED', true, 'AFTER_LAST_ATTESTATION'],
    ['1965', 'NOT_ATTESTED', true, 'AFTER_LAST_ATTESTATION'],
  ] as const)('at %s: %s (certain %s, %s)', (date, state, certain, basis) => {
    expect(statusAt(rehabilitated, seen, at(date))).toMatchObject({ state, certain, basis });
  });
  it('says what was known last when it is no longer attested', () => {
    expect(statusAt(rehabilitated, seen, at('1965'))).toMatchObject({ state: 'NOT_ATTESTED', lastKnown: 'REHABILITATED' });
  });
  it('never carries ACTIVE or REHABILITATED as certain past the last attested fact', () => {
    for (const year of ['1958-04', '1959', '1962', '1970']) {
      const status = statusAt(rehabilitated, seen, at(year));
      expect(['ACTIVE', 'REHABILITATED'].includes(status.state) && status.certain, year).toBe(false);
    }
  });
  it('keeps a possible death visible as the other reading of silence', () => {
    const maybeDead = statusChanges([ev('x', 'EXECUTION', '~1956', 'POSSIBLE')], null);
    expect(statusAt(maybeDead, evidence('1945', '1955'), at('1970'))).toMatchObject({ state: 'EXECUTED', certain: false, otherwise: 'NOT_ATTESTED' });
  });
  it('is NOT_ATTESTED at every date without any dated fact', () => {
    expect(statusAt([], null, at('1950'))).toMatchObject({ state: 'NOT_ATTESTED', basis: 'NO_DATED_FACT', inferred: true });
  });
});
