/**
 * The controlled vocabularies of the seed format (docs/seed-format.md), exactly as the seed
 * files write them. The API maps each to a GraphQL enum; the graph stores them upper-case with
 * hyphens turned into underscores (see `graphValue`).
 */

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
export type EventKind = (typeof EVENT_KINDS)[number];

export const ROLES = [
  'target',
  'instigator',
  'accuser',
  'defender',
  'supporter',
  'speaker',
  'decider',
  'participant',
  'envoy',
  'witness',
] as const;
export type Role = (typeof ROLES)[number];

export const TIE_KINDS = [
  'alliance',
  'patronage',
  'rivalry',
  'denunciation',
  'comrades',
  'kinship',
  'protection',
  'association',
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** Tie kinds whose a -> b direction means something (a denounced b, a was patron of b). */
export const DIRECTED_TIE_KINDS: readonly TieKind[] = ['denunciation', 'patronage'];

export const ALIAS_SYSTEMS = ['mr', 'dprk', 'rr', 'chinese', 'russian', 'nom-de-guerre', 'other'] as const;
export type AliasSystem = (typeof ALIAS_SYSTEMS)[number];

export const LINK_TYPES = ['led-to', 'preview-of', 'reversed-by', 'part-of'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const CERTAINTIES = ['certain', 'probable', 'possible'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** Stored as certaintyRank so a minimum-certainty filter is a comparison. */
export const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { certain: 3, probable: 2, possible: 1 };

export const SOURCE_KINDS = ['scholarly', 'official', 'partisan', 'press', 'secondary', 'editorial'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** "labour-reform" -> "LABOUR_REFORM": the form stored in the graph and exposed by the API. */
export function graphValue(seedValue: string): string {
  return seedValue.toUpperCase().replace(/-/g, '_');
}

/** Ids are lower-case ASCII slugs; see "Identifiers" in docs/seed-format.md. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Node labels and relationship types the curated seed owns (and may delete when stale). */
export const CURATED_LABELS = ['Source', 'Faction', 'Person', 'Office', 'Event'] as const;
export const CURATED_RELATIONSHIPS = [
  'MEMBER_OF',
  'SUBGROUP_OF',
  'HELD',
  'PARTICIPATED_IN',
  'LED_TO',
  'PREVIEW_OF',
  'REVERSED_BY',
  'PART_OF',
  'TIE',
] as const;
