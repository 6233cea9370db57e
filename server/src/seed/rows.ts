/**
 * Rows for the bulk-write queries in cypher/seed/. The curated loader (dataset-to-rows.ts) and the
 * synthetic generator (synthetic.ts) both produce these, so both graphs have the same shape.
 */
import type { PartialDate } from '../../../core/partial-date.js';

export type PropertyValue = string | number | boolean | null | string[];

/**
 * `props` are set as they are; `dates` holds the `<prefix>Earliest/Latest` days as ISO strings,
 * which the queries turn into Neo4j dates (a parameter cannot carry a date type by itself).
 */
export interface NodeRow {
  readonly id: string;
  readonly props: Record<string, PropertyValue>;
  readonly dates: Record<string, string | null>;
}

export interface RelationshipRow extends NodeRow {
  /** Id of the start node. */
  readonly from: string;
  /** Id of the end node. */
  readonly to: string;
}

export interface GraphRows {
  readonly sources: NodeRow[];
  readonly factions: NodeRow[];
  readonly persons: NodeRow[];
  readonly offices: NodeRow[];
  readonly events: NodeRow[];
  readonly subgroups: RelationshipRow[];
  readonly memberships: RelationshipRow[];
  readonly held: RelationshipRow[];
  readonly participations: RelationshipRow[];
  readonly ledTo: RelationshipRow[];
  readonly previewOf: RelationshipRow[];
  readonly reversedBy: RelationshipRow[];
  readonly partOf: RelationshipRow[];
  readonly ties: RelationshipRow[];
}

export type NodeKey = 'sources' | 'factions' | 'persons' | 'offices' | 'events';

export interface WriteStep {
  readonly key: keyof GraphRows;
  /** Named query under cypher/. */
  readonly query: string;
  readonly label: string;
}

/** Nodes first (relationships MATCH their ends), in this order. */
export const WRITE_STEPS: readonly WriteStep[] = [
  { key: 'sources', query: 'seed/upsert-sources', label: 'Source' },
  { key: 'factions', query: 'seed/upsert-factions', label: 'Faction' },
  { key: 'persons', query: 'seed/upsert-persons', label: 'Person' },
  { key: 'offices', query: 'seed/upsert-offices', label: 'Office' },
  { key: 'events', query: 'seed/upsert-events', label: 'Event' },
  { key: 'subgroups', query: 'seed/upsert-subgroups', label: 'SUBGROUP_OF' },
  { key: 'memberships', query: 'seed/upsert-memberships', label: 'MEMBER_OF' },
  { key: 'held', query: 'seed/upsert-held', label: 'HELD' },
  { key: 'participations', query: 'seed/upsert-participations', label: 'PARTICIPATED_IN' },
  { key: 'ledTo', query: 'seed/upsert-led-to', label: 'LED_TO' },
  { key: 'previewOf', query: 'seed/upsert-preview-of', label: 'PREVIEW_OF' },
  { key: 'reversedBy', query: 'seed/upsert-reversed-by', label: 'REVERSED_BY' },
  { key: 'partOf', query: 'seed/upsert-part-of', label: 'PART_OF' },
  { key: 'ties', query: 'seed/upsert-ties', label: 'TIE' },
];

export function emptyRows(): GraphRows {
  return {
    sources: [],
    factions: [],
    persons: [],
    offices: [],
    events: [],
    subgroups: [],
    memberships: [],
    held: [],
    participations: [],
    ledTo: [],
    previewOf: [],
    reversedBy: [],
    partOf: [],
    ties: [],
  };
}

/** The five properties of a partial date under `prefix` (docs/data-model.md), split into props and dates. */
export function dateFields(prefix: string, date: PartialDate | null, props: Record<string, PropertyValue>, dates: Record<string, string | null>): void {
  props[`${prefix}Iso`] = date?.iso ?? null;
  props[`${prefix}Precision`] = date?.precision ?? null;
  props[`${prefix}Approx`] = date === null ? null : date.approximate;
  dates[`${prefix}Earliest`] = date?.earliest ?? null;
  dates[`${prefix}Latest`] = date?.latest ?? null;
}

export function countRows(rows: GraphRows): number {
  return WRITE_STEPS.reduce((sum, step) => sum + rows[step.key].length, 0);
}
