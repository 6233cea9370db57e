/**
 * A person's memberships as each source family records them (Person.factionsByFamily), so a
 * reader sees side by side where, say, DPRK official texts and Soviet-archive scholarship place
 * the same person in different factions; and the facts a set of families cites, for the fields
 * that filter what they return (`sourceFamilies` on Person.memberships, Event.participants...).
 * Pure: the resolver supplies each source's family.
 */
import { SOURCE_FAMILY_VALUES, type SourceFamily } from '../../../core/vocabulary.js';

export interface FamilyRecords<M> {
  readonly family: SourceFamily;
  readonly memberships: readonly M[];
}

/**
 * Each family that cites at least one of the memberships, in the vocabulary's order, with the
 * memberships its sources cite (a membership cited by two families appears under both). A
 * citation of a source without a known family counts for none.
 */
export function membershipsByFamily<M extends { readonly citations: readonly { readonly sourceId: string }[] }>(
  memberships: readonly M[],
  familyOf: (sourceId: string) => SourceFamily | undefined,
): FamilyRecords<M>[] {
  const byFamily = new Map<SourceFamily, M[]>();
  for (const membership of memberships) {
    const families = new Set(membership.citations.flatMap((citation) => familyOf(citation.sourceId) ?? []));
    for (const family of families) byFamily.set(family, [...(byFamily.get(family) ?? []), membership]);
  }
  return SOURCE_FAMILY_VALUES.flatMap((family) => {
    const records = byFamily.get(family);
    return records === undefined ? [] : [{ family, memberships: records }];
  });
}

/** True when two families name different sets of factions for the person. */
export function familiesDisagree<M extends { readonly factionId: string }>(records: readonly FamilyRecords<M>[]): boolean {
  const sets = records.map((r) => [...new Set(r.memberships.map((m) => m.factionId))].sort().join(' '));
  return new Set(sets).size > 1;
}

/**
 * The facts cited by at least one source of `families` (all of them for null), in their order: the
 * family half of the one fact rule (server/src/graphql/args.ts factFilter), for facts already in
 * hand rather than in Cypher. A citation of a source without a known family counts for none.
 */
export function citedByFamilies<F extends { readonly citations: readonly { readonly sourceId: string }[] }>(
  facts: readonly F[],
  families: readonly SourceFamily[] | null,
  familyOf: (sourceId: string) => SourceFamily | undefined,
): readonly F[] {
  if (families === null) return facts;
  const wanted = new Set(families);
  return facts.filter((fact) =>
    fact.citations.some((citation) => {
      const family = familyOf(citation.sourceId);
      return family !== undefined && wanted.has(family);
    }),
  );
}
