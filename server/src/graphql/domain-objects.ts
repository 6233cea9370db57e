/**
 * What resolvers pass around: plain domain objects built from Cypher projections (see
 * mapping.ts). Optional fields are filled when the parent query fetched them; when absent, field
 * resolvers fetch them through the per-request batch loaders (loaders.ts), never one by one.
 */
import type { Bound, FactRef } from '../../../core/attestation.js';
import type { PartialDate } from '../../../core/partial-date.js';
import type { Span } from '../../../core/span.js';
import type { StatusBasis, StatusChange } from '../../../core/status.js';
import type { Certainty, SourceFamily, StatusKind } from '../../../core/vocabulary.js';
import type { CappedGraph } from '../db/console.js';

export type DateModel = PartialDate;
export type BoundModel = Bound;
export type SpanModel = Span<string>;

/** An interval's inferred span and the basis of each end (core/attestation.ts). */
export interface SpanFields {
  readonly span: Span<string>;
  readonly start: Bound;
  readonly end: Bound;
}

export interface AttestedFactModel {
  readonly date: DateModel;
  readonly fact: FactRef;
}

/** The first and last dated fact about a person, and the last day a status is carried after it. */
export interface EvidenceModel {
  readonly first: AttestedFactModel;
  readonly last: AttestedFactModel;
  readonly fadesAfter: string;
}

export interface LifespanClaimModel {
  readonly date: DateModel;
  readonly certainty: Certainty;
  readonly citations: readonly CitationModel[];
}

export interface LifespanModel {
  readonly formed: LifespanClaimModel | null;
  readonly dissolved: LifespanClaimModel | null;
}

export interface CitationModel {
  readonly sourceId: string;
  readonly locator: string;
  readonly note: string | null;
}

export interface SourceModel {
  readonly id: string;
  readonly title: string;
  readonly author: string | null;
  readonly year: number | null;
  readonly publication: string | null;
  readonly kind: string | null;
  readonly family: SourceFamily;
}

export interface PersonModel {
  readonly id: string;
  readonly name: string;
  readonly hangul: string | null;
  readonly hanja: string | null;
  readonly aliases: readonly string[];
  readonly born: DateModel | null;
  readonly died: DateModel | null;
  readonly diedCertainty: Certainty;
  readonly summary: string | null;
  readonly disambiguation: string | null;
  readonly citations: readonly CitationModel[];
  /** Null when no dated fact attests the person. */
  readonly evidence: EvidenceModel | null;
  readonly details?: PersonDetails;
  /** TARGET events, when the query fetched them without the full details (network, timeline). */
  readonly targets?: readonly EventModel[];
}

/**
 * The collections the loading query fetched (persons-full with a projection, see
 * person-projection.ts). An absent one was not asked for: resolvers/fetch.ts loads it in full.
 */
export interface PersonDetails {
  readonly memberships?: readonly MembershipModel[];
  readonly offices?: readonly OfficeModel[];
  readonly participations?: readonly ParticipationModel[];
  readonly ties?: readonly TieModel[];
}

export interface FactionModel {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly parentId: string | null;
  readonly citations: readonly CitationModel[];
  readonly lifespan: LifespanModel;
  readonly subgroupIds?: readonly string[];
}

export interface MembershipModel extends SpanFields {
  readonly id: string;
  readonly personId: string;
  readonly factionId: string;
  readonly person?: PersonModel;
  readonly faction?: FactionModel;
  readonly from: DateModel | null;
  readonly to: DateModel | null;
  readonly certainty: Certainty;
  readonly citations: readonly CitationModel[];
}

/** Person.factionsByFamily: the memberships one source family cites (server/src/domain/source-families.ts). */
export interface FamilyMembershipsModel {
  readonly family: SourceFamily;
  readonly memberships: readonly MembershipModel[];
}

export interface OfficeModel extends SpanFields {
  readonly id: string;
  readonly title: string;
  readonly from: DateModel | null;
  readonly to: DateModel | null;
  readonly certainty: Certainty;
  readonly citations: readonly CitationModel[];
}

export interface EventModel {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly date: DateModel;
  readonly place: string | null;
  readonly summary: string | null;
  readonly certainty: Certainty;
  readonly citations: readonly CitationModel[];
  readonly participants?: readonly ParticipationModel[];
  readonly links?: readonly EventLinkModel[];
  /** The events that reversed this one (REVERSED_BY), when the query fetched them for the status rule. */
  readonly reversedBy?: readonly { readonly eventId: string; readonly date: DateModel; readonly certainty: Certainty; readonly event: EventModel }[];
  readonly linkedFrom?: readonly EventLinkModel[];
}

export interface EventLinkModel {
  readonly type: string;
  readonly fromId: string;
  readonly toId: string;
  /** The event at the other end, when fetched. */
  readonly other?: EventModel;
  readonly citations: readonly CitationModel[];
}

export interface ParticipationModel {
  readonly personId: string;
  readonly eventId: string;
  readonly role: string;
  readonly person?: PersonModel;
  readonly event?: EventModel;
  readonly citations: readonly CitationModel[];
}

export interface TieModel extends SpanFields {
  readonly id: string;
  readonly kind: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly source?: PersonModel;
  readonly target?: PersonModel;
  /** The ends' names, when the query fetched them without the ends (Tie.source answers { id name } from these). */
  readonly sourceName?: string;
  readonly targetName?: string;
  readonly directed: boolean;
  readonly from: DateModel | null;
  readonly to: DateModel | null;
  readonly certainty: Certainty;
  readonly summary: string | null;
  readonly citations: readonly CitationModel[];
}

export interface StatusModel {
  readonly at: string;
  readonly state: StatusKind;
  readonly certain: boolean;
  readonly otherwise: StatusKind | null;
  readonly change: StatusChangeModel | null;
  readonly lastKnown: StatusKind;
  readonly basis: StatusBasis;
  readonly inferred: boolean;
  readonly evidence: EvidenceModel | null;
}

export interface StatusChangeModel extends StatusChange<string, DateModel> {
  readonly event?: EventModel;
}

export interface SearchMatchModel {
  readonly person: PersonModel;
  readonly score: number;
  readonly matched: string;
  readonly how: string;
}

/**
 * What placing a person in a faction at a date reads of a membership (core/span.ts placeAt).
 * network fetches only this much when its answer does not select `memberships`.
 */
export interface PlacementModel {
  readonly id: string;
  readonly factionId: string;
  readonly faction?: FactionModel;
  readonly certainty: Certainty;
  readonly span: SpanFields['span'];
}

export interface NetworkPersonModel {
  readonly person: PersonModel;
  readonly status: StatusModel;
  readonly faction: FactionModel | null;
  /** null when the operation did not select `memberships` (only placements were fetched). */
  readonly memberships: readonly MembershipModel[] | null;
}

export interface NetworkModel {
  readonly at: string;
  readonly windowFrom: string;
  readonly windowTo: string;
  readonly persons: readonly NetworkPersonModel[];
  readonly factions: readonly FactionModel[];
  readonly ties: readonly TieModel[];
  readonly events: readonly EventModel[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

export interface TimelinePersonModel {
  readonly person: PersonModel;
  readonly statusChanges: readonly StatusChangeModel[];
  readonly memberships: readonly MembershipModel[];
}

export interface TimelineModel {
  readonly from: string;
  readonly to: string;
  readonly persons: readonly TimelinePersonModel[];
  readonly factions: readonly FactionModel[];
  readonly ties: readonly TieModel[];
  readonly events: readonly EventModel[];
}

export interface ChainNodeModel {
  readonly person: PersonModel;
  readonly event: EventModel;
  readonly role: string;
}

export interface ChainStepModel {
  readonly kind: 'EVENT_LINK' | 'ACCUSATION' | 'ASSOCIATION';
  readonly from: ChainNodeModel;
  readonly to: ChainNodeModel;
  readonly linkType: string | null;
  readonly tie: TieModel | null;
  readonly date: DateModel;
  readonly gapDays: number;
  readonly certainty: Certainty;
  readonly weight: number;
  readonly citations: readonly CitationModel[];
}

export interface ChainPathModel {
  readonly rank: number;
  readonly score: number;
  readonly steps: readonly ChainStepModel[];
  readonly persons: readonly PersonModel[];
  readonly from: DateModel;
  readonly to: DateModel;
}

export interface PurgerPurgedModel {
  readonly person: PersonModel;
  readonly acts: readonly ParticipationModel[];
  readonly fall: ParticipationModel;
}

export interface ConnectionModel {
  readonly at: string;
  readonly persons: readonly PersonModel[];
  readonly ties: readonly TieModel[];
  readonly hops: number;
}

export type CypherResultModel = CappedGraph;

/** Analysis answers carry ids; field resolvers fetch the persons and factions (batched). */
export interface PersonScoreModel {
  readonly personId: string;
  /** Answers `person { id name }` without fetching the person. */
  readonly name: string;
  readonly score: number;
  readonly rank: number;
}

export interface FactionCountModel {
  readonly factionId: string;
  readonly count: number;
}

export interface CommunityModel {
  readonly id: string;
  readonly memberIds: readonly string[];
  /** Names by member id: `members { id name }` needs no fetch. */
  readonly names: ReadonlyMap<string, string>;
  readonly factions: readonly FactionCountModel[];
}

export interface SurvivalCurveModel {
  readonly factionId: string;
  readonly points: readonly { readonly date: string; readonly atRisk: number; readonly fallen: number; readonly censored: number; readonly survival: number }[];
}

export interface ExposureModel {
  readonly person: PersonModel;
  readonly fall: EventModel | null;
  readonly fallState: StatusKind | null;
  readonly share: number;
  readonly ties: readonly TieModel[];
  readonly activeTies: readonly TieModel[];
}
