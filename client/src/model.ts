/**
 * The client's own model of the knowledge base over time. api.ts adapts whatever the GraphQL
 * timeline returns into this shape once; every state module and the graph modules read only
 * this, so a change in the wire format touches one adapter.
 */

export type Certainty = 'CERTAIN' | 'PROBABLE' | 'POSSIBLE';
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

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

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly author: string | null;
  readonly year: number | null;
}

export interface Faction {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly parentId: string | null;
}

export type StatusKind =
  | 'ACTIVE'
  | 'DEMOTED'
  | 'EXPELLED'
  | 'ARRESTED'
  | 'IMPRISONED'
  | 'LABOUR_REFORM'
  | 'FLED_ABROAD'
  | 'EXECUTED'
  | 'DEAD'
  | 'REHABILITATED';

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
}

export interface Membership {
  readonly id: string;
  readonly personId: string;
  readonly factionId: string;
  readonly from: Moment | null;
  readonly to: Moment | null;
  readonly certainty: Certainty;
  readonly citations: readonly Citation[];
}

export type TieKind =
  | 'ALLIANCE'
  | 'PATRONAGE'
  | 'RIVALRY'
  | 'DENUNCIATION'
  | 'COMRADES'
  | 'KINSHIP'
  | 'PROTECTION'
  | 'ASSOCIATION';

export interface Tie {
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

export type EventLinkType = 'LED_TO' | 'PREVIEW_OF' | 'REVERSED_BY' | 'PART_OF';

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

export const TIE_KINDS: readonly TieKind[] = [
  'ALLIANCE',
  'PATRONAGE',
  'RIVALRY',
  'DENUNCIATION',
  'COMRADES',
  'KINSHIP',
  'PROTECTION',
  'ASSOCIATION',
];

export const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { CERTAIN: 3, PROBABLE: 2, POSSIBLE: 1 };
