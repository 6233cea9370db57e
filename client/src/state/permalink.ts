/**
 * The URL is the shareable state: date, selection, mode, compare date, chain position, filters
 * and the analysis view (size, colour, certain-only chains). decode() is forgiving (a
 * hand-edited or stale link restores what it can); encode() writes only what differs from the
 * defaults so links stay short.
 */
import { CERTAINTY_RANK, SOURCE_FAMILIES, TIE_KINDS, type Certainty, type SourceFamily, type TieKind } from '../timeline-types.js';
import { COLOUR_BY, NO_ANALYSIS, SIZE_BY, type AnalysisChoice } from './analysis.js';
import { isoOf, tryDayOf } from './dates.js';
import { NO_FILTERS, type Filters } from './filters.js';
import type { Mode } from './selection.js';

export interface LinkState {
  readonly day: number | null;
  readonly personId: string | null;
  /** The open event's panel (`ev`). */
  readonly eventId: string | null;
  readonly mode: Mode;
  readonly compareDay: number | null;
  readonly chainPath: number;
  readonly chainStep: number;
  readonly filters: Filters;
  readonly analysis: AnalysisChoice;
}

export const EMPTY_LINK: LinkState = {
  day: null,
  personId: null,
  eventId: null,
  mode: 'network',
  compareDay: null,
  chainPath: 0,
  chainStep: 0,
  filters: NO_FILTERS,
  analysis: NO_ANALYSIS,
};

const list = (values: readonly string[]): string => values.join(',');
const split = (value: string | null): string[] => (value === null || value === '' ? [] : value.split(',').filter((x) => x !== ''));

export function encode(s: LinkState): string {
  const q = new URLSearchParams();
  if (s.day !== null) q.set('at', isoOf(s.day));
  if (s.personId !== null) q.set('p', s.personId);
  if (s.eventId !== null && s.personId === null) q.set('ev', s.eventId);
  if (s.mode !== 'network') q.set('mode', s.mode);
  if (s.mode === 'compare' && s.compareDay !== null) q.set('vs', isoOf(s.compareDay));
  if (s.mode === 'chain') {
    if (s.chainPath !== 0) q.set('path', String(s.chainPath));
    if (s.chainStep !== 0) q.set('step', String(s.chainStep));
  }
  const f = s.filters;
  if (f.hiddenFactions.length > 0) q.set('hf', list(f.hiddenFactions));
  if (f.hiddenTieKinds.length > 0) q.set('ht', list(f.hiddenTieKinds));
  if (f.hiddenEventKinds.length > 0) q.set('he', list(f.hiddenEventKinds));
  if (f.minCertainty !== 'POSSIBLE') q.set('min', f.minCertainty);
  if (f.sources.length > 0) q.set('src', list(f.sources));
  if (f.families.length > 0) q.set('fam', list(f.families));
  if (f.hideGone) q.set('gone', 'hide');
  if (f.noFaction !== 'follow') q.set('nf', f.noFaction);
  const a = s.analysis;
  if (a.sizeBy !== 'none') q.set('size', a.sizeBy.toLowerCase());
  if (a.colourBy !== 'faction') q.set('colour', a.colourBy);
  if (a.certainChains) q.set('certain', '1');
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}

const MODES: readonly Mode[] = ['network', 'chain', 'compare'];
const natural = (value: string | null): number => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 ? n : 0;
};

export function decode(search: string): LinkState {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const mode = MODES.find((m) => m === q.get('mode')) ?? 'network';
  const personId = q.get('p');
  const min = q.get('min');
  const minCertainty: Certainty = min !== null && min in CERTAINTY_RANK ? (min as Certainty) : 'POSSIBLE';
  const tieKinds = split(q.get('ht')).filter((k): k is TieKind => (TIE_KINDS as readonly string[]).includes(k));
  return {
    day: tryDayOf(q.get('at')),
    personId: personId === '' ? null : personId,
    eventId: q.get('ev') === '' ? null : q.get('ev'),
    mode: mode === 'chain' && (personId === null || personId === '') ? 'network' : mode,
    compareDay: tryDayOf(q.get('vs')),
    chainPath: natural(q.get('path')),
    chainStep: natural(q.get('step')),
    filters: {
      hiddenFactions: split(q.get('hf')),
      hiddenTieKinds: tieKinds,
      hiddenEventKinds: split(q.get('he')),
      minCertainty,
      sources: split(q.get('src')),
      families: split(q.get('fam')).filter((x): x is SourceFamily => (SOURCE_FAMILIES as readonly string[]).includes(x)),
      hideGone: q.get('gone') === 'hide',
      noFaction: q.get('nf') === 'show' || q.get('nf') === 'hide' ? (q.get('nf') as 'show' | 'hide') : 'follow',
    },
    analysis: {
      sizeBy: SIZE_BY.find((m) => m !== 'none' && m.toLowerCase() === q.get('size')?.toLowerCase()) ?? 'none',
      colourBy: COLOUR_BY.find((c) => c === q.get('colour')) ?? 'faction',
      certainChains: q.get('certain') === '1',
    },
  };
}
