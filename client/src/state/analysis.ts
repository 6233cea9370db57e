/**
 * The analysis view (docs/analysis.md): what people are sized and coloured by, and the pure
 * readings of the API's answers that the map, legend and survival chart draw. The answers are
 * computed by the server at the slider's date and certainty; nothing here recomputes them.
 */
import type { Certainty } from '../timeline-types.js';
import { isoOf } from './dates.js';
import { familiesKey } from './filters.js';

export type Measure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';
export type SizeBy = 'none' | Measure;
export type ColourBy = 'faction' | 'community';

export const SIZE_BY: readonly SizeBy[] = ['none', 'DEGREE', 'BETWEENNESS', 'PAGERANK'];
export const COLOUR_BY: readonly ColourBy[] = ['faction', 'community'];

export interface AnalysisChoice {
  readonly sizeBy: SizeBy;
  readonly colourBy: ColourBy;
  /** Chain mode shows only the paths that hold with CERTAIN facts alone. */
  readonly certainChains: boolean;
}

export const NO_ANALYSIS: AnalysisChoice = { sizeBy: 'none', colourBy: 'faction', certainChains: false };

export const setSizeBy = (a: AnalysisChoice, sizeBy: SizeBy): AnalysisChoice => (a.sizeBy === sizeBy ? a : { ...a, sizeBy });
export const setColourBy = (a: AnalysisChoice, colourBy: ColourBy): AnalysisChoice => (a.colourBy === colourBy ? a : { ...a, colourBy });
export const setCertainChains = (a: AnalysisChoice, certainChains: boolean): AnalysisChoice =>
  a.certainChains === certainChains ? a : { ...a, certainChains };

export const SIZE_LABEL: Readonly<Record<SizeBy, string>> = {
  none: 'nothing (all the same size)',
  DEGREE: 'degree',
  BETWEENNESS: 'betweenness',
  PAGERANK: 'PageRank',
};

/** What each measure counts, in the words of docs/analysis.md. */
export const MEASURE_MEANING: Readonly<Record<Measure, string>> = {
  DEGREE: 'how many people each was tied to',
  BETWEENNESS: 'how many shortest paths between two others ran through each',
  PAGERANK: 'PageRank (damping 0.85): tied to people who were themselves well tied',
};

/** The most people a ranking names (the API's largest `limit`). */
export const RANKING_LIMIT = 10_000;

export interface ScoreAnswer {
  readonly at: string;
  readonly measure: Measure;
  readonly minCertainty: Certainty;
  readonly scores: readonly { readonly personId: string; readonly score: number; readonly rank: number }[];
  /** The `limit` asked: a ranking this long may have left people out. */
  readonly limit: number;
}

export interface CommunityAnswer {
  readonly at: string;
  readonly minCertainty: Certainty;
  readonly agreement: number;
  readonly method: string;
  /** Largest first, as the API gives them. */
  readonly communities: readonly {
    readonly id: string;
    readonly memberIds: readonly string[];
    readonly factions: readonly { readonly factionId: string; readonly name: string; readonly count: number }[];
  }[];
}

export interface SurvivalPoint {
  readonly day: number;
  readonly date: string;
  readonly atRisk: number;
  readonly fallen: number;
  readonly censored: number;
  readonly survival: number;
}

export interface SurvivalCurve {
  readonly factionId: string;
  readonly factionName: string;
  readonly points: readonly SurvivalPoint[];
}

/** The date an analysis is asked for: the slider's day, as the API's `at`. */
export const analysisAt = (day: number): string => isoOf(day);

/** One answer per measure, date, certainty and set of source families (the filter's; none = all). */
export const answerKey = (what: string, day: number, minCertainty: Certainty, families: readonly string[] = []): string =>
  `${what}|${analysisAt(day)}|${minCertainty}|${familiesKey(families)}`;

/** Node diameters, in pixels: the least and most important people measured at the date. */
export const SIZE_MIN = 14;
export const SIZE_MAX = 64;

export interface NodeSizes {
  /** Diameter per measured person; people absent from the map are included and ignored. */
  readonly sizes: ReadonlyMap<string, number>;
  /** People shown at the date whom the measure does not cover (no active tie: not in the network). */
  readonly unmeasured: ReadonlySet<string>;
  readonly max: number;
}

/**
 * Diameter by score: area grows with the score (square root), from SIZE_MIN for a score of 0 to
 * SIZE_MAX for the highest at the date. A measured 0 is small but solid; an unmeasured person is
 * drawn apart (see graph/analysis-style.ts), never as a zero.
 */
export function nodeSizes(answer: ScoreAnswer, shown: Iterable<string>): NodeSizes {
  const max = answer.scores.reduce((m, s) => Math.max(m, s.score), 0);
  const sizes = new Map<string, number>();
  for (const s of answer.scores) {
    const ratio = max > 0 ? Math.sqrt(Math.max(0, s.score) / max) : 0;
    sizes.set(s.personId, Math.round((SIZE_MIN + (SIZE_MAX - SIZE_MIN) * ratio) * 10) / 10);
  }
  const unmeasured = new Set<string>();
  for (const id of shown) if (!sizes.has(id)) unmeasured.add(id);
  return { sizes, unmeasured, max };
}

/** Whether the ranking may have stopped short of the whole network (it filled its limit). */
export const rankingCut = (answer: ScoreAnswer): boolean => answer.scores.length >= answer.limit;

/** Top `n` of the ranking, for the legend. */
export const topScores = (answer: ScoreAnswer, n: number): ScoreAnswer['scores'] => answer.scores.slice(0, n);

/**
 * Community colours: a qualitative palette (Paul Tol's "muted", readable under the common
 * colour-vision deficiencies) chosen apart from the faction hues, so "community" never reads as
 * a faction. Communities beyond the palette share the last, grey.
 */
export const COMMUNITY_PALETTE = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'] as const;
export const COMMUNITY_OTHER = '#7A7A7A';
/** People shown at the date who are in no community (no bond then). */
export const NO_COMMUNITY = '#E8E8E8';

export function communityColour(index: number): string {
  return COMMUNITY_PALETTE[index] ?? COMMUNITY_OTHER;
}

/** Fill per person: their community's colour, or NO_COMMUNITY for the shown who are in none. */
export function communityFills(answer: CommunityAnswer, shown: Iterable<string>): ReadonlyMap<string, string> {
  const fills = new Map<string, string>();
  answer.communities.forEach((c, i) => {
    for (const id of c.memberIds) fills.set(id, communityColour(i));
  });
  for (const id of shown) if (!fills.has(id)) fills.set(id, NO_COMMUNITY);
  return fills;
}

/** "NMI 0.27 with declared factions (Leiden)": the agreement, its measure and the algorithm. */
export function agreementText(answer: CommunityAnswer): string {
  const measure = /normalised mutual information/i.test(answer.method) ? 'NMI' : /adjusted rand/i.test(answer.method) ? 'ARI' : 'agreement';
  const algorithm = answer.method.split(' (')[0] ?? answer.method;
  return `${measure} ${answer.agreement.toFixed(2)} with declared factions (${algorithm})`;
}

/** "12 people: 8 Yan'an faction, 3 Soviet faction, 1 in no faction then". */
export function communityLine(c: CommunityAnswer['communities'][number]): string {
  const placed = c.factions.reduce((n, f) => n + f.count, 0);
  const parts = c.factions.map((f) => `${f.count} ${f.name}`);
  if (placed < c.memberIds.length) parts.push(`${c.memberIds.length - placed} in no faction then`);
  return `${c.memberIds.length} people: ${parts.join(', ')}`;
}

/**
 * A Kaplan–Meier curve as chart points: 1 until the first day with a fall or a censoring, then
 * the estimate after each such day (drawn as steps). Points with censorings are flagged so the
 * chart can tick them, as survival plots do.
 */
export function survivalSteps(curve: SurvivalCurve): { x: number; y: number; censored: number; thin: boolean }[] {
  const first = curve.points[0];
  if (first === undefined) return [];
  let thin = false;
  return [
    { x: first.day, y: 1, censored: 0, thin: false },
    ...curve.points.map((p) => {
      thin ||= restsOnFew(p);
      return { x: p.day, y: p.survival, censored: p.censored, thin };
    }),
  ];
}

/**
 * Below this many members at risk, a fall moves the estimate by a third or more, so the drop says
 * more about who happens to be dated than about the faction (a Soviet-faction fall in 1951, when
 * only one member's membership was yet attested, takes the estimate to 0 for good).
 */
export const FEW_AT_RISK = 3;

/** A fall among fewer than FEW_AT_RISK at risk: every later value of the curve is a product that includes it. */
const restsOnFew = (p: SurvivalPoint): boolean => p.fallen > 0 && p.atRisk < FEW_AT_RISK;

/** Whether the estimate on `day` rests on such a fall (the chart draws that part dotted). */
export function survivalThinOn(curve: SurvivalCurve, day: number): boolean {
  return curve.points.some((p) => p.day <= day && restsOnFew(p));
}

/**
 * The estimate on `day`: that of the last point on or before it, null before the first point
 * (the API gives no point until someone falls or leaves, so nothing is claimed before then).
 */
export function survivalOn(curve: SurvivalCurve, day: number): number | null {
  let last: SurvivalPoint | null = null;
  for (const p of curve.points) {
    if (p.day > day) break;
    last = p;
  }
  return last === null ? null : last.survival;
}

/** An answer the view waits for: none asked, on its way, here, or failed with the API's code. */
export type Fetched<T> =
  | { readonly state: 'off' }
  | { readonly state: 'loading'; readonly key: string }
  | { readonly state: 'ready'; readonly key: string; readonly answer: T }
  | { readonly state: 'failed'; readonly key: string; readonly code: string; readonly message: string };

export const OFF: Fetched<never> = { state: 'off' };

/** What the user reads when an analysis fails: a missing plugin is not the user's fault. */
export function failureText(code: string, message: string): string {
  if (code === 'ANALYTICS_UNAVAILABLE') {
    return 'This analysis needs the Neo4j Graph Data Science plugin, which the database does not have. Everything else in the explorer still works.';
  }
  if (code === 'NETWORK') return 'The server cannot be reached, so the analysis could not be computed.';
  return `The analysis could not be computed: ${message}`;
}

/** "1 August 1956": the day an analysis is computed at, as the legend says it. */
export function dayLabel(day: number): string {
  return new Date(day * 86_400_000).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
