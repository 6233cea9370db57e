/**
 * The client's own model of the knowledge base over time. api.ts adapts whatever the GraphQL
 * timeline returns into this shape once; every state module and the graph modules read only
 * this, so a change in the wire format touches one adapter.
 */

import type { BoundBasis, FactKind } from '../../core/attestation.js';
import type { DatePrecision } from '../../core/partial-date.js';
import type { Span } from '../../core/span.js';
import type { Evidence } from '../../core/status.js';
import type { Certainty, EventLinkType, SourceFamily, StatusKind, TieKind } from '../../core/vocabulary.js';
import type { TimelineQuery } from './graphql/generated/operations.js';

// The vocabularies and time rules are core/'s (shared with the seed and the server).
export type { Certainty, DatePrecision, EventLinkType, SourceFamily, StatusKind, TieKind };
export { CERTAINTY_RANK, SOURCE_FAMILY_VALUES as SOURCE_FAMILIES, TIE_KIND_VALUES as TIE_KINDS } from '../../core/vocabulary.js';

/** A partial date as the API gives it, plus its bounds as day numbers for fast comparison. */
export interface Moment {
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly approximate: boolean;
  /** First and last day the date may denote, as days since 1970-01-01 (UTC). */
  readonly earliest: number;
  readonly latest: number;
}

export interface Citation {
  readonly sourceId: string;
  readonly locator: string;
  readonly note: string | null;
}

/** A source as the timeline lists it (graphql/timeline.graphql), its family among them (docs/data-model.md, "Source families"). */
export type Source = TimelineQuery['sources'][number];

export interface Faction {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly parentId: string | null;
  /** When it formed as a group and ceased to act as one (null: not recorded / not within the period). */
  readonly formed: Moment | null;
  readonly dissolved: Moment | null;
}

/** A change of status as the API derives it from purge events and death dates. */
export interface StatusChange {
  readonly state: StatusKind;
  readonly date: Moment;
  readonly certainty: Certainty;
  /** Null when the change comes from the person's recorded death date. */
  readonly eventId: string | null;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly hangul: string | null;
  readonly hanja: string | null;
  readonly aliases: readonly string[];
  readonly born: Moment | null;
  readonly died: Moment | null;
  /** Ordered by date; ACTIVE before the first. */
  readonly statusChanges: readonly StatusChange[];
  /** First and last attested fact, in day numbers; null when no dated fact is recorded. */
  readonly evidence: Evidence<number> | null;
  /** What the first and last attested facts are, for the details panel. */
  readonly evidenceFacts: { readonly first: FactLabel; readonly last: FactLabel } | null;
}

export interface FactLabel {
  readonly kind: FactKind;
  readonly id: string;
  readonly label: string;
  readonly date: Moment | null;
}

/** One end of an interval: recorded, or inferred from a fact (core/attestation.ts). */
export interface BoundView {
  readonly basis: BoundBasis;
  readonly fact: FactLabel | null;
}

/** Where an interval holds (possible/certain stretches in day numbers) and what its ends rest on. */
export interface Spanned {
  readonly span: Span<number>;
  readonly start: BoundView;
  readonly end: BoundView;
}

export interface Membership extends Spanned {
  readonly id: string;
  readonly personId: string;
  readonly factionId: string;
  readonly from: Moment | null;
  readonly to: Moment | null;
  readonly certainty: Certainty;
  readonly citations: readonly Citation[];
}

export interface Tie extends Spanned {
  readonly id: string;
  readonly kind: TieKind;
  readonly sourceId: string;
  readonly targetId: string;
  readonly directed: boolean;
  readonly from: Moment | null;
  readonly to: Moment | null;
  readonly certainty: Certainty;
  readonly summary: string | null;
  readonly citations: readonly Citation[];
}

export interface Participation {
  readonly personId: string;
  readonly role: string;
  readonly citations: readonly Citation[];
}

export interface EventLink {
  readonly type: EventLinkType;
  readonly targetId: string;
}

export interface AtlasEvent {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly date: Moment;
  readonly certainty: Certainty;
  readonly summary: string | null;
  readonly participants: readonly Participation[];
  readonly links: readonly EventLink[];
  readonly citations: readonly Citation[];
}

/** Everything with its interval, fetched once, so every frame is computed locally. */
export interface Timeline {
  /** Day numbers bounding the data: the slider's range. */
  readonly start: number;
  readonly end: number;
  readonly factions: readonly Faction[];
  readonly persons: readonly Person[];
  readonly memberships: readonly Membership[];
  readonly ties: readonly Tie[];
  readonly events: readonly AtlasEvent[];
  readonly sources: readonly Source[];
}
