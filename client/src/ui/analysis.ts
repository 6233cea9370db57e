/**
 * The analysis panel: "Size people by" and "Colour by", with a legend that says which measure,
 * at which date and certainty, what it does not cover, and how communities match factions.
 */
import { UNMEASURED_LOOK } from '../graph/analysis-style.js';
import type { Certainty } from '../timeline-types.js';
import {
  agreementText,
  communityColour,
  communityLine,
  COLOUR_BY,
  dayLabel,
  failureText,
  MEASURE_MEANING,
  NO_COMMUNITY,
  rankingCut,
  SIZE_BY,
  SIZE_LABEL,
  SIZE_MAX,
  SIZE_MIN,
  topScores,
  type AnalysisChoice,
  type ColourBy,
  type CommunityAnswer,
  type Fetched,
  type ScoreAnswer,
  type SizeBy,
} from '../state/analysis.js';
import { h, replace } from './dom.js';

export interface AnalysisView {
  readonly choice: AnalysisChoice;
  readonly day: number;
  readonly minCertainty: Certainty;
  readonly scores: Fetched<ScoreAnswer>;
  readonly communities: Fetched<CommunityAnswer>;
  /** People on the map at the date whom the measure does not cover. */
  readonly unmeasured: number;
  readonly names: ReadonlyMap<string, string>;
  /** A person's status at the date when it is not "active" (a fallen person can still rank high: their ties may still hold). */
  readonly statusOf: (personId: string) => string | null;
}

export interface AnalysisHandlers {
  readonly onSize: (sizeBy: SizeBy) => void;
  readonly onColour: (colourBy: ColourBy) => void;
}

const CERTAINTY_TEXT: Readonly<Record<Certainty, string>> = {
  POSSIBLE: 'every tie (possible, probable and certain)',
  PROBABLE: 'probable and certain ties',
  CERTAIN: 'certain ties only',
};

const COLOUR_LABEL: Readonly<Record<ColourBy, string>> = { faction: 'faction (declared)', community: 'community at the date' };

function select<T extends string>(id: string, text: string, values: readonly T[], current: T, label: (v: T) => string, change: (v: T) => void): HTMLElement {
  return h(
    'label',
    { class: 'analysis-choice' },
    `${text} `,
    h(
      'select',
      { id, onChange: (e: Event) => change((e.target as HTMLSelectElement).value as T) },
      ...values.map((v) => h('option', { value: v, selected: v === current }, label(v))),
    ),
  );
}

function disc(size: number, fill: string, opacity = 1): SVGSVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const box = Math.max(size, 12) + 2;
  el.setAttribute('width', String(box));
  el.setAttribute('height', String(box));
  el.setAttribute('aria-hidden', 'true');
  el.innerHTML = `<circle cx="${box / 2}" cy="${box / 2}" r="${size / 2}" fill="${fill}" fill-opacity="${opacity}" stroke="#111" stroke-opacity="${opacity === 1 ? 1 : 0.5}"/>`;
  return el;
}

/** The waiting, failed and empty states shared by both analyses. */
function pending(what: Fetched<unknown>, id: string, computing: string): HTMLElement | null {
  if (what.state === 'loading') return h('p', { id, class: 'legend-note', 'aria-busy': 'true' }, computing);
  if (what.state === 'failed')
    return h('p', { id, class: 'error analysis-error', role: 'alert', 'data-code': what.code }, failureText(what.code, what.message));
  return null;
}

function sizeLegend(v: AnalysisView): HTMLElement[] {
  if (v.choice.sizeBy === 'none') return [];
  const measure = v.choice.sizeBy;
  const head = h('h4', { id: 'size-legend-title' }, `Size: ${SIZE_LABEL[measure]} on ${dayLabel(v.day)}`);
  const waiting = pending(v.scores, 'size-status', `Computing ${SIZE_LABEL[measure]} on ${dayLabel(v.day)}…`);
  if (waiting !== null || v.scores.state !== 'ready') return [head, waiting ?? h('p', {}, '')];
  const answer = v.scores.answer;
  const scope = h(
    'p',
    { class: 'legend-note' },
    `${capital(SIZE_LABEL[measure])}: ${MEASURE_MEANING[measure]}, over ${CERTAINTY_TEXT[v.minCertainty]} possibly active that day; the other filters only hide people, they do not change the scores.`,
  );
  if (answer.scores.length === 0) {
    return [
      head,
      scope,
      h(
        'p',
        { id: 'size-empty', class: 'legend-note' },
        `No tie is recorded as active on ${dayLabel(v.day)} at this certainty, so no one is measured: every node is drawn as not measured.`,
      ),
      unmeasuredRow(),
    ];
  }
  const top = topScores(answer, 5).map((s) => {
    const status = v.statusOf(s.personId);
    return `${s.rank}. ${v.names.get(s.personId) ?? s.personId} (${formatScore(s.score)}${status === null ? '' : `; ${(status.split(' (')[0] ?? status).toLowerCase()} at the date`})`;
  });
  return [
    head,
    scope,
    h('div', { class: 'legend-row' }, disc(SIZE_MIN, '#56B4E9'), ' … ', disc(SIZE_MAX / 2, '#56B4E9'), ' lowest … highest (area grows with the score)'),
    unmeasuredRow(),
    h('p', { id: 'size-top', class: 'legend-note' }, `Highest: ${top.join('; ')}`),
    v.unmeasured > 0 ? h('p', { class: 'legend-note', id: 'size-unmeasured' }, `${v.unmeasured} of the people shown are not measured.`) : null,
    rankingCut(answer)
      ? h('p', { class: 'legend-note' }, `Only the top ${answer.limit.toLocaleString('en-GB')} are sized; the rest are drawn as not measured.`)
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}

function unmeasuredRow(): HTMLElement {
  return h(
    'div',
    { class: 'legend-row', id: 'size-unmeasured-row' },
    disc(UNMEASURED_LOOK.size, '#56B4E9', UNMEASURED_LOOK.opacity),
    'Small and faint: not measured (no tie active at the date, so not in the network). Not a score of zero.',
  );
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const formatScore = (score: number): string => (Number.isInteger(score) ? String(score) : score.toFixed(3));

function colourLegend(v: AnalysisView): HTMLElement[] {
  if (v.choice.colourBy !== 'community') return [];
  const head = h('h4', { id: 'colour-legend-title' }, `Colour: communities on ${dayLabel(v.day)}`);
  const waiting = pending(v.communities, 'colour-status', `Finding communities on ${dayLabel(v.day)}…`);
  if (waiting !== null || v.communities.state !== 'ready') return [head, waiting ?? h('p', {}, '')];
  const answer = v.communities.answer;
  const note = h(
    'p',
    { class: 'legend-note' },
    `Groups found in the ties that are bonds (rivalries and denunciations hold no group together), over ${CERTAINTY_TEXT[v.minCertainty]}. ` +
      'The grey boxes still show the declared factions. Agreement 1: communities and factions coincide; 0: they share no information. ' +
      'Expelled, imprisoned, dead and unattested people keep their status fill.',
  );
  if (answer.communities.length === 0) {
    return [head, h('p', { id: 'agreement', class: 'legend-note' }, 'No community: no bond tie is active at this date at this certainty.'), note];
  }
  return [
    head,
    h('p', { id: 'agreement', title: answer.method }, agreementText(answer)),
    note,
    h(
      'ol',
      { id: 'community-list', class: 'community-list' },
      ...answer.communities.map((c, i) =>
        h('li', { class: 'legend-row' }, h('span', { class: 'swatch', style: `background:${communityColour(i)}` }), communityLine(c)),
      ),
    ),
    h('div', { class: 'legend-row' }, h('span', { class: 'swatch', style: `background:${NO_COMMUNITY}` }), 'In no community at this date (no bond tie then)'),
  ];
}

export function renderAnalysis(root: HTMLElement, v: AnalysisView, on: AnalysisHandlers): void {
  const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.id : '';
  replace(
    root,
    select('size-by', 'Size people by', SIZE_BY, v.choice.sizeBy, (m) => SIZE_LABEL[m], on.onSize),
    select('colour-by', 'Colour by', COLOUR_BY, v.choice.colourBy, (c) => COLOUR_LABEL[c], on.onColour),
    h('div', { id: 'size-legend' }, ...sizeLegend(v)),
    h('div', { id: 'colour-legend' }, ...colourLegend(v)),
  );
  if (focused !== '') document.getElementById(focused)?.focus();
}
