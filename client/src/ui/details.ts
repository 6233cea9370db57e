/**
 * The person panel: every name form, a status lane, factions over time, offices, ties, events
 * with their citations, and the bibliography behind all of it.
 */
import type { PersonDetails } from '../api.js';
import type { Citation, Source } from '../timeline-types.js';
import { yearOf } from '../state/dates.js';
import { spanBar, statusLane } from '../state/lane.js';
import { boundsText, evidenceText, when } from './bounds.js';
import { STATUS_LABEL, statusKindLabel, type StatusGroup } from '../state/status-groups.js';
import { bibliographyList, citationList } from './citations.js';
import { langOf } from './lang.js';
import { SOURCE_FAMILY_LABEL } from './families.js';
import { h } from './dom.js';

export const LANE_COLOUR: Readonly<Record<StatusGroup, string>> = {
  active: '#2b8a3e',
  demoted: '#E69F00',
  expelled: '#D55E00',
  imprisoned: '#5a5a5a',
  dead: '#111111',
  fled: '#56B4E9',
  rehabilitated: '#CC79A7',
  unattested: '#d9d9d9',
};

const cert = (c: string): HTMLElement | null => (c === 'CERTAIN' ? null : h('span', { class: `cert ${c}` }, c.toLowerCase()));

export interface DetailsContext {
  readonly sources: ReadonlyMap<string, Source>;
  readonly allSources: readonly Source[];
  readonly start: number;
  readonly end: number;
  readonly factionColours: ReadonlyMap<string, string>;
  readonly onPick: (personId: string) => void;
  readonly onChain: () => void;
  readonly onGoTo: (day: number) => void;
  readonly onEvent: (eventId: string) => void;
}

function axis(start: number, end: number): HTMLElement {
  return h('div', { class: 'lane-axis', 'aria-hidden': 'true' }, h('span', {}, String(yearOf(start))), h('span', {}, String(yearOf(end))));
}

/** Of the ties active at the first fall, how many led to people who had already fallen (docs/analysis.md). */
function exposureText(p: PersonDetails, ctx: DetailsContext): HTMLElement {
  const x = p.exposure;
  if (x.fall === null) return h('p', { id: 'person-exposure' }, 'No fall recorded.');
  const fall = h('button', { class: 'linkish', onClick: () => ctx.onGoTo(x.fall!.date.latest) }, `${x.fall.title} (${when(x.fall.date)})`);
  if (x.activeTies === 0) return h('p', { id: 'person-exposure' }, 'At the first fall, ', fall, ', no tie of theirs was active.');
  const names = x.fallenFirst.flatMap((other, i) => [i === 0 ? '' : ', ', h('button', { class: 'linkish', onClick: () => ctx.onPick(other.id) }, other.name)]);
  return h(
    'p',
    { id: 'person-exposure' },
    'At the first fall, ',
    fall,
    `, ${x.fallenFirst.length} of ${x.activeTies} ties active then (${Math.round(x.share * 100)}%) led to people who had already fallen`,
    ...(x.fallenFirst.length === 0 ? ['.'] : [': ', ...names, '.']),
  );
}

/** Where the source families place the person, side by side; said plainly when they disagree. */
function factionsByFamily(p: PersonDetails): HTMLElement[] {
  if (p.factionsByFamily.length === 0) return [];
  return [
    h('h3', {}, 'Factions by source family'),
    h(
      'p',
      { class: 'cite', id: 'person-families-verdict' },
      p.factionsDisagree
        ? 'The source families place this person in different factions.'
        : p.factionsByFamily.length === 1
          ? 'Only one source family records a faction for this person.'
          : 'The source families agree on the factions.',
    ),
    h(
      'table',
      { id: 'person-families' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Source family'), h('th', { scope: 'col' }, 'Factions'))),
      h(
        'tbody',
        {},
        ...p.factionsByFamily.map((r) =>
          h('tr', {}, h('th', { scope: 'row' }, SOURCE_FAMILY_LABEL[r.family]), h('td', {}, r.factions.map((x) => x.name).join(', '))),
        ),
      ),
    ),
  ];
}

export function renderDetails(p: PersonDetails, ctx: DetailsContext): HTMLElement {
  const changes = p.statusChanges.map((c) => ({
    state: c.state,
    date: { earliest: c.date.earliest, latest: c.date.latest },
    certainty: c.certainty,
    eventId: c.eventTitle,
  }));
  const lane = statusLane(changes, p.evidence, ctx.start, ctx.end);
  const strip = h(
    'div',
    {
      class: 'lane',
      role: 'img',
      'aria-label': `Status over time: ${lane.map((s) => `${statusKindLabel(s.state)}${s.uncertain ? ' (uncertain)' : ''}`).join(', then ')}`,
    },
    ...lane.map((s) =>
      h('span', {
        title: `${STATUS_LABEL[s.group]}${s.uncertain ? ' (uncertain)' : ''}`,
        style: `width:${((s.end - s.start) * 100).toFixed(2)}%;background:${s.uncertain ? `repeating-linear-gradient(45deg,${LANE_COLOUR[s.group]} 0 4px,#fff 4px 7px)` : LANE_COLOUR[s.group]}`,
      }),
    ),
  );
  const factionStrips = p.memberships.map((m) => {
    const bar = spanBar(m.span, ctx.start, ctx.end);
    const colour = ctx.factionColours.get(m.factionId) ?? '#bbb';
    const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
    // Possible stretch hatched and pale, certain stretch solid; nothing where the graph asserts nothing.
    const layers = [
      bar.possible === null
        ? null
        : h('span', {
            class: 'span-possible',
            style: `left:${pct(bar.possible.start)};width:${pct(bar.possible.end - bar.possible.start)};background:repeating-linear-gradient(45deg,${colour} 0 3px,#fff 3px 6px)`,
          }),
      bar.certain === null
        ? null
        : h('span', { class: 'span-certain', style: `left:${pct(bar.certain.start)};width:${pct(bar.certain.end - bar.certain.start)};background:${colour}` }),
    ];
    return h(
      'div',
      {},
      h('div', {}, `${m.factionName}: ${boundsText(m)} `, cert(m.certainty)),
      h('div', { class: 'lane span-lane', style: 'height:10px', 'aria-hidden': 'true' }, ...layers),
      citationList(m.citations, ctx.sources),
    );
  });
  const all: Citation[] = [
    ...p.citations,
    ...p.memberships.flatMap((m) => m.citations),
    ...p.offices.flatMap((o) => o.citations),
    ...p.ties.flatMap((t) => t.citations),
    ...p.events.flatMap((e) => e.citations),
  ];
  return h(
    'article',
    { id: 'person-details', 'aria-labelledby': 'person-name' },
    h('h2', { id: 'person-name', tabindex: -1 }, p.name),
    p.hangul === null && p.hanja === null ? null : h('div', { class: 'names', lang: 'ko' }, [p.hangul, p.hanja].filter((x) => x !== null).join(' · ')),
    p.disambiguation === null ? null : h('p', { class: 'cite' }, p.disambiguation),
    p.summary === null ? null : h('p', {}, p.summary),
    h('p', {}, `Born ${when(p.born)}; died ${when(p.died)}`),
    h('button', { id: 'chain-button', onClick: () => ctx.onChain() }, 'Follow purge chain'),
    h('h3', {}, 'Name forms'),
    h(
      'ul',
      { id: 'name-forms' },
      ...[p.name, p.hangul, p.hanja, ...p.aliases].filter((x): x is string => x !== null).map((n) => h('li', { lang: langOf(n) }, n)),
    ),
    h('h3', {}, 'Status over time'),
    h('p', { class: 'cite', id: 'person-evidence' }, evidenceText(p)),
    strip,
    axis(ctx.start, ctx.end),
    h(
      'ul',
      {},
      ...p.statusChanges.map((c) =>
        h(
          'li',
          {},
          h('button', { class: 'linkish', onClick: () => ctx.onGoTo(c.date.latest) }, when(c.date)),
          ` ${statusKindLabel(c.state)}`,
          c.eventTitle === null ? null : ` (${c.eventTitle})`,
          ' ',
          cert(c.certainty),
        ),
      ),
    ),
    h('h3', {}, 'Exposure at the fall'),
    exposureText(p, ctx),
    h('h3', {}, 'Factions over time'),
    ...(factionStrips.length > 0 ? factionStrips : [h('p', {}, 'No faction membership recorded.')]),
    axis(ctx.start, ctx.end),
    ...factionsByFamily(p),
    h('h3', {}, 'Offices'),
    p.offices.length === 0
      ? h('p', {}, 'No offices recorded.')
      : h('ul', {}, ...p.offices.map((o) => h('li', {}, `${o.title}: ${boundsText(o)} `, cert(o.certainty), citationList(o.citations, ctx.sources)))),
    h('h3', {}, 'Ties'),
    p.ties.length === 0
      ? h('p', {}, 'No ties recorded.')
      : h(
          'ul',
          {},
          ...p.ties.map((t) =>
            h(
              'li',
              {},
              `${t.kind.toLowerCase()} ${t.directed ? (t.outgoing ? '→ ' : '← ') : 'with '}`,
              h('button', { class: 'linkish', onClick: () => ctx.onPick(t.other.id) }, t.other.name),
              `: ${boundsText(t)} `,
              cert(t.certainty),
              t.summary === null ? null : h('div', {}, t.summary),
              citationList(t.citations, ctx.sources),
            ),
          ),
        ),
    h('h3', {}, 'Events'),
    p.events.length === 0
      ? h('p', {}, 'No events recorded.')
      : h(
          'ul',
          { id: 'person-events' },
          ...p.events.map((e) =>
            h(
              'li',
              {},
              h('button', { class: 'linkish', title: 'Go to this date', onClick: () => ctx.onGoTo(e.date.latest) }, when(e.date)),
              ' ',
              h('button', { class: 'linkish', 'data-event': e.id, title: 'Open the event', onClick: () => ctx.onEvent(e.id) }, e.title),
              ` (${e.role.toLowerCase()}) `,
              cert(e.certainty),
              e.summary === null ? null : h('div', {}, e.summary),
              citationList(e.citations, ctx.sources),
            ),
          ),
        ),
    h('h3', {}, 'Bibliography'),
    bibliographyList(all, ctx.allSources),
  );
}
