/**
 * Seed-side constants that are not vocabularies (those live in core/vocabulary.ts): the id
 * pattern, and the labels and relationship types the curated seed owns.
 */

/** Ids are lower-case ASCII slugs; see "Identifiers" in docs/seed-format.md. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Node labels and relationship types the curated seed owns (and may delete when stale). */
export const CURATED_LABELS = ['Source', 'Faction', 'Person', 'Office', 'Event'] as const;
export const CURATED_RELATIONSHIPS = ['MEMBER_OF', 'SUBGROUP_OF', 'HELD', 'PARTICIPATED_IN', 'LED_TO', 'PREVIEW_OF', 'REVERSED_BY', 'PART_OF', 'TIE'] as const;
