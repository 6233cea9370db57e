/**
 * The frame diff (graph/data.ts FrameApplier) on a headless Cytoscape: whatever dates it was
 * stepped through, the graph it leaves is the one a fresh applier draws at the last date (who is
 * in the graph, with which classes and in which box); and a step in time is told apart from
 * every other change (state/store.ts isTimeStep), since only the map follows a step at once.
 */
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { FrameApplier, initialElements, NO_OVERLAY } from '../../../client/src/graph/data.js';
import { dayOf } from '../../../client/src/state/dates.js';
import { NO_FILTERS, toggleFaction } from '../../../client/src/state/filters.js';
import { computeFrame, prepare } from '../../../client/src/state/frame.js';
import { factionColours } from '../../../client/src/state/palette.js';
import { select } from '../../../client/src/state/selection.js';
import { initialState, isTimeStep } from '../../../client/src/state/store.js';
import { initialTime, pause, play, stepMonths } from '../../../client/src/state/time.js';
import { timeline } from './fixtures/timeline.js';

const colours = factionColours(timeline.factions);
const prepared = prepare(timeline, NO_FILTERS);
const frameAt = (iso: string) => computeFrame(prepared, dayOf(iso));

function graphAt(first: string): { cy: Core; applier: FrameApplier } {
  const cy = cytoscape({ headless: true, elements: initialElements(timeline, colours, frameAt(first)) });
  return { cy, applier: new FrameApplier(cy, colours) };
}

/** What a reader's graph holds: each element in it, with its classes and its box. */
function picture(cy: Core): Record<string, string> {
  const out: Record<string, string> = {};
  cy.elements().forEach((e) => {
    out[e.id()] = `${[...e.classes()].sort().join(' ')} | ${String(e.data('faction') ?? '')} | ${String(e.data('formerly') ?? '')}`;
  });
  return out;
}

describe('the frame diff', () => {
  const dates = ['1945-06-01', '1947-06-01', '1952-06-01', '1954-01-01', '1957-06-01', '1947-06-01', '1960-06-01', '1946-01-01'];

  it('leaves, after any walk through the dates, the graph a fresh start draws at the last one', () => {
    const walked = graphAt(dates[0] ?? '');
    for (const [i, iso] of dates.entries()) {
      walked.applier.apply(frameAt(iso), NO_OVERLAY);
      const fresh = graphAt(iso);
      fresh.applier.apply(frameAt(iso), NO_OVERLAY);
      expect(picture(walked.cy), `after step ${i} to ${iso}`).toEqual(picture(fresh.cy));
      // And that graph holds exactly the people and ties of the frame.
      const frame = frameAt(iso);
      expect(
        walked.cy
          .nodes('.person')
          .map((n) => n.id())
          .sort(),
      ).toEqual([...frame.persons.keys()].map((id) => `p:${id}`).sort());
      expect(
        walked.cy
          .edges('.tie')
          .map((e) => e.id())
          .sort(),
      ).toEqual(frame.ties.map((t) => `tie:${t.id}`).sort());
    }
  });

  it('takes people not drawn out of the graph, ties with them, and says who must take a seat', () => {
    const { cy, applier } = graphAt('1945-06-01');
    applier.apply(frameAt('1945-06-01'), NO_OVERLAY);
    expect(cy.getElementById('p:turncoat').empty()).toBe(true);
    const result = applier.apply(frameAt('1954-01-01'), NO_OVERLAY);
    expect(result.structural).toBe(true);
    expect(result.placed).toContain('turncoat');
    // Pak Hon-yong's membership ended in 1953: he moves out of the Southern box, beside it.
    expect(result.moved.has('pak-hon-yong')).toBe(true);
    expect(cy.getElementById('p:pak-hon-yong').data('faction')).toBeNull();
    expect(cy.getElementById('p:pak-hon-yong').data('formerly')).toBe('southern');
    expect(cy.getElementById('p:pak-hon-yong').hasClass('former')).toBe(true);
    expect(applier.apply(frameAt('1954-01-01'), NO_OVERLAY)).toMatchObject({ placed: [], structural: false });
  });

  it('marks the selected person and undoes it', () => {
    const { cy, applier } = graphAt('1952-06-01');
    applier.apply(frameAt('1952-06-01'), { ...NO_OVERLAY, selected: 'kim-il-sung' });
    expect(cy.getElementById('p:kim-il-sung').hasClass('selected')).toBe(true);
    applier.apply(frameAt('1952-06-01'), NO_OVERLAY);
    expect(cy.getElementById('p:kim-il-sung').hasClass('selected')).toBe(false);
  });
});

describe('a step in time', () => {
  const s = initialState(initialTime(timeline.start, timeline.end, dayOf('1950-01-01')));

  it('is a change of the date alone', () => {
    expect(isTimeStep({ ...s, time: stepMonths(s.time, 1) }, s)).toBe(true);
    expect(isTimeStep(s, s)).toBe(false);
    expect(isTimeStep({ ...s, time: play(s.time) }, s)).toBe(false);
    expect(isTimeStep({ ...s, time: pause(stepMonths(play(s.time), 1)) }, { ...s, time: play(s.time) })).toBe(false);
    expect(isTimeStep({ ...s, time: stepMonths(s.time, 1), filters: toggleFaction(NO_FILTERS, 'yanan') }, s)).toBe(false);
    expect(isTimeStep({ ...s, time: stepMonths(s.time, 1), selection: select(s.selection, 'kim-il-sung') }, s)).toBe(false);
  });
});
