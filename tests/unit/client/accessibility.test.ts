/**
 * Pure pieces of the keyboard and screen-reader path (issue 11, item 8): what a step announces,
 * the rows of the network table and the mirror's order, the arrow keys' choice of neighbour, and
 * the chart as a table.
 */
import { describe, expect, it } from 'vitest';
import { chartSeries, chartTable } from '../../../client/src/state/chart-data.js';
import { dayOf } from '../../../client/src/state/dates.js';
import { NO_FILTERS } from '../../../client/src/state/filters.js';
import { computeFrame, prepare, type Frame, type PersonFrame, type TieFrame } from '../../../client/src/state/frame.js';
import { directionOfKey, neighbours, neighbourToward, type Point } from '../../../client/src/state/keyboard-nav.js';
import { mirrorLabel, networkRows, tieText } from '../../../client/src/state/network-table.js';
import { stepAnnouncement, stepChanges } from '../../../client/src/state/step-announcement.js';
import { timeline } from './fixtures/timeline.js';

const prepared = prepare(timeline, NO_FILTERS);
const frameAt = (iso: string): Frame => computeFrame(prepared, dayOf(iso));
const names = new Map(timeline.persons.map((p) => [p.id, p.name]));
const persons = new Map(timeline.persons.map((p) => [p.id, p]));

function person(id: string, parent: string | null, state: PersonFrame['state'] = 'ACTIVE'): PersonFrame {
  const group = state === 'ACTIVE' ? 'active' : state === 'EXECUTED' ? 'dead' : state === 'NOT_ATTESTED' ? 'unattested' : 'expelled';
  return { id, parent, former: false, membershipCertain: true, state, group, statusCertain: true, basis: 'EVENT', lastKnown: state };
}

function frame(day: number, people: PersonFrame[], ties: TieFrame[] = []): Frame {
  return { day, persons: new Map(people.map((p) => [p.id, p])), ties, hidden: 0 };
}

const tie = (id: string, source: string, target: string, directed = false): TieFrame => ({ id, kind: 'ALLIANCE', source, target, directed, certain: true });

describe('step announcements', () => {
  it('counts who appeared and who fell between two frames, naming a few', () => {
    const before = frame(dayOf('1950-01-01'), [person('a', 'f'), person('b', 'f'), person('c', 'f')]);
    const after = frame(dayOf('1950-02-01'), [
      person('a', 'f'),
      person('b', 'f', 'EXPELLED'),
      person('c', 'f', 'EXECUTED'),
      person('d', null),
      person('e', null),
      person('g', null),
    ]);
    const who = new Map([
      ['b', 'Bae'],
      ['c', 'Choe'],
      ['d', 'Dong'],
      ['e', 'Eun'],
      ['g', 'Gang'],
    ]);
    expect(stepChanges(before, after, who)).toBe('3 appeared (Dong, Eun, Gang), 2 fell (Bae, Choe)');
    expect(stepAnnouncement(before, after, who)).toBe('February 1950: 3 appeared (Dong, Eun, Gang), 2 fell (Bae, Choe).');
  });

  it('says "no change" for a quiet step, and since when for a settled scrub', () => {
    const a = frame(dayOf('1950-01-01'), [person('a', 'f')]);
    expect(stepAnnouncement(a, { ...a, day: dayOf('1950-02-01') }, names)).toBe('February 1950: no change.');
    expect(stepAnnouncement(a, { ...a, day: dayOf('1951-03-01') }, names)).toBe('March 1951, since January 1950: no change.');
  });

  it('names what happened between the months, in their order, when the step goes back', () => {
    const before = frame(dayOf('1958-03-01'), [person('b', 'f', 'EXPELLED'), person('d', null)]);
    const after = frame(dayOf('1956-08-01'), [person('b', 'f')]);
    const who = new Map([
      ['b', 'Bae'],
      ['d', 'Dong'],
    ]);
    // Not "1 rehabilitated (Bae), 1 hidden by the filters (Dong)": Bae fell and Dong appeared after August 1956.
    expect(stepAnnouncement(before, after, who)).toBe('August 1956, back from March 1958. Between them: 1 appeared (Dong), 1 fell (Bae).');
  });

  it('counts without names past three, and reads silence as silence, not a fall', () => {
    const many = ['p1', 'p2', 'p3', 'p4'].map((id) => person(id, null));
    const before = frame(dayOf('1950-01-01'), [person('s', 'f')]);
    const after = frame(dayOf('1950-02-01'), [...many, person('s', null, 'NOT_ATTESTED')]);
    expect(stepChanges(before, after, names)).toBe('4 appeared, 1 no longer attested (s)');
  });

  it('agrees with compare mode on the fixture: Pak Hon-yong falls between 1952 and 1954', () => {
    expect(stepChanges(frameAt('1952-06-01'), frameAt('1954-06-01'), names)).toContain('fell (Pak Hon-yong)');
  });
});

describe('the network table and the mirror order', () => {
  it('lists everyone the frame shows, by faction order then name, with their ties', () => {
    const f = frameAt('1952-06-01');
    const rows = networkRows(f, persons, timeline.factions);
    expect(rows.map((r) => r.id).sort()).toEqual([...f.persons.keys()].sort());
    const rank = (id: string | null): number => (id === null ? Infinity : timeline.factions.findIndex((x) => x.id === id));
    for (let i = 1; i < rows.length; i += 1) expect(rank(rows[i - 1]?.factionId ?? null)).toBeLessThanOrEqual(rank(rows[i]?.factionId ?? null));
    const pak = rows.find((r) => r.id === 'pak-hon-yong');
    expect(pak?.ties.map((t) => tieText(t, names)).sort()).toEqual(['alliance with Choe Chang-ik (uncertain)', 'denunciation ← Kim Il-sung']);
    const kim = rows.find((r) => r.id === 'kim-il-sung');
    expect(kim?.ties.map((t) => tieText(t, names))).toEqual(['denunciation → Pak Hon-yong']);
    expect(mirrorLabel(kim ?? rows[0]!)).toMatch(/^Kim Il-sung, .+, active, 1 tie$/);
  });

  it('marks an uncertain status with a question mark and a former faction as former', () => {
    const rows = networkRows(frame(0, [{ ...person('x', 'yanan'), former: true, statusCertain: false }]), persons, timeline.factions);
    expect(rows[0]).toMatchObject({ status: 'active?', faction: `formerly ${timeline.factions.find((f) => f.id === 'yanan')?.name}` });
  });
});

describe('arrow keys in the mirror', () => {
  const f = frame(
    0,
    ['o', 'r', 'l', 'u', 'd', 'far'].map((id) => person(id, null)),
    [tie('1', 'o', 'r'), tie('2', 'l', 'o'), tie('3', 'o', 'u', true), tie('4', 'd', 'o'), tie('5', 'o', 'far')],
  );
  const at: ReadonlyMap<string, Point> = new Map([
    ['o', { x: 0, y: 0 }],
    ['r', { x: 100, y: 10 }],
    ['l', { x: -80, y: -5 }],
    ['u', { x: 5, y: -60 }],
    ['d', { x: -10, y: 70 }],
    ['far', { x: 300, y: 0 }],
  ]);

  it('maps the four arrow keys and nothing else', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'].map(directionOfKey)).toEqual(['left', 'right', 'up', 'down', null]);
  });

  it("moves to the nearest tied neighbour in the arrow's direction, whichever way the tie points", () => {
    expect(neighbours(f, 'o').sort()).toEqual(['d', 'far', 'l', 'r', 'u']);
    expect(neighbourToward(f, 'o', 'right', at)).toBe('r');
    expect(neighbourToward(f, 'o', 'left', at)).toBe('l');
    expect(neighbourToward(f, 'o', 'up', at)).toBe('u');
    expect(neighbourToward(f, 'o', 'down', at)).toBe('d');
  });

  it('goes nowhere when no tie lies that way, and never to someone untied', () => {
    expect(neighbourToward(f, 'r', 'right', at)).toBeNull();
    expect(neighbourToward(f, 'r', 'left', at)).toBe('o');
    expect(
      neighbourToward(
        frame(0, [person('a', null), person('b', null)]),
        'a',
        'right',
        new Map([
          ['a', { x: 0, y: 0 }],
          ['b', { x: 10, y: 0 }],
        ]),
      ),
    ).toBeNull();
  });
});

describe('the chart as a table', () => {
  it('has a row per year with each faction as known–possible and the purges, as the chart draws them', () => {
    const series = chartSeries(timeline, prepared);
    const table = chartTable(series);
    expect(table.headers[0]).toBe('Year');
    expect(table.headers.at(-1)).toBe('People purged');
    expect(table.rows.map((r) => r.year)).toEqual(series.years);
    series.years.forEach((_year, yi) => {
      const row = table.rows[yi];
      expect(row?.cells.at(-1)).toBe(String(series.purges[yi]));
      series.members.forEach((m, fi) => {
        const known = m.known[yi] ?? 0;
        const possible = m.possible[yi] ?? 0;
        expect(row?.cells[fi + 1]).toBe(possible > known ? `${known}–${possible}` : String(known));
      });
    });
    expect(table.rows.some((r) => r.cells.slice(1, -1).some((c) => c.includes('–')))).toBe(true);
  });
});
