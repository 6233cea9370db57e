/**
 * The panel when no one is selected: the date at a glance, the events around it, and a
 * keyboard-reachable list of the people shown (the graph itself is a canvas).
 */
import type { Timeline } from '../model.js';
import { monthLabel } from '../state/dates.js';
import type { Frame, PersonFrame } from '../state/frame.js';
import { statusKindLabel } from '../state/status.js';
import { h } from './dom.js';

const WINDOW_DAYS = 183;
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

export function renderOverview(timeline: Timeline, frame: Frame, onGoTo: (day: number) => void): HTMLElement {
  const near = timeline.events.filter((e) => Math.abs(e.date.earliest - frame.day) <= WINDOW_DAYS).slice(0, 30);
  const names = new Map(timeline.persons.map((p) => [p.id, p.name]));
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
    h('h3', {}, 'Events within six months'),
    near.length === 0
      ? h('p', {}, 'No recorded events near this date.')
      : h('ul', { id: 'nearby-events' }, ...near.map((e) => h('li', {}, h('button', { class: 'linkish', onClick: () => onGoTo(e.date.latest) }, e.date.iso), ` ${e.title}`))),
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
              return h('li', { 'data-person': id }, names.get(id) ?? id, p === undefined ? '' : statusNote(p));
            }),
          ),
        ),
      ),
    ),
  );
}
