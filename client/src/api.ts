/**
 * All GraphQL traffic goes through here: one request function, the queries the app uses, and
 * adapters from the wire shapes to the client's model. Nothing else calls fetch.
 */
import type { ChainPath, ChainStep, ChainStepKind } from './state/chain.js';
import { RANKING_LIMIT, type CommunityAnswer, type Measure, type ScoreAnswer, type SurvivalCurve } from './state/analysis.js';
import { dayOf } from '../../core/partial-date.js';
import type { BoundBasis, FactKind } from '../../core/attestation.js';
import type { Span } from '../../core/span.js';
import type {
  AtlasEvent,
  BoundView,
  FactLabel,
  Spanned,
  Certainty,
  Citation,
  DatePrecision,
  EventLinkType,
  Moment,
  Person,
  Source,
  SourceFamily,
  StatusKind,
  TieKind,
  Timeline,
} from './model.js';

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

export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
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

// ---- wire shapes -------------------------------------------------------------------------

export interface WireDate {
  iso: string;
  precision: DatePrecision;
  approximate: boolean;
  earliest: string;
  latest: string;
}
export interface WireCitation {
  source: { id: string };
  locator: string;
  note: string | null;
}

const DATE = 'iso precision approximate earliest latest';
const CITE = 'citations { source { id } locator note }';

export function moment(d: WireDate): Moment {
  return { iso: d.iso, precision: d.precision, approximate: d.approximate, earliest: dayOf(d.earliest), latest: dayOf(d.latest) };
}
const optMoment = (d: WireDate | null | undefined): Moment | null => (d === null || d === undefined ? null : moment(d));

// ---- the time model's answers (core/attestation.ts, core/status.ts) ------------------------

const SPANNED = `span { possibleFrom possibleTo certainFrom certainTo } start { basis date { ${DATE} } fact { kind id label } } end { basis date { ${DATE} } fact { kind id label } }`;
const EVIDENCE = `evidence { first { date { ${DATE} } fact { kind id label } } last { date { ${DATE} } fact { kind id label } } fadesAfter }`;

interface WireFactRef {
  kind: FactKind;
  id: string;
  label: string;
}
interface WireBound {
  basis: BoundBasis;
  date: WireDate | null;
  fact: WireFactRef | null;
}
interface WireSpanned {
  span: { possibleFrom: string | null; possibleTo: string | null; certainFrom: string | null; certainTo: string | null };
  start: WireBound;
  end: WireBound;
}
interface WireEvidence {
  first: { date: WireDate; fact: WireFactRef };
  last: { date: WireDate; fact: WireFactRef };
  fadesAfter: string;
}

const stretch = (from: string | null, to: string | null): { earliest: number; latest: number } | null =>
  from === null || to === null ? null : { earliest: dayOf(from), latest: dayOf(to) };

const bound = (b: WireBound): BoundView => ({ basis: b.basis, fact: b.fact === null ? null : { ...b.fact, date: optMoment(b.date) } });

export function spanned(w: WireSpanned): { span: Span<number>; start: BoundView; end: BoundView } {
  return {
    span: { possible: stretch(w.span.possibleFrom, w.span.possibleTo), certain: stretch(w.span.certainFrom, w.span.certainTo) },
    start: bound(w.start),
    end: bound(w.end),
  };
}

function evidence(w: WireEvidence | null): Pick<Person, 'evidence' | 'evidenceFacts'> {
  if (w === null) return { evidence: null, evidenceFacts: null };
  const first = moment(w.first.date);
  const last = moment(w.last.date);
  return {
    evidence: { first, last, fadesAfter: dayOf(w.fadesAfter) },
    evidenceFacts: { first: { ...w.first.fact, date: first }, last: { ...w.last.fact, date: last } } satisfies { first: FactLabel; last: FactLabel },
  };
}
export const citation = (c: WireCitation): Citation => ({ sourceId: c.source.id, locator: c.locator, note: c.note });
const citations = (list: readonly WireCitation[]): Citation[] => list.map(citation);

// ---- timeline ----------------------------------------------------------------------------

export const TIMELINE = /* GraphQL */ `
  query Timeline {
    timeline {
      from
      to
      factions { id name aliases parent { id } lifespan { formed { date { ${DATE} } } dissolved { date { ${DATE} } } } }
      persons {
        person { id name hangul hanja aliases }
        born { ${DATE} }
        died { ${DATE} }
        ${EVIDENCE}
        statusChanges { state certainty date { ${DATE} } event { id } }
        memberships { id faction { id } certainty from { ${DATE} } to { ${DATE} } ${SPANNED} ${CITE} }
      }
      ties { id kind directed certainty summary source { id } target { id } from { ${DATE} } to { ${DATE} } ${SPANNED} ${CITE} }
      events {
        id kind title certainty summary
        date { ${DATE} }
        participants { role person { id } }
        links { type to { id } }
        ${CITE}
      }
    }
    sources { id title author year publication family }
  }
`;

export interface WireTimeline {
  timeline: {
    from: string;
    to: string;
    factions: {
      id: string;
      name: string;
      aliases: string[];
      parent: { id: string } | null;
      lifespan: { formed: { date: WireDate } | null; dissolved: { date: WireDate } | null };
    }[];
    persons: {
      person: { id: string; name: string; hangul: string | null; hanja: string | null; aliases: string[] };
      born: WireDate | null;
      died: WireDate | null;
      evidence: WireEvidence | null;
      statusChanges: { state: StatusKind; certainty: Certainty; date: WireDate; event: { id: string } | null }[];
      memberships: ({ id: string; faction: { id: string }; certainty: Certainty; from: WireDate | null; to: WireDate | null; citations: WireCitation[] } & WireSpanned)[];
    }[];
    ties: (WireSpanned & {
      id: string;
      kind: TieKind;
      directed: boolean;
      certainty: Certainty;
      summary: string | null;
      source: { id: string };
      target: { id: string };
      from: WireDate | null;
      to: WireDate | null;
      citations: WireCitation[];
    })[];
    events: {
      id: string;
      kind: string;
      title: string;
      certainty: Certainty;
      summary: string | null;
      date: WireDate;
      participants: { role: string; person: { id: string } }[];
      links: { type: EventLinkType; to: { id: string } }[];
      citations: WireCitation[];
    }[];
  };
  sources: Source[];
}

export function adaptTimeline(wire: WireTimeline): Timeline {
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
      id: f.id, name: f.name, aliases: f.aliases, parentId: f.parent?.id ?? null,
      formed: optMoment(f.lifespan.formed?.date), dissolved: optMoment(f.lifespan.dissolved?.date),
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
  return adaptTimeline(await request<WireTimeline>(TIMELINE));
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

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $limit: Int) {
    searchMatches(text: $text, limit: $limit) { score matched how person { id name hangul hanja } }
  }
`;

export async function search(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await request<{
    searchMatches: { score: number; matched: string; person: { id: string; name: string; hangul: string | null; hanja: string | null } }[];
  }>(SEARCH, { text, limit: 10 }, signal);
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

const PERSON = /* GraphQL */ `
  query Person($id: ID!) {
    person(id: $id) {
      id name hangul hanja aliases summary disambiguation
      born { ${DATE} }
      died { ${DATE} }
      ${CITE}
      ${EVIDENCE}
      memberships { faction { id name } certainty from { ${DATE} } to { ${DATE} } ${SPANNED} ${CITE} }
      offices { title certainty from { ${DATE} } to { ${DATE} } ${SPANNED} ${CITE} }
      ties { id kind directed certainty summary source { id name } target { id name } from { ${DATE} } to { ${DATE} } ${SPANNED} ${CITE} }
      participations { role event { id kind title certainty summary date { ${DATE} } ${CITE} } }
      statusChanges { state certainty date { ${DATE} } event { title } }
      factionsByFamily { family factions { id name } }
      factionsDisagree
    }
    exposure(personId: $id) { share fall { title date { ${DATE} } } ties { source { id name } target { id name } } activeTies { id } }
  }
`;

interface WireExposure {
  share: number;
  fall: { title: string; date: WireDate } | null;
  ties: { source: { id: string; name: string }; target: { id: string; name: string } }[];
  activeTies: { id: string }[];
}

interface WireFact extends WireSpanned {
  certainty: Certainty;
  from: WireDate | null;
  to: WireDate | null;
  citations: WireCitation[];
}
interface WirePerson {
  id: string;
  name: string;
  hangul: string | null;
  hanja: string | null;
  aliases: string[];
  summary: string | null;
  disambiguation: string | null;
  born: WireDate | null;
  died: WireDate | null;
  citations: WireCitation[];
  evidence: WireEvidence | null;
  memberships: (WireFact & { faction: { id: string; name: string } })[];
  offices: (WireFact & { title: string })[];
  ties: (WireFact & { id: string; kind: TieKind; directed: boolean; summary: string | null; source: { id: string; name: string }; target: { id: string; name: string } })[];
  participations: {
    role: string;
    event: { id: string; kind: string; title: string; certainty: Certainty; summary: string | null; date: WireDate; citations: WireCitation[] };
  }[];
  statusChanges: { state: StatusKind; certainty: Certainty; date: WireDate; event: { title: string } | null }[];
  factionsByFamily: { family: SourceFamily; factions: { id: string; name: string }[] }[];
  factionsDisagree: boolean;
}

const fact = (f: WireFact): DatedFact => ({
  from: optMoment(f.from), to: optMoment(f.to), ...spanned(f), certainty: f.certainty, citations: citations(f.citations),
});

export async function fetchPerson(id: string, signal?: AbortSignal): Promise<PersonDetails> {
  const { person: p, exposure: x } = await request<{ person: WirePerson | null; exposure: WireExposure | null }>(PERSON, { id }, signal);
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

const END = 'role person { id name } event { id title }';
const CHAIN = /* GraphQL */ `
  query Chain($id: ID!) {
    purgeChain(personId: $id, direction: BOTH, maxSteps: 4, limit: 20) {
      rank score weakestCertainty holdsWithCertainOnly
      from { ${DATE} }
      to { ${DATE} }
      persons { id }
      steps {
        kind linkType certainty
        tie { id }
        date { ${DATE} }
        from { ${END} }
        to { ${END} }
        ${CITE}
      }
    }
  }
`;

interface WireEnd {
  role: string;
  person: { id: string; name: string };
  event: { id: string; title: string };
}
interface WireChainPath {
  rank: number;
  score: number;
  weakestCertainty: Certainty;
  holdsWithCertainOnly: boolean;
  from: WireDate;
  to: WireDate;
  persons: { id: string }[];
  steps: {
    kind: ChainStepKind;
    linkType: string | null;
    certainty: Certainty;
    tie: { id: string } | null;
    date: WireDate;
    from: WireEnd;
    to: WireEnd;
    citations: WireCitation[];
  }[];
}

const end = (e: WireEnd) => ({ personId: e.person.id, personName: e.person.name, eventId: e.event.id, eventTitle: e.event.title, role: e.role });

export async function fetchChain(personId: string, signal?: AbortSignal): Promise<ChainPath[]> {
  const data = await request<{ purgeChain: WireChainPath[] }>(CHAIN, { id: personId }, signal);
  return data.purgeChain.map((p) => ({
    rank: p.rank,
    score: p.score,
    weakestCertainty: p.weakestCertainty,
    holdsWithCertainOnly: p.holdsWithCertainOnly,
    from: moment(p.from),
    to: moment(p.to),
    personIds: p.persons.map((x) => x.id),
    steps: p.steps.map(
      (s): ChainStep => ({
        kind: s.kind,
        linkType: s.linkType,
        certainty: s.certainty,
        tieId: s.tie?.id ?? null,
        date: moment(s.date),
        from: end(s.from),
        to: end(s.to),
        citations: citations(s.citations),
      }),
    ),
  }));
}

// ---- analysis at a date (docs/analysis.md) ----------------------------------------------

const CENTRALITY = /* GraphQL */ `
  query Centrality($at: String!, $measure: CentralityMeasure!, $min: Certainty, $limit: Int) {
    centrality(at: $at, measure: $measure, minCertainty: $min, limit: $limit) { person { id } score rank }
  }
`;

/** Every person of the network at `at`, ranked (at most the API's largest ranking). */
export async function fetchCentrality(at: string, measure: Measure, minCertainty: Certainty, signal?: AbortSignal): Promise<ScoreAnswer> {
  const data = await request<{ centrality: { person: { id: string }; score: number; rank: number }[] }>(
    CENTRALITY,
    { at, measure, min: minCertainty, limit: RANKING_LIMIT },
    signal,
  );
  return { at, measure, minCertainty, scores: data.centrality.map((x) => ({ personId: x.person.id, score: x.score, rank: x.rank })), limit: RANKING_LIMIT };
}

const COMMUNITIES = /* GraphQL */ `
  query Communities($at: String!, $min: Certainty) {
    communities(at: $at, minCertainty: $min) { at agreement method communities { id members { id } factions { faction { id name } count } } }
  }
`;

export async function fetchCommunities(at: string, minCertainty: Certainty, signal?: AbortSignal): Promise<CommunityAnswer> {
  const data = await request<{
    communities: { at: string; agreement: number; method: string; communities: { id: string; members: { id: string }[]; factions: { faction: { id: string; name: string }; count: number }[] }[] };
  }>(COMMUNITIES, { at, min: minCertainty }, signal);
  const r = data.communities;
  return {
    at,
    minCertainty,
    agreement: r.agreement,
    method: r.method,
    communities: r.communities.map((c) => ({ id: c.id, memberIds: c.members.map((m) => m.id), factions: c.factions.map((f) => ({ factionId: f.faction.id, name: f.faction.name, count: f.count })) })),
  };
}

const SURVIVAL = /* GraphQL */ `
  query Survival($factions: [ID!], $min: Certainty) {
    survival(factionIds: $factions, minCertainty: $min) { faction { id name } points { date atRisk fallen censored survival } }
  }
`;

export async function fetchSurvival(factionIds: readonly string[], minCertainty: Certainty, signal?: AbortSignal): Promise<SurvivalCurve[]> {
  const data = await request<{ survival: { faction: { id: string; name: string }; points: { date: string; atRisk: number; fallen: number; censored: number; survival: number }[] }[] }>(
    SURVIVAL,
    { factions: [...factionIds], min: minCertainty },
    signal,
  );
  return data.survival.map((c) => ({
    factionId: c.faction.id,
    factionName: c.faction.name,
    points: c.points.map((p) => ({ day: dayOf(p.date), date: p.date, atRisk: p.atRisk, fallen: p.fallen, censored: p.censored, survival: p.survival })),
  }));
}

// ---- Cypher console ----------------------------------------------------------------------

export interface CypherResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  readonly truncated: boolean;
  readonly elapsedMs: number;
  readonly nodes: readonly { readonly id: string; readonly labels: readonly string[]; readonly caption: string; readonly properties: Record<string, unknown> }[];
  readonly relationships: readonly { readonly id: string; readonly type: string; readonly source: string; readonly target: string }[];
}

const CYPHER = /* GraphQL */ `
  query Cypher($query: String!) {
    cypher(query: $query) {
      columns rows truncated elapsedMs
      nodes { id labels caption properties }
      relationships { id type source target }
    }
  }
`;

export async function runCypher(query: string, signal?: AbortSignal): Promise<CypherResult> {
  return (await request<{ cypher: CypherResult }>(CYPHER, { query }, signal)).cypher;
}

// ---- one event, for the event panel --------------------------------------------------------

const EVENT = /* GraphQL */ `
  query EventPanel($id: ID!) {
    event(id: $id) {
      id kind title place summary certainty
      date { ${DATE} }
      participants { role person { id name hangul } ${CITE} }
      links { type to { id title date { ${DATE} } } ${CITE} }
      linkedFrom { type from { id title date { ${DATE} } } ${CITE} }
      ${CITE}
    }
  }
`;

interface WireEventRef {
  id: string;
  title: string;
  date: WireDate;
}

interface WireEventPanel {
  event: {
    id: string;
    kind: string;
    title: string;
    place: string | null;
    summary: string | null;
    certainty: Certainty;
    date: WireDate;
    participants: { role: string; person: { id: string; name: string; hangul: string | null }; citations: WireCitation[] }[];
    links: { type: EventLinkType; to: WireEventRef; citations: WireCitation[] }[];
    linkedFrom: { type: EventLinkType; from: WireEventRef; citations: WireCitation[] }[];
    citations: WireCitation[];
  } | null;
}

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
  readonly participants: readonly { readonly role: string; readonly personId: string; readonly name: string; readonly hangul: string | null; readonly citations: readonly Citation[] }[];
  /** Links out of this event (it led to, previews, is reversed by, is part of...). */
  readonly links: readonly { readonly type: EventLinkType; readonly event: EventRef; readonly citations: readonly Citation[] }[];
  /** Links into this event. */
  readonly linkedFrom: readonly { readonly type: EventLinkType; readonly event: EventRef; readonly citations: readonly Citation[] }[];
  readonly citations: readonly Citation[];
}

const eventRef = (e: WireEventRef): EventRef => ({ id: e.id, title: e.title, date: moment(e.date) });

export async function fetchEvent(id: string, signal?: AbortSignal): Promise<EventDetails> {
  const data = await request<WireEventPanel>(EVENT, { id }, signal);
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
    participants: e.participants.map((p) => ({ role: p.role, personId: p.person.id, name: p.person.name, hangul: p.person.hangul, citations: citations(p.citations) })),
    links: e.links.map((l) => ({ type: l.type, event: eventRef(l.to), citations: citations(l.citations) })),
    linkedFrom: e.linkedFrom.map((l) => ({ type: l.type, event: eventRef(l.from), citations: citations(l.citations) })),
    citations: citations(e.citations),
  };
}
