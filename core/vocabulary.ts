/**
 * The controlled vocabularies, stated once. Seed files write them lower-case with hyphens
 * (`labour-reform`); the graph stores and the API exposes them upper-case with underscores
 * (`LABOUR_REFORM`). tests/unit/core/vocabulary.test.ts checks that each list equals its
 * GraphQL enum in server/schema.graphql, so the seed, the API and the client cannot drift.
 *
 * Dependency-free: the seed validator, the server and the browser client all import this.
 */

/** `labour-reform` -> `LABOUR_REFORM`, at the type level. */
type Underscored<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;
export type GraphForm<S extends string> = Uppercase<Underscored<S>>;

/** "labour-reform" -> "LABOUR_REFORM": the form stored in the graph and exposed by the API. */
export function graphValue<S extends string>(seedValue: S): GraphForm<S> {
  return seedValue.toUpperCase().replace(/-/g, '_') as GraphForm<S>;
}

const graphForms = <S extends string>(list: readonly S[]): readonly GraphForm<S>[] => list.map(graphValue);

export const EVENT_KINDS = [
  'meeting',
  'removal',
  'demotion',
  'expulsion',
  'arrest',
  'trial',
  'sentence',
  'execution',
  'death',
  'suicide',
  'flight',
  'labour-reform',
  'rehabilitation',
  'readmission',
  'appointment',
  'founding',
  'mission',
  'military',
  'other',
] as const;
export type SeedEventKind = (typeof EVENT_KINDS)[number];
export type EventKind = GraphForm<SeedEventKind>;
export const EVENT_KIND_VALUES = graphForms(EVENT_KINDS);

export const ROLES = ['target', 'instigator', 'accuser', 'defender', 'supporter', 'speaker', 'decider', 'participant', 'envoy', 'witness'] as const;
export type SeedRole = (typeof ROLES)[number];
export type Role = GraphForm<SeedRole>;
export const ROLE_VALUES = graphForms(ROLES);

export const TIE_KINDS = ['alliance', 'patronage', 'rivalry', 'denunciation', 'comrades', 'kinship', 'protection', 'association'] as const;
export type SeedTieKind = (typeof TIE_KINDS)[number];
export type TieKind = GraphForm<SeedTieKind>;
export const TIE_KIND_VALUES = graphForms(TIE_KINDS);

/** Tie kinds whose a -> b direction means something (a denounced b, a was patron of b). */
export const DIRECTED_TIE_KINDS: readonly SeedTieKind[] = ['denunciation', 'patronage'];

/**
 * Tie kinds that set two people against each other: no guilt by association runs along them
 * (purge chains), and they hold no group together (communities). Every other kind is a bond.
 */
export const HOSTILE_TIE_KINDS: ReadonlySet<TieKind> = new Set<TieKind>(['RIVALRY', 'DENUNCIATION']);

export const LINK_TYPES = ['led-to', 'preview-of', 'reversed-by', 'part-of'] as const;
export type SeedLinkType = (typeof LINK_TYPES)[number];
export type EventLinkType = GraphForm<SeedLinkType>;
export const LINK_TYPE_VALUES = graphForms(LINK_TYPES);

export const ALIAS_SYSTEMS = ['mr', 'dprk', 'rr', 'chinese', 'russian', 'nom-de-guerre', 'other'] as const;
export type AliasSystem = (typeof ALIAS_SYSTEMS)[number];

export const SOURCE_KINDS = ['scholarly', 'official', 'partisan', 'press', 'secondary', 'editorial'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * What a source's account rests on (docs/data-model.md, "Source families"): a judgement about the
 * evidence behind it, where `kind` says what sort of text it is. Chosen from the sources the seed
 * cites, not from a wish list: add a family only with a source that needs it.
 */
export const SOURCE_FAMILIES = [
  'soviet-archives-as-read',
  'chinese-archives-as-read',
  'dprk-official',
  'western-scholarship',
  'us-official-history',
  'journalism',
  'encyclopedia',
  'editorial',
] as const;
export type SeedSourceFamily = (typeof SOURCE_FAMILIES)[number];
export type SourceFamily = GraphForm<SeedSourceFamily>;
export const SOURCE_FAMILY_VALUES = graphForms(SOURCE_FAMILIES);

export const CERTAINTIES = ['certain', 'probable', 'possible'] as const;
export type SeedCertainty = (typeof CERTAINTIES)[number];
export type Certainty = GraphForm<SeedCertainty>;
export const CERTAINTY_VALUES = graphForms(CERTAINTIES);

/** Stored as certaintyRank so a minimum-certainty filter is a comparison. */
export const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { CERTAIN: 3, PROBABLE: 2, POSSIBLE: 1 };

/** The least certain of some levels (CERTAIN for none). */
export function weakestCertainty(levels: readonly Certainty[]): Certainty {
  return levels.reduce<Certainty>((a, b) => (CERTAINTY_RANK[b] < CERTAINTY_RANK[a] ? b : a), 'CERTAIN');
}

/**
 * What a person was at a date. NOT_ATTESTED is the honest answer outside the span of the
 * person's attested facts: before the first one, and some time after the last (see status.ts).
 */
export const STATUS_KINDS = [
  'ACTIVE',
  'DEMOTED',
  'EXPELLED',
  'ARRESTED',
  'IMPRISONED',
  'LABOUR_REFORM',
  'FLED_ABROAD',
  'EXECUTED',
  'DEAD',
  'REHABILITATED',
  'NOT_ATTESTED',
] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** Event kinds that change the status of their TARGET. Other kinds (a plenum) do not by themselves. */
export const STATUS_BY_EVENT_KIND: Readonly<Partial<Record<EventKind, StatusKind>>> = {
  REMOVAL: 'DEMOTED',
  DEMOTION: 'DEMOTED',
  EXPULSION: 'EXPELLED',
  ARREST: 'ARRESTED',
  TRIAL: 'ARRESTED',
  SENTENCE: 'IMPRISONED',
  LABOUR_REFORM: 'LABOUR_REFORM',
  FLIGHT: 'FLED_ABROAD',
  EXECUTION: 'EXECUTED',
  DEATH: 'DEAD',
  SUICIDE: 'DEAD',
  REHABILITATION: 'REHABILITATED',
  READMISSION: 'REHABILITATED',
};

/** A fall: the statuses counted as purges (not a natural death, not a flight). */
export const PURGE_STATUSES: ReadonlySet<StatusKind> = new Set<StatusKind>(['DEMOTED', 'EXPELLED', 'ARRESTED', 'IMPRISONED', 'LABOUR_REFORM', 'EXECUTED']);

/** Death is final: a later (posthumous) rehabilitation does not make anyone active again. */
export const TERMINAL_STATUSES: ReadonlySet<StatusKind> = new Set<StatusKind>(['EXECUTED', 'DEAD']);

/** Statuses that take a person out of Korean politics: a membership or tie without an end stops there. */
export const DEPARTURE_STATUSES: ReadonlySet<StatusKind> = new Set<StatusKind>(['EXECUTED', 'DEAD', 'FLED_ABROAD']);

/**
 * A fall, for survival and exposure: a purge (PURGE_STATUSES) or a departure that is not a
 * natural death (DEPARTURE_STATUSES less DEAD: an execution, a flight abroad). A death from
 * other causes is no fall.
 */
export const FALL_STATUSES: ReadonlySet<StatusKind> = new Set<StatusKind>([...PURGE_STATUSES, ...[...DEPARTURE_STATUSES].filter((state) => state !== 'DEAD')]);
