/**
 * Inferred bounds. The sources rarely say when a membership, office or tie began or ended, and
 * a missing date must not be read as "always". This module turns what is recorded into a Span
 * (span.ts) and says, for each end, whether it was recorded or inferred and from which fact:
 *
 * - start: the recorded `from`; else the first attestation (the earliest dated, cited fact that
 *   shows the interval). Nothing before it is asserted.
 * - end: the recorded `to`; else the person's departure (death, execution, flight abroad) or the
 *   last attestation, whichever comes first. After a last attestation the interval fades out:
 *   possible for FADE_MONTHS, never certain.
 * - a membership never reaches outside its faction's lifespan.
 * - no dated fact at all: the interval is undated and active at no date.
 *
 * The seed loader runs this once per load and stores the result beside the recorded dates,
 * under its own names, so an inferred bound is never mistaken for a recorded one.
 */
import { shiftDay, shiftMonths, type PartialDate } from './partial-date.js';
import type { Range, Span } from './span.js';
import { FADE_MONTHS, type Evidence } from './status.js';
import type { Certainty, StatusKind } from './vocabulary.js';

export type FactKind = 'EVENT' | 'OFFICE' | 'MEMBERSHIP' | 'TIE' | 'DEATH_DATE' | 'FACTION';

/** A pointer to the fact a bound or status was inferred from. */
export interface FactRef {
  readonly kind: FactKind;
  /** The event, person/office, membership or tie id (the person id for DEATH_DATE). */
  readonly id: string;
  /** Human-readable: an event title, an office title, "Kim Il-sung – Choe Yong-gon (comrades)". */
  readonly label: string;
}

export interface DatedFact {
  readonly ref: FactRef;
  readonly date: PartialDate;
}

export type BoundBasis =
  'RECORDED' | 'FIRST_ATTESTATION' | 'LAST_ATTESTATION' | 'FACTION_FORMED' | 'FACTION_DISSOLVED' | 'DEATH' | 'EXECUTION' | 'FLIGHT' | 'UNDATED';

export interface Bound {
  readonly basis: BoundBasis;
  /** The recorded date, or the date of the fact the bound was inferred from; null when UNDATED. */
  readonly date: PartialDate | null;
  /** The fact an inferred bound comes from; null when RECORDED or UNDATED. */
  readonly fact: FactRef | null;
}

/** A death, execution or flight abroad that may end an interval left open by the sources. */
export interface Departure {
  readonly state: StatusKind;
  readonly date: PartialDate;
  readonly certainty: Certainty;
  readonly fact: FactRef;
}

/** When a faction acted as a group. `dissolved` null: it still did at the end of the period covered. */
export interface Lifespan {
  readonly formed: PartialDate;
  readonly dissolved: PartialDate | null;
  readonly fact: FactRef;
}

export interface IntervalFacts {
  readonly from: PartialDate | null;
  readonly to: PartialDate | null;
  readonly certainty: Certainty;
  /** The interval itself: its recorded dates attest it. */
  readonly self: FactRef;
  /**
   * Groups of facts that attest the interval; each group must attest it (a tie needs both of
   * its people). A membership's group is the person's dated facts; an office has none beyond
   * its own dates, since nothing else shows that post.
   */
  readonly attesting: readonly (readonly DatedFact[])[];
  readonly departures: readonly Departure[];
  /** The faction's lifespan, for a membership. */
  readonly within: Lifespan | null;
}

export interface DerivedInterval {
  readonly start: Bound;
  readonly end: Bound;
  readonly span: Span<string>;
}

const UNDATED: Bound = { basis: 'UNDATED', date: null, fact: null };
export const UNDATED_INTERVAL: DerivedInterval = { start: UNDATED, end: UNDATED, span: { possible: null, certain: null } };

const DEPARTURE_BASIS: Readonly<Partial<Record<StatusKind, BoundBasis>>> = { DEAD: 'DEATH', EXECUTED: 'EXECUTION', FLED_ABROAD: 'FLIGHT' };

const earlier = (a: DatedFact, b: DatedFact): boolean =>
  a.date.earliest < b.date.earliest || (a.date.earliest === b.date.earliest && a.date.latest < b.date.latest);
const later = (a: DatedFact, b: DatedFact): boolean => a.date.latest > b.date.latest || (a.date.latest === b.date.latest && a.date.earliest > b.date.earliest);

function extreme(facts: readonly DatedFact[], better: (a: DatedFact, b: DatedFact) => boolean): DatedFact | null {
  let best: DatedFact | null = null;
  for (const fact of facts) if (best === null || better(fact, best)) best = fact;
  return best;
}

/** The first and last dated fact, and the last day a status may be carried after it; null without any. */
export function evidenceOf(facts: readonly DatedFact[]): { first: DatedFact; last: DatedFact; evidence: Evidence<string> } | null {
  const first = extreme(facts, earlier);
  const last = extreme(facts, later);
  if (first === null || last === null) return null;
  return { first, last, evidence: { first: first.date, last: last.date, fadesAfter: fadeEnd(last.date) } };
}

export const fadeEnd = (last: Range<string>): string => shiftMonths(last.latest, FADE_MONTHS);

const mayFallIn = (date: Range<string>, life: Lifespan | null): boolean =>
  life === null || (date.latest >= life.formed.earliest && (life.dissolved === null || date.earliest <= life.dissolved.latest));

/** See the module comment for the rule. */
export function deriveInterval(input: IntervalFacts): DerivedInterval {
  const own: DatedFact[] = [input.from, input.to].flatMap((date) => (date === null ? [] : [{ ref: input.self, date }]));
  const groups = (input.attesting.length === 0 ? [[]] : input.attesting).map((group) => [...own, ...group].filter((f) => mayFallIn(f.date, input.within)));
  const firsts = groups.map((group) => extreme(group, earlier));
  const lasts = groups.map((group) => extreme(group, later));
  if (firsts.some((f) => f === null) || lasts.some((f) => f === null)) return UNDATED_INTERVAL;
  // Each group must attest it: the latest of the groups' first facts, the earliest of their last.
  const first = extreme(firsts as DatedFact[], later) as DatedFact;
  const last = extreme(lasts as DatedFact[], earlier) as DatedFact;

  let start: Bound;
  let possibleFrom: string;
  let certainFrom: string;
  if (input.from !== null) {
    start = { basis: 'RECORDED', date: input.from, fact: null };
    possibleFrom = input.from.earliest;
    certainFrom = input.from.latest;
  } else {
    start = { basis: 'FIRST_ATTESTATION', date: first.date, fact: first.ref };
    possibleFrom = first.date.earliest;
    certainFrom = first.date.latest;
  }
  const life = input.within;
  if (life !== null && life.formed.earliest > possibleFrom) {
    start = { basis: 'FACTION_FORMED', date: life.formed, fact: life.fact };
    possibleFrom = life.formed.earliest;
  }
  if (life !== null && life.formed.latest > certainFrom) certainFrom = life.formed.latest;

  let end: Bound;
  let possibleTo: string;
  let certainTo: string;
  if (input.to !== null) {
    end = { basis: 'RECORDED', date: input.to, fact: null };
    possibleTo = input.to.latest;
    certainTo = shiftDay(input.to.earliest, -1);
  } else {
    end = { basis: 'LAST_ATTESTATION', date: last.date, fact: last.ref };
    possibleTo = fadeEnd(last.date);
    certainTo = last.date.earliest;
    const departure = firstDeparture(input.departures, possibleFrom);
    if (departure !== null) {
      // An uncertain departure may have come first: it ends what is certain, not what is possible.
      if (departure.date.earliest <= certainTo) certainTo = shiftDay(departure.date.earliest, -1);
      if (departure.certainty === 'CERTAIN' && departure.date.latest < possibleTo) {
        end = { basis: DEPARTURE_BASIS[departure.state] ?? 'DEATH', date: departure.date, fact: departure.fact };
        possibleTo = departure.date.latest;
      }
    }
  }
  const dissolved = life?.dissolved ?? null;
  if (life !== null && dissolved !== null) {
    if (dissolved.latest < possibleTo) {
      end = { basis: 'FACTION_DISSOLVED', date: dissolved, fact: life.fact };
      possibleTo = dissolved.latest;
    }
    if (dissolved.earliest <= certainTo) certainTo = shiftDay(dissolved.earliest, -1);
  }
  if (possibleFrom > possibleTo) return { start, end, span: { possible: null, certain: null } };
  const certain = input.certainty === 'CERTAIN' && certainFrom <= certainTo ? { earliest: certainFrom, latest: certainTo } : null;
  return { start, end, span: { possible: { earliest: possibleFrom, latest: possibleTo }, certain } };
}

function firstDeparture(departures: readonly Departure[], after: string): Departure | null {
  let best: Departure | null = null;
  for (const d of departures) {
    if (d.date.latest < after) continue;
    if (best === null || d.date.earliest < best.date.earliest) best = d;
  }
  return best;
}
