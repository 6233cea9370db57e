/**
 * Events in list order and Previous/Next targets (state/events.ts), and the stable map's layout
 * (layout/*): deterministic, one seat per placement the frame can draw, no two seats overlapping.
 */
import { describe, expect, it } from 'vitest';
import { removeOverlaps, type Box } from '../../../client/src/layout/compact.js';
import { buildUnionGraph, seatKey } from '../../../client/src/layout/union-graph.js';
import { layoutUnion, seatBox } from '../../../client/src/layout/union-layout.js';
import type { AtlasEvent } from '../../../client/src/timeline-types.js';
import { pageAround, PAGE_SIZE, sortedEvents, stepEvent } from '../../../client/src/state/events.js';
import { computeFrame, prepare } from '../../../client/src/state/frame.js';
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
        for (const p of frame.persons.values()) expect(first.seats.has(seatKey(p.id, p.parent)), `${p.id} in ${p.parent} at ${year}-${month}`).toBe(true);
      }
    }
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
