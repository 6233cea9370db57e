/**
 * All GraphQL traffic goes through here: one request function, and adapters from the wire shapes
 * to the client's model. Nothing else calls fetch.
 *
 * The operations live in client/src/graphql/*.graphql; `npm run codegen` types them from
 * server/schema.graphql into graphql/generated/operations.ts (XDocument to send, XQuery and
 * XQueryVariables for its answer and arguments), so a wire shape is never written by hand here.
 */
import type { ChainPath, ChainStep } from './state/chain.js';
import { RANKING_LIMIT, type CommunityAnswer, type Measure, type ScoreAnswer, type SurvivalCurve } from './state/analysis.js';
import { dayOf } from '../../core/partial-date.js';
import type { Span } from '../../core/span.js';
import type {
  AtlasEvent,
  BoundView,
  FactLabel,
  Spanned,
  Certainty,
  Citation,
  EventLinkType,
  Moment,
  Person,
  SourceFamily,
  StatusKind,
  TieKind,
  Timeline,
} from './timeline-types.js';
import {
  CentralityDocument,
  ChainDocument,
  CommunitiesDocument,
  CypherDocument,
  EventPanelDocument,
  PersonDocument,
  SearchDocument,
  SurvivalDocument,
  TimelineDocument,
  type BoundPartsFragment,
  type ChainNodePartsFragment,
  type CitationPartsFragment,
  type CypherQuery,
  type DatePartsFragment,
  type EvidencePartsFragment,
  type SpanPartsFragment,
  type TimelineQuery,
  type TypedDocumentString,
} from './graphql/generated/operations.js';

/** A failed request, with the API's error code when it gave one (NOT_FOUND, QUERY_REJECTED...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}

/** Sends one generated document; its result type comes with it. */
export async function request<T, V>(document: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('The server cannot be reached. Is it running?', 'NETWORK', true);
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL response.`, 'HTTP', response.status >= 500);
  }
  const first = body.errors?.[0];
  if (first !== undefined) {
    throw new ApiError(first.message, first.extensions?.code ?? 'ERROR', first.extensions?.retryable === true);
  }
  if (body.data === undefined || body.data === null) throw new ApiError('The server returned no data.', 'EMPTY', false);
  return body.data;
}

// ---- shared fragments (graphql/fragments.graphql) -------------------------------------------

export function moment(d: DatePartsFragment): Moment {
  return { iso: d.iso, precision: d.precision, approximate: d.approximate, earliest: dayOf(d.earliest), latest: dayOf(d.latest) };
}
const optMoment = (d: DatePartsFragment | null | undefined): Moment | null => (d === null || d === undefined ? null : moment(d));

// ---- the time model's answers (core/attestation.ts, core/status.ts) ------------------------

const stretch = (from: string | null, to: string | null): { earliest: number; latest: number } | null =>
  from === null || to === null ? null : { earliest: dayOf(from), latest: dayOf(to) };

const bound = (b: BoundPartsFragment): BoundView => ({ basis: b.basis, fact: b.fact === null ? null : { ...b.fact, date: optMoment(b.date) } });

/** What Membership, Office and Tie selections share: `span { ...SpanParts } start { ...BoundParts } end { ...BoundParts }`. */
interface WireSpanned {
  readonly span: SpanPartsFragment;
  readonly start: BoundPartsFragment;
  readonly end: BoundPartsFragment;
}

export function spanned(w: WireSpanned): { span: Span<number>; start: BoundView; end: BoundView } {
  return {
    span: { possible: stretch(w.span.possibleFrom, w.span.possibleTo), certain: stretch(w.span.certainFrom, w.span.certainTo) },
    start: bound(w.start),
    end: bound(w.end),
  };
}

function evidence(w: EvidencePartsFragment | null): Pick<Person, 'evidence' | 'evidenceFacts'> {
  if (w === null) return { evidence: null, evidenceFacts: null };
  const first = moment(w.first.date);
  const last = moment(w.last.date);
  return {
    evidence: { first, last, fadesAfter: dayOf(w.fadesAfter) },
    evidenceFacts: { first: { ...w.first.fact, date: first }, last: { ...w.last.fact, date: last } } satisfies { first: FactLabel; last: FactLabel },
  };
}
export const citation = (c: CitationPartsFragment): Citation => ({ sourceId: c.source.id, locator: c.locator, note: c.note });
const citations = (list: readonly CitationPartsFragment[]): Citation[] => list.map(citation);

// ---- timeline ----------------------------------------------------------------------------

export function adaptTimeline(wire: TimelineQuery): Timeline {
  const t = wire.timeline;
  const persons: Person[] = t.persons.map((p) => ({
    ...p.person,
    born: optMoment(p.born),
    died: optMoment(p.died),
    statusChanges: p.statusChanges.map((c) => ({ state: c.state, certainty: c.certainty, date: moment(c.date), eventId: c.event?.id ?? null })),
    ...evidence(p.evidence),
  }));
  const memberships = t.persons.flatMap((p) =>
    p.memberships.map((m) => ({
      id: m.id,
      personId: p.person.id,
      factionId: m.faction.id,
      from: optMoment(m.from),
      to: optMoment(m.to),
      ...spanned(m),
      certainty: m.certainty,
      citations: citations(m.citations),
    })),
  );
  const events: AtlasEvent[] = t.events.map((e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    certainty: e.certainty,
    summary: e.summary,
    date: moment(e.date),
    participants: e.participants.map((p) => ({ personId: p.person.id, role: p.role, citations: [] })),
    links: e.links.map((l) => ({ type: l.type, targetId: l.to.id })),
    citations: citations(e.citations),
  }));
  return {
    start: dayOf(t.from),
    end: dayOf(t.to),
    factions: t.factions.map((f) => ({
      id: f.id,
      name: f.name,
      aliases: f.aliases,
      parentId: f.parent?.id ?? null,
      formed: optMoment(f.lifespan.formed?.date),
      dissolved: optMoment(f.lifespan.dissolved?.date),
    })),
    persons,
    memberships,
    ties: t.ties.map((x) => ({
      id: x.id,
      kind: x.kind,
      sourceId: x.source.id,
      targetId: x.target.id,
      directed: x.directed,
      certainty: x.certainty,
      summary: x.summary,
      from: optMoment(x.from),
      to: optMoment(x.to),
      ...spanned(x),
      citations: citations(x.citations),
    })),
    events,
    sources: wire.sources,
  };
}

export async function fetchTimeline(): Promise<Timeline> {
  return adaptTimeline(await request(TimelineDocument, {}));
}

// ---- search ------------------------------------------------------------------------------

export interface SearchHit {
  readonly id: string;
  readonly name: string;
  readonly hangul: string | null;
  readonly hanja: string | null;
  /** The name form that matched, when it is not the preferred name. */
  readonly matched: string;
  readonly score: number;
}

export async function search(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await request(SearchDocument, { text, limit: 10 }, signal);
  return data.searchMatches.map((m) => ({ ...m.person, matched: m.matched, score: m.score }));
}

// ---- person details ----------------------------------------------------------------------

export interface DatedFact extends Spanned {
  readonly from: Moment | null;
  readonly to: Moment | null;
  readonly certainty: Certainty;
  readonly citations: readonly Citation[];
}

export interface PersonDetails {
  readonly id: string;
  readonly name: string;
  readonly hangul: string | null;
  readonly hanja: string | null;
  readonly aliases: readonly string[];
  readonly summary: string | null;
  readonly disambiguation: string | null;
  readonly born: Moment | null;
  readonly died: Moment | null;
  readonly citations: readonly Citation[];
  readonly memberships: readonly (DatedFact & { readonly factionId: string; readonly factionName: string })[];
  readonly offices: readonly (DatedFact & { readonly title: string })[];
  readonly ties: readonly (DatedFact & {
    readonly id: string;
    readonly kind: TieKind;
    readonly directed: boolean;
    readonly other: { readonly id: string; readonly name: string };
    /** True when this person is the tie's source (the one who denounces or patronises). */
    readonly outgoing: boolean;
    readonly summary: string | null;
  })[];
  readonly events: readonly {
    readonly id: string;
    readonly kind: string;
    readonly title: string;
    readonly date: Moment;
    readonly certainty: Certainty;
    readonly role: string;
    readonly summary: string | null;
    readonly citations: readonly Citation[];
  }[];
  readonly statusChanges: readonly { readonly state: StatusKind; readonly date: Moment; readonly certainty: Certainty; readonly eventTitle: string | null }[];
  readonly evidence: Person['evidence'];
  readonly evidenceFacts: Person['evidenceFacts'];
  /** Guilt by association at the first fall (Query.exposure); null fall: none recorded. */
  readonly exposure: PersonExposure;
  /** The factions each source family gives (Person.factionsByFamily), side by side. */
  readonly factionsByFamily: readonly { readonly family: SourceFamily; readonly factions: readonly { readonly id: string; readonly name: string }[] }[];
  /** True when two families place the person in different factions. */
  readonly factionsDisagree: boolean;
}

export interface PersonExposure {
  readonly fall: { readonly title: string; readonly date: Moment } | null;
  readonly share: number;
  /** The people at the other end of the exposed ties (who had already fallen). */
  readonly fallenFirst: readonly { readonly id: string; readonly name: string }[];
  /** Ties active at the fall. */
  readonly activeTies: number;
}

/** What every dated fact selects beside its own fields. */
interface WireFact extends WireSpanned {
  readonly certainty: Certainty;
  readonly from: DatePartsFragment | null;
  readonly to: DatePartsFragment | null;
  readonly citations: readonly CitationPartsFragment[];
}

const fact = (f: WireFact): DatedFact => ({
  from: optMoment(f.from),
  to: optMoment(f.to),
  ...spanned(f),
  certainty: f.certainty,
  citations: citations(f.citations),
});

/** The filter's ticked families as the API's `sourceFamilies`: none ticked means every family (null). */
const familiesArg = (families: readonly SourceFamily[]): SourceFamily[] | null => (families.length === 0 ? null : [...families]);

/** The person's panel under the filter's source families (none ticked: every family). */
export async function fetchPerson(id: string, families: readonly SourceFamily[], signal?: AbortSignal): Promise<PersonDetails> {
  const { person: p, exposure: x } = await request(PersonDocument, { id, families: familiesArg(families) }, signal);
  if (p === null || x === null) throw new ApiError(`No person has the id "${id}".`, 'NOT_FOUND', false);
  return {
    id: p.id,
    name: p.name,
    hangul: p.hangul,
    hanja: p.hanja,
    aliases: p.aliases,
    summary: p.summary,
    disambiguation: p.disambiguation,
    born: optMoment(p.born),
    died: optMoment(p.died),
    citations: citations(p.citations),
    ...evidence(p.evidence),
    memberships: p.memberships.map((m) => ({ ...fact(m), factionId: m.faction.id, factionName: m.faction.name })),
    offices: p.offices.map((o) => ({ ...fact(o), title: o.title })),
    ties: p.ties.map((t) => {
      const outgoing = t.source.id === p.id;
      return { ...fact(t), id: t.id, kind: t.kind, directed: t.directed, summary: t.summary, outgoing, other: outgoing ? t.target : t.source };
    }),
    events: p.participations.map((x) => ({
      id: x.event.id,
      kind: x.event.kind,
      title: x.event.title,
      date: moment(x.event.date),
      certainty: x.event.certainty,
      role: x.role,
      summary: x.event.summary,
      citations: citations(x.event.citations),
    })),
    statusChanges: p.statusChanges.map((c) => ({ state: c.state, certainty: c.certainty, date: moment(c.date), eventTitle: c.event?.title ?? null })),
    factionsByFamily: p.factionsByFamily,
    factionsDisagree: p.factionsDisagree,
    exposure: {
      fall: x.fall === null ? null : { title: x.fall.title, date: moment(x.fall.date) },
      share: x.share,
      fallenFirst: x.ties.map((t) => (t.source.id === p.id ? t.target : t.source)),
      activeTies: x.activeTies.length,
    },
  };
}

// ---- purge chains ------------------------------------------------------------------------

const end = (e: ChainNodePartsFragment) => ({ personId: e.person.id, personName: e.person.name, eventId: e.event.id, eventTitle: e.event.title, role: e.role });

export async function fetchChain(personId: string, families: readonly SourceFamily[], signal?: AbortSignal): Promise<ChainPath[]> {
  const data = await request(ChainDocument, { id: personId, families: familiesArg(families) }, signal);
  return data.purgeChain.map((p) => ({
    rank: p.rank,
    score: p.score,
    weakestCertainty: p.weakestCertainty,
    holdsWithCertainOnly: p.holdsWithCertainOnly,
    from: moment(p.from),
    to: moment(p.to),
    personIds: p.persons.map((x) => x.id),
    steps: p.steps.map((s): ChainStep => ({
      kind: s.kind,
      linkType: s.linkType,
      certainty: s.certainty,
      tieId: s.tie?.id ?? null,
      date: moment(s.date),
      from: end(s.from),
      to: end(s.to),
      citations: citations(s.citations),
    })),
  }));
}

// ---- analysis at a date (docs/analysis.md) ----------------------------------------------

/** Every person of the network at `at`, ranked (at most the API's largest ranking). */
export async function fetchCentrality(
  at: string,
  measure: Measure,
  minCertainty: Certainty,
  families: readonly SourceFamily[],
  signal?: AbortSignal,
): Promise<ScoreAnswer> {
  const data = await request(CentralityDocument, { at, measure, min: minCertainty, families: familiesArg(families), limit: RANKING_LIMIT }, signal);
  return { at, measure, minCertainty, scores: data.centrality.map((x) => ({ personId: x.person.id, score: x.score, rank: x.rank })), limit: RANKING_LIMIT };
}

export async function fetchCommunities(at: string, minCertainty: Certainty, families: readonly SourceFamily[], signal?: AbortSignal): Promise<CommunityAnswer> {
  const data = await request(CommunitiesDocument, { at, min: minCertainty, families: familiesArg(families) }, signal);
  const r = data.communities;
  return {
    at,
    minCertainty,
    agreement: r.agreement,
    method: r.method,
    communities: r.communities.map((c) => ({
      id: c.id,
      memberIds: c.members.map((m) => m.id),
      factions: c.factions.map((f) => ({ factionId: f.faction.id, name: f.faction.name, count: f.count })),
    })),
  };
}

export async function fetchSurvival(
  factionIds: readonly string[],
  minCertainty: Certainty,
  families: readonly SourceFamily[],
  signal?: AbortSignal,
): Promise<SurvivalCurve[]> {
  const data = await request(SurvivalDocument, { factions: [...factionIds], min: minCertainty, families: familiesArg(families) }, signal);
  return data.survival.map((c) => ({
    factionId: c.faction.id,
    factionName: c.faction.name,
    points: c.points.map((p) => ({ day: dayOf(p.date), date: p.date, atRisk: p.atRisk, fallen: p.fallen, censored: p.censored, survival: p.survival })),
  }));
}

// ---- Cypher console ----------------------------------------------------------------------

/** The console's answer as the API gives it: rows and property values are JSON (unknown). */
export type CypherResult = CypherQuery['cypher'];

export async function runCypher(query: string, signal?: AbortSignal): Promise<CypherResult> {
  return (await request(CypherDocument, { query }, signal)).cypher;
}

// ---- one event, for the event panel --------------------------------------------------------

export interface EventRef {
  readonly id: string;
  readonly title: string;
  readonly date: Moment;
}

export interface EventDetails {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly place: string | null;
  readonly summary: string | null;
  readonly certainty: Certainty;
  readonly date: Moment;
  readonly participants: readonly {
    readonly role: string;
    readonly personId: string;
    readonly name: string;
    readonly hangul: string | null;
    readonly citations: readonly Citation[];
  }[];
  /** Links out of this event (it led to, previews, is reversed by, is part of...). */
  readonly links: readonly { readonly type: EventLinkType; readonly event: EventRef; readonly citations: readonly Citation[] }[];
  /** Links into this event. */
  readonly linkedFrom: readonly { readonly type: EventLinkType; readonly event: EventRef; readonly citations: readonly Citation[] }[];
  readonly citations: readonly Citation[];
}

const eventRef = (e: { readonly id: string; readonly title: string; readonly date: DatePartsFragment }): EventRef => ({
  id: e.id,
  title: e.title,
  date: moment(e.date),
});

/** The event's panel under the filter's source families (none ticked: every family). */
export async function fetchEvent(id: string, families: readonly SourceFamily[], signal?: AbortSignal): Promise<EventDetails> {
  const data = await request(EventPanelDocument, { id, families: familiesArg(families) }, signal);
  const e = data.event;
  if (e === null) throw new ApiError(`No event has the id "${id}".`, 'NOT_FOUND', false);
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    place: e.place,
    summary: e.summary,
    certainty: e.certainty,
    date: moment(e.date),
    participants: e.participants.map((p) => ({
      role: p.role,
      personId: p.person.id,
      name: p.person.name,
      hangul: p.person.hangul,
      citations: citations(p.citations),
    })),
    links: e.links.map((l) => ({ type: l.type, event: eventRef(l.to), citations: citations(l.citations) })),
    linkedFrom: e.linkedFrom.map((l) => ({ type: l.type, event: eventRef(l.from), citations: citations(l.citations) })),
    citations: citations(e.citations),
  };
}
