/** The pure parts of the analysis fields: Kaplan–Meier, the survival subject rule, agreement. */
import { describe, expect, it } from 'vitest';
import { FALL_STATUSES } from '../../../core/vocabulary.js';
import { normalisedMutualInformation } from '../../../server/src/domain/agreement.js';
import { kaplanMeier, survivalSubject } from '../../../server/src/domain/survival.js';

const span = (earliest: string, latest: string) => ({ possible: { earliest, latest }, certain: null });
const change = (state: 'DEMOTED' | 'DEAD' | 'FLED_ABROAD' | 'REHABILITATED', earliest: string, latest = earliest) => ({ state, date: { earliest, latest } });

describe('survivalSubject', () => {
  it('counts a purge, an execution and a flight abroad as falls, not a natural death', () => {
    expect([...FALL_STATUSES].sort()).toEqual(['ARRESTED', 'DEMOTED', 'EXECUTED', 'EXPELLED', 'FLED_ABROAD', 'IMPRISONED', 'LABOUR_REFORM']);
  });

  it('ends at the first fall after entry, dated by its first possible day', () => {
    expect(
      survivalSubject(
        'p',
        [span('1945-01-01', '1970-12-31')],
        [change('DEMOTED', '1940-01-01'), change('FLED_ABROAD', '1956-01-01', '1956-12-31')],
        '1970-12-31',
      ),
    ).toEqual({ personId: 'p', entry: '1945-01-01', exit: '1956-01-01', fell: true });
  });

  it('censors at a natural death, the end of membership or the last attestation, whichever is first', () => {
    expect(survivalSubject('p', [span('1945-01-01', '1970-12-31')], [change('DEAD', '1960-05-01')], '1965-01-01')?.exit).toBe('1960-05-01');
    expect(survivalSubject('p', [span('1945-01-01', '1950-12-31')], [], '1965-01-01')).toEqual({
      personId: 'p',
      entry: '1945-01-01',
      exit: '1950-12-31',
      fell: false,
    });
    expect(survivalSubject('p', [span('1945-01-01', '1970-12-31')], [change('DEMOTED', '1967-01-01')], '1965-01-01')).toEqual({
      personId: 'p',
      entry: '1945-01-01',
      exit: '1965-01-01',
      fell: false,
    });
  });

  it('takes the earliest start over several memberships, and none when no membership is dated', () => {
    expect(survivalSubject('p', [span('1950-01-01', '1955-12-31'), span('1946-01-01', '1948-12-31')], [], null)).toEqual({
      personId: 'p',
      entry: '1946-01-01',
      exit: '1955-12-31',
      fell: false,
    });
    expect(survivalSubject('p', [{ possible: null, certain: null }], [], null)).toBeNull();
  });
});

describe('kaplanMeier', () => {
  const subjects = [
    { personId: 'a', entry: '1950-01-01', exit: '1952-01-01', fell: true },
    { personId: 'b', entry: '1950-01-01', exit: '1952-01-01', fell: false },
    { personId: 'c', entry: '1951-01-01', exit: '1953-01-01', fell: true },
    { personId: 'd', entry: '1950-01-01', exit: '1954-01-01', fell: false },
  ];

  it('keeps the censored of a day at risk that day, and multiplies the step survivals', () => {
    expect(kaplanMeier(subjects, null, null)).toEqual([
      { date: '1952-01-01', atRisk: 4, fallen: 1, censored: 1, survival: 0.75 },
      { date: '1953-01-01', atRisk: 2, fallen: 1, censored: 0, survival: 0.375 },
      { date: '1954-01-01', atRisk: 1, fallen: 0, censored: 1, survival: 0.375 },
    ]);
  });

  it('counts late entrants only from their entry', () => {
    const late = [...subjects, { personId: 'e', entry: '1952-06-01', exit: '1953-06-01', fell: false }];
    expect(kaplanMeier(late, null, null)[1]).toEqual({ date: '1953-01-01', atRisk: 3, fallen: 1, censored: 0, survival: 0.75 * (2 / 3) });
  });

  it('conditions on being at risk on `from` and stops at `to`', () => {
    expect(kaplanMeier(subjects, '1952-06-01', '1953-12-31')).toEqual([{ date: '1953-01-01', atRisk: 2, fallen: 1, censored: 0, survival: 0.5 }]);
  });
});

describe('normalisedMutualInformation', () => {
  it('is 1 for the same grouping under other names, 0 for independent ones', () => {
    expect(
      normalisedMutualInformation([
        ['1', 'red'],
        ['1', 'red'],
        ['2', 'blue'],
        ['2', 'blue'],
      ]),
    ).toBe(1);
    expect(
      normalisedMutualInformation([
        ['1', 'red'],
        ['1', 'blue'],
        ['2', 'red'],
        ['2', 'blue'],
      ]),
    ).toBe(0);
  });

  it('is in between for a partial match, and defined for the degenerate cases', () => {
    const partial = normalisedMutualInformation([
      ['1', 'red'],
      ['1', 'red'],
      ['1', 'blue'],
      ['2', 'blue'],
      ['2', 'blue'],
      ['2', 'blue'],
    ]);
    expect(partial).toBeGreaterThan(0.2);
    expect(partial).toBeLessThan(0.8);
    expect(normalisedMutualInformation([])).toBe(0);
    expect(
      normalisedMutualInformation([
        ['1', 'red'],
        ['1', 'red'],
      ]),
    ).toBe(1);
    expect(
      normalisedMutualInformation([
        ['1', 'red'],
        ['1', 'blue'],
      ]),
    ).toBe(0);
  });
});
