/**
 * Which parts of cypher/queries/persons-full a `person` selection reads, so the root field asks
 * Neo4j for those only (the query takes the answer as boolean parameters). A projection leaves
 * out whole collections, never single fields of what it returns, so a model built from it is
 * either complete for a part or marks it absent (PersonDetails), and the field resolvers load
 * what is absent in full (resolvers/fetch.ts) rather than ever serving a partial answer.
 */
import type { FieldNode } from 'graphql';
import { subfields, selectsOnlyFields, type Fragments } from './resolvers/selection.js';

export interface PersonProjection {
  readonly memberships: boolean;
  readonly offices: boolean;
  /** Participations with their events (status and statusChanges are computed from these). */
  readonly participations: boolean;
  readonly ties: boolean;
  /** Full person maps at both ends of every tie; false: each end's id and name only. */
  readonly tieEnds: boolean;
}

/** Everything: what nested lookups (the persons batch loader) use. */
export const FULL_PERSON: PersonProjection = { memberships: true, offices: true, participations: true, ties: true, tieEnds: true };

/** The fields of a tie end that its id and name alone answer. */
export const THIN_END_FIELDS: readonly string[] = ['id', 'name'];

/** A stable name for the projection (loaders are kept per projection). */
export function projectionKey(p: PersonProjection): string {
  return [p.memberships, p.offices, p.participations, p.ties, p.tieEnds].map((on) => (on ? '1' : '0')).join('');
}

export function isFull(p: PersonProjection): boolean {
  return p.memberships && p.offices && p.participations && p.ties && p.tieEnds;
}

/** The parameters of queries/persons-full for these ids and this projection. */
export function personsFullParams(ids: readonly string[], p: PersonProjection) {
  return {
    ids: [...ids],
    withMemberships: p.memberships,
    withOffices: p.offices,
    withParticipations: p.participations,
    withTies: p.ties,
    withTieEnds: p.ties && p.tieEnds,
  };
}

/**
 * What the selection `nodes` of a Person field needs. The person under one of its own
 * participations or memberships is the same person (the loader attaches it, mapping.ts), so
 * those selections count as the person's own.
 */
export function personProjection(fragments: Fragments, nodes: readonly FieldNode[]): PersonProjection {
  const own: FieldNode[] = [];
  let pending: readonly FieldNode[] = nodes;
  while (pending.length > 0) {
    own.push(...pending);
    const fields = subfields(fragments, pending);
    pending = ['participations', 'memberships'].flatMap((name) => subfields(fragments, fields.get(name) ?? []).get('person') ?? []);
  }
  const fields = subfields(fragments, own);
  const ties = fields.get('ties') ?? [];
  const tieFields = subfields(fragments, ties);
  const thinEnd = (end: string): boolean => selectsOnlyFields(fragments, tieFields.get(end) ?? [], THIN_END_FIELDS);
  return {
    memberships: fields.has('memberships'),
    offices: fields.has('offices'),
    participations: fields.has('participations') || fields.has('status') || fields.has('statusChanges'),
    ties: ties.length > 0,
    tieEnds: ties.length > 0 && !(thinEnd('source') && thinEnd('target')),
  };
}
