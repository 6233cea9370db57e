/**
 * The event panel: title, the date with its precision, the place, who took part by role, the
 * events it is linked to before and after it, and the citations. Previous and Next name the
 * event they move to.
 */
import type { EventDetails, EventRef } from '../api.js';
import type { AtlasEvent, Citation, EventLinkType, Source } from '../timeline-types.js';
import { precisionText } from '../state/events.js';
import { when } from './bounds.js';
import { bibliographyList, citationList } from './citations.js';
import { koreanSpan } from './lang.js';
import { h } from './dom.js';

export interface EventPanelContext {
  readonly sources: ReadonlyMap<string, Source>;
  readonly allSources: readonly Source[];
  readonly previous: AtlasEvent | null;
  readonly next: AtlasEvent | null;
  readonly onEvent: (eventId: string) => void;
  readonly onPick: (personId: string) => void;
  readonly onClose: () => void;
}

const ROLE_ORDER = ['TARGET', 'ACCUSER', 'INSTIGATOR', 'DECIDER', 'SPEAKER', 'DEFENDER', 'SUPPORTER', 'ENVOY', 'WITNESS', 'PARTICIPANT'];
const ROLE_HEADING: Readonly<Record<string, string>> = {
  TARGET: 'Targets',
  ACCUSER: 'Accusers',
  INSTIGATOR: 'Instigators',
  DECIDER: 'Deciders',
  SPEAKER: 'Speakers',
  DEFENDER: 'Defenders',
  SUPPORTER: 'Supporters',
  ENVOY: 'Envoys',
  WITNESS: 'Witnesses',
  PARTICIPANT: 'Other participants',
};
/** Link wording from this event's side ("led to") and from the other's ("followed from"). */
const OUT: Readonly<Record<EventLinkType, string>> = { LED_TO: 'led to', PREVIEW_OF: 'foreshadowed', REVERSED_BY: 'was reversed by', PART_OF: 'was part of' };
const IN: Readonly<Record<EventLinkType, string>> = {
  LED_TO: 'followed from',
  PREVIEW_OF: 'was foreshadowed by',
  REVERSED_BY: 'reversed',
  PART_OF: 'includes',
};

const titleCase = (kind: string): string => kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');

function stepButton(id: string, dir: string, e: AtlasEvent | null, onEvent: (id: string) => void): HTMLElement {
  if (e === null) return h('button', { id, disabled: true }, `No ${dir.toLowerCase()} event`);
  return h(
    'button',
    { id, title: `${dir} event: ${when(e.date)} ${e.title}`, onClick: () => onEvent(e.id) },
    `${dir === 'Previous' ? '« ' : ''}${when(e.date)} ${e.title}${dir === 'Next' ? ' »' : ''}`,
  );
}

export function renderEventLoading(title: string): HTMLElement {
  return h('section', { id: 'event-panel', 'aria-busy': 'true' }, h('h2', {}, title), h('p', {}, 'Loading the event…'));
}

export function renderEvent(e: EventDetails, ctx: EventPanelContext): HTMLElement {
  const roles = [...new Set(e.participants.map((p) => p.role))].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  const related = [
    ...e.linkedFrom.map((l) => ({ verb: IN[l.type], event: l.event, citations: l.citations })),
    ...e.links.map((l) => ({ verb: OUT[l.type], event: l.event, citations: l.citations })),
  ].sort((a, b) => a.event.date.earliest - b.event.date.earliest);
  const earlier = related.filter((r) => r.event.date.earliest <= e.date.earliest);
  const later = related.filter((r) => r.event.date.earliest > e.date.earliest);
  const linkItem = (r: { verb: string; event: EventRef; citations: readonly Citation[] }): HTMLElement =>
    h(
      'li',
      {},
      `This ${r.verb} `,
      h('button', { class: 'linkish', onClick: () => ctx.onEvent(r.event.id) }, `${when(r.event.date)} ${r.event.title}`),
      citationList(r.citations, ctx.sources),
    );
  const all = [
    ...e.citations,
    ...e.participants.flatMap((p) => p.citations),
    ...e.links.flatMap((l) => l.citations),
    ...e.linkedFrom.flatMap((l) => l.citations),
  ];
  return h(
    'section',
    { id: 'event-panel', 'aria-labelledby': 'event-title' },
    h(
      'nav',
      { class: 'event-steps', 'aria-label': 'Neighbouring events' },
      stepButton('event-prev', 'Previous', ctx.previous, ctx.onEvent),
      stepButton('event-next', 'Next', ctx.next, ctx.onEvent),
    ),
    h('h2', { id: 'event-title', tabindex: '-1' }, e.title),
    h(
      'p',
      { id: 'event-when' },
      h('strong', {}, when(e.date)),
      ` (${precisionText(e.date)}) · ${titleCase(e.kind)}`,
      e.certainty === 'CERTAIN' ? '' : ` · ${e.certainty.toLowerCase()}`,
    ),
    h('p', { id: 'event-place' }, e.place === null ? 'Place not recorded.' : `Place: ${e.place}`),
    e.summary === null ? null : h('p', {}, e.summary),
    citationList(e.citations, ctx.sources),
    h('h3', {}, 'Who took part'),
    roles.length === 0
      ? h('p', {}, 'No participants are recorded.')
      : h(
          'div',
          { id: 'event-participants' },
          ...roles.map((role) =>
            h(
              'div',
              { 'data-role': role },
              h('h4', {}, ROLE_HEADING[role] ?? titleCase(role)),
              h(
                'ul',
                {},
                ...e.participants
                  .filter((p) => p.role === role)
                  .map((p) =>
                    h(
                      'li',
                      {},
                      h('button', { class: 'linkish', 'data-person': p.personId, onClick: () => ctx.onPick(p.personId) }, p.name),
                      koreanSpan(p.hangul),
                      citationList(p.citations, ctx.sources),
                    ),
                  ),
              ),
            ),
          ),
        ),
    h('h3', {}, 'Linked events'),
    earlier.length === 0 && later.length === 0
      ? h('p', {}, 'No links to other events are recorded.')
      : h(
          'div',
          {},
          earlier.length === 0 ? null : h('h4', {}, 'Earlier'),
          earlier.length === 0 ? null : h('ul', { id: 'event-earlier' }, ...earlier.map(linkItem)),
          later.length === 0 ? null : h('h4', {}, 'Later'),
          later.length === 0 ? null : h('ul', { id: 'event-later' }, ...later.map(linkItem)),
        ),
    h('h3', {}, 'Sources'),
    bibliographyList(all, ctx.allSources),
    h('p', {}, h('button', { id: 'event-close', onClick: () => ctx.onClose() }, 'Close event')),
  );
}
