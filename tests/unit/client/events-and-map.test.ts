/**
 * Events in list order and Previous/Next targets (state/events.ts), and the stable map's layout
 * (layout/*): deterministic, one seat per placement the frame can draw, no two seats overlapping,
 * and no one seated inside a box he is not a member of at the date (former members included).
 */
import { describe, expect, it } from 'vitest';
import { removeOverlaps, type Box } from '../../../client/src/layout/compact.js';
import { FACTION_PAD, NODE_SIZE } from '../../../client/src/layout/sizes.js';
import { buildUnionGraph, seatKey } from '../../../client/src/layout/union-graph.js';
import { layoutUnion, seatBox } from '../../../client/src/layout/union-layout.js';
import type { AtlasEvent, Timeline } from '../../../client/src/timeline-types.js';
import { pageAround, PAGE_SIZE, sortedEvents, stepEvent } from '../../../client/src/state/events.js';
import { boxOf, computeFrame, prepare, type PersonFrame } from '../../../client/src/state/frame.js';
import { NO_FILTERS } from '../../../client/src/state/filters.js';
import { dayOf } from '../../../core/partial-date.js';

import { timeline } from './fixtures/timeline.js';

function event(id: string, iso: string, kind = 'MEETING'): AtlasEvent {
  const day = dayOf(iso);
  return {
    id,
    kind,
    title: id,
    date: { iso, precision: 'DAY', approximate: false, earliest: day, latest: day },
    certainty: 'CERTAIN',
    summary: null,
    participants: [],
    links: [],
    citations: [],
  };
}

describe('events in list order', () => {
  const list = sortedEvents([event('c', '1956-08-31'), event('a', '1956-08-30'), event('b', '1956-08-30', 'REMOVAL'), event('d', '1958-03-01')]);

  it('sorts by date, then title, and filters by kind', () => {
    expect(list.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortedEvents(list, ['REMOVAL']).map((e) => e.id)).toEqual(['a', 'c', 'd']);
    expect(sortedEvents(list, [], 'REMOVAL').map((e) => e.id)).toEqual(['b']);
  });

  it("names the event Previous and Next move to, taking one day's events in turn from an open one", () => {
    expect(stepEvent(list, dayOf('1956-01-01'), 1)?.id).toBe('a');
    expect(stepEvent(list, dayOf('1957-01-01'), -1)?.id).toBe('c');
    expect(stepEvent(list, dayOf('1956-08-30'), 1, 'a')?.id).toBe('b');
    expect(stepEvent(list, dayOf('1956-08-30'), -1, 'b')?.id).toBe('a');
    expect(stepEvent(list, dayOf('1958-03-01'), 1, 'd')).toBeNull();
  });

  it('pages the whole list, never cutting it', () => {
    const many = sortedEvents(
      Array.from({ length: 130 }, (_, i) => event(`e${String(i).padStart(3, '0')}`, `19${String(30 + Math.floor(i / 4)).padStart(2, '0')}-01-0${(i % 4) + 1}`)),
    );
    const seen = new Set<string>();
    for (let offset = -5; offset < 10; offset += 1) for (const e of pageAround(many, dayOf('1935-01-01'), offset).events) seen.add(e.id);
    expect(seen.size).toBe(130);
    expect(pageAround(many, dayOf('1935-01-01'), 0).events).toHaveLength(PAGE_SIZE);
  });
});

describe('the stable map', () => {
  const graph = buildUnionGraph(timeline);
  const first = layoutUnion(graph);

  it('gives the same seats for the same data', () => {
    expect([...layoutUnion(buildUnionGraph(timeline)).seats]).toEqual([...first.seats]);
  });

  it('has a seat for every place a frame draws a person in, at every month', () => {
    const prepared = prepare(timeline, NO_FILTERS);
    for (let year = 1934; year <= 1969; year += 1) {
      for (const month of ['01', '07']) {
        const day = dayOf(`${year}-${month}-01`);
        if (day < timeline.start || day > timeline.end) continue;
        const frame = computeFrame(prepared, day);
        for (const p of frame.persons.values()) expect(first.seats.has(seatKey(p.id, p)), `${p.id} in ${p.parent} at ${year}-${month}`).toBe(true);
      }
    }
  });

  it("seats a former member beside his old faction's box, never inside any box, at every month", () => {
    // The box of a faction at a date, as the map fits it: around its members' seats and names,
    // plus the padding (graph/layout.ts fitBoxes); recomputed here as an independent oracle.
    // Yan'an members who stay, around whom Choe Chang-ik sat until he was expelled in 1956.
    const kim = timeline.persons.find((p) => p.id === 'kim-il-sung');
    const kimMember = timeline.memberships.find((m) => m.personId === 'kim-il-sung');
    const tie = timeline.ties[1];
    if (kim === undefined || kimMember === undefined || tie === undefined) throw new Error('the fixture has changed');
    const stayers = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => `stayer-${x}`);
    const data: Timeline = {
      ...timeline,
      persons: [...timeline.persons, ...stayers.map((id) => ({ ...kim, id, name: id, hangul: null }))],
      memberships: [...timeline.memberships, ...stayers.map((id) => ({ ...kimMember, id: `${id}/member/yanan/0`, personId: id, factionId: 'yanan' }))],
      ties: [
        ...timeline.ties,
        ...stayers.map((id, i) => ({ ...tie, id: `tie-${id}`, sourceId: id, targetId: i % 2 === 0 ? 'choe-chang-ik' : (stayers[i - 1] ?? id) })),
      ],
    };
    const seats = layoutUnion(buildUnionGraph(data)).seats;
    const labels = new Map(data.persons.map((p) => [p.id, p.name]));
    const prepared = prepare(data, NO_FILTERS);
    let formerBesideShownBox = 0;
    for (let year = 1934; year <= 1969; year += 1) {
      for (const month of ['01', '04', '07', '10']) {
        const day = dayOf(`${year}-${month}-01`);
        if (day < timeline.start || day > timeline.end) continue;
        const frame = computeFrame(prepared, day);
        const seatOf = (p: PersonFrame): { x: number; y: number } => seats.get(seatKey(p.id, p)) ?? { x: NaN, y: NaN };
        const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
        for (const p of frame.persons.values()) {
          const box = boxOf(p);
          if (box === null) continue;
          const { x, y } = seatOf(p);
          const room = seatBox(labels.get(p.id) ?? p.id);
          const e = boxes.get(box) ?? { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
          boxes.set(box, {
            x1: Math.min(e.x1, x - room.width / 2 - FACTION_PAD),
            x2: Math.max(e.x2, x + room.width / 2 + FACTION_PAD),
            y1: Math.min(e.y1, y - NODE_SIZE / 2 - FACTION_PAD),
            y2: Math.max(e.y2, y - NODE_SIZE / 2 + room.height + FACTION_PAD),
          });
        }
        for (const p of frame.persons.values()) {
          const { x, y } = seatOf(p);
          if (p.former && p.parent !== null && boxes.has(p.parent)) formerBesideShownBox += 1;
          for (const [faction, b] of boxes) {
            if (faction === boxOf(p)) continue;
            const inside = x + NODE_SIZE / 2 > b.x1 && x - NODE_SIZE / 2 < b.x2 && y + NODE_SIZE / 2 > b.y1 && y - NODE_SIZE / 2 < b.y2;
            expect(inside, `${p.id} (${p.former ? 'formerly ' : ''}${p.parent}) inside ${faction}'s box at ${year}-${month}`).toBe(false);
          }
        }
      }
    }
    // Someone was drawn beside a box still shown (Choe from 1956-09): the check above bites.
    expect(formerBesideShownBox).toBeGreaterThan(0);
  });

  it('leaves no two seats (with their labels) overlapping', () => {
    const boxes: Box[] = graph.seats.map((s) => {
      const seat = first.seats.get(s.key) ?? { x: 0, y: 0 };
      const b = seatBox(s.label);
      return { id: s.key, x: seat.x, y: seat.y + b.height / 2 - 11, w: b.width - 0.5, h: b.height - 0.5 };
    });
    expect(removeOverlaps(boxes, 0, 1)).toBe(0);
  });
});
