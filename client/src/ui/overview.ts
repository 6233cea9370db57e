/**
 * The panel when no one is selected: the date at a glance, the events around it, and a
 * keyboard-reachable list of the people shown (the graph itself is a canvas).
 */
import type { Timeline } from '../timeline-types.js';
import { monthLabel } from '../state/dates.js';
import type { Frame, PersonFrame } from '../state/frame.js';
import { statusKindLabel } from '../state/status-groups.js';
import { h } from './dom.js';
import { koreanSpan } from './lang.js';
import type { EventPage } from '../state/events.js';

const LIST_LIMIT = 400;

/** "(expelled)", "(active?)" for an uncertain status; nothing for a certain ACTIVE. */
function statusNote(p: PersonFrame): string {
  if (p.state === 'ACTIVE' && p.statusCertain) return '';
  return ` (${statusKindLabel(p.state)}${p.statusCertain ? '' : '?'})`;
}

export function overviewCount(frame: Frame): string {
  let silent = 0;
  for (const p of frame.persons.values()) if (p.state === 'NOT_ATTESTED') silent += 1;
  const attested = frame.persons.size - silent;
  const also = silent === 0 ? '' : ` (and ${silent} no longer attested at this date, drawn as pale ghosts)`;
  const people = attested === 1 ? '1 person' : `${attested} people`;
  const ties = frame.ties.length === 1 ? '1 tie' : `${frame.ties.length} ties`;
  const hidden = frame.hidden === 0 ? '' : ` ${frame.hidden === 1 ? '1 more person is' : `${frame.hidden} more people are`} hidden by the filters.`;
  return `${people} attested and ${ties} shown${also}.${hidden} Search or click a person to read about them.`;
}

export interface OverviewContext {
  /** The page of the complete, sorted event list shown here. */
  readonly page: EventPage;
  readonly kinds: readonly string[];
  readonly kind: string | null;
  readonly onEvent: (eventId: string) => void;
  readonly onPage: (delta: number) => void;
  readonly onKind: (kind: string | null) => void;
  readonly onPick: (personId: string) => void;
}

const kindLabel = (kind: string): string => kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');

function eventList(frameDay: number, ctx: OverviewContext): HTMLElement {
  const { page } = ctx;
  const select = h(
    'select',
    { id: 'event-kind', 'aria-label': 'Kind of event listed', onChange: () => ctx.onKind(select.value === '' ? null : select.value) },
    h('option', { value: '', selected: ctx.kind === null }, 'All kinds'),
    ...ctx.kinds.map((k) => h('option', { value: k, selected: ctx.kind === k }, kindLabel(k))),
  );
  const last = page.from + page.events.length;
  return h(
    'section',
    { id: 'event-list-section', 'aria-label': 'Events' },
    h('h3', {}, 'Events'),
    h('label', {}, 'Show ', select),
    h(
      'div',
      { class: 'pager' },
      h('button', { id: 'events-earlier', disabled: page.from === 0, onClick: () => ctx.onPage(-1) }, '‹ Earlier'),
      h('span', { id: 'events-range' }, page.total === 0 ? 'no events' : `${page.from + 1}–${last} of ${page.total}, by date`),
      h('button', { id: 'events-later', disabled: last >= page.total, onClick: () => ctx.onPage(1) }, 'Later ›'),
    ),
    page.events.length === 0
      ? h('p', {}, 'No events of this kind are recorded.')
      : h(
          'ul',
          { id: 'event-list', class: 'event-list' },
          ...page.events.map((e) =>
            h(
              'li',
              { 'data-event': e.id, class: e.date.earliest <= frameDay ? 'past' : 'future' },
              h('button', { class: 'linkish', onClick: () => ctx.onEvent(e.id) }, `${e.date.approximate ? 'c. ' : ''}${e.date.iso}`),
              ` ${e.title} `,
              h('span', { class: 'kind' }, kindLabel(e.kind)),
            ),
          ),
        ),
  );
}

export function renderOverview(timeline: Timeline, frame: Frame, ctx: OverviewContext): HTMLElement {
  const people = new Map(timeline.persons.map((p) => [p.id, p]));
  const byFaction = new Map<string, string[]>();
  for (const p of frame.persons.values()) {
    const key = p.parent ?? '';
    byFaction.set(key, [...(byFaction.get(key) ?? []), p.id]);
  }
  let listed = 0;
  return h(
    'section',
    { id: 'overview' },
    h('h2', {}, monthLabel(frame.day)),
    h('p', { id: 'overview-count' }, overviewCount(frame)),
    eventList(frame.day, ctx),
    h(
      'details',
      {},
      h('summary', {}, 'People shown, by faction'),
      ...[...byFaction.entries()].map(([fid, ids]) =>
        h(
          'div',
          {},
          h('h4', {}, timeline.factions.find((f) => f.id === fid)?.name ?? 'No faction'),
          h(
            'ul',
            {},
            ...ids.slice(0, Math.max(0, LIST_LIMIT - listed)).map((id) => {
              listed += 1;
              const p = frame.persons.get(id);
              const person = people.get(id);
              return h(
                'li',
                { 'data-person': id },
                h('button', { class: 'linkish', onClick: () => ctx.onPick(id) }, person?.name ?? id),
                koreanSpan(person?.hangul ?? null),
                p === undefined ? '' : statusNote(p),
              );
            }),
          ),
        ),
      ),
    ),
  );
}
