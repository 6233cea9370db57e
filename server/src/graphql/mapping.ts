/**
 * Cypher projections (plain maps, see the headers in cypher/queries) to models. Property names
 * follow docs/data-model.md; a date is five properties under one prefix.
 */
import { AtlasError, ErrorCode } from '../errors.js';
import type { Plain } from '../db/values.js';
import { CERTAINTY_VALUES, SOURCE_FAMILY_VALUES, type Certainty, type SourceFamily } from '../../../core/vocabulary.js';
import { evidenceFrom, lifespanFrom, spanFieldsOf, spanOf } from './time-mapping.js';
import { DATE_PRECISIONS } from '../../../core/partial-date.js';
import type {
  CitationModel,
  DateModel,
  EventLinkModel,
  EventModel,
  FactionModel,
  MembershipModel,
  OfficeModel,
  PlacementModel,
  ParticipationModel,
  PersonDetails,
  PersonModel,
  SourceModel,
  TieModel,
} from './domain-objects.js';
import { FULL_PERSON, type PersonProjection } from './person-projection.js';

export type Props = Readonly<Record<string, Plain>>;

export function asProps(value: Plain | undefined): Props {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function asList(value: Plain | undefined): Plain[] {
  return Array.isArray(value) ? value : [];
}

export function str(props: Props, key: string): string {
  const value = props[key];
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

export function optStr(props: Props, key: string): string | null {
  const value = props[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function strList(props: Props, key: string): string[] {
  return asList(props[key]).filter((item): item is string => typeof item === 'string');
}

/**
 * Data the graph should never hold (a reference to a missing element, a missing or unknown
 * certainty): a bad load or a bug, not the client's doing. Masked as INTERNAL_SERVER_ERROR on
 * the wire and logged server-side (graphql/errors.ts) with this message, which names the element.
 */
export function unexpectedData(kind: string, id: string, problem: string): AtlasError {
  return new AtlasError(ErrorCode.INTERNAL_SERVER_ERROR, `Unexpected data: ${kind} "${id}" ${problem}`);
}

/** A stored reference to an element the graph does not hold. */
export function danglingReference(kind: string, id: string): AtlasError {
  return unexpectedData(kind, id, 'is referred to but missing from the graph');
}

/**
 * The certainty `value` of the element `kind` `id`. The seed requires one on every claim, so
 * a missing or unknown value is refused rather than guessed: guessing CERTAIN would overstate
 * the evidence.
 */
export function certaintyOf(value: Plain | undefined, kind: string, id: string): Certainty {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  const certainty = CERTAINTY_VALUES.find((c) => c === upper);
  if (certainty === undefined)
    throw unexpectedData(kind, id, `has ${value === null || value === undefined ? 'no certainty' : `an unknown certainty "${String(value)}"`}`);
  return certainty;
}

/** A stored partial date under `prefix`, or null when the element has none. */
export function dateOf(props: Props, prefix: string): DateModel | null {
  const iso = optStr(props, `${prefix}Iso`);
  const earliest = optStr(props, `${prefix}Earliest`);
  const latest = optStr(props, `${prefix}Latest`);
  if (iso === null || earliest === null || latest === null) return null;
  const precision = DATE_PRECISIONS.find((p) => p === props[`${prefix}Precision`]) ?? (iso.length === 4 ? 'YEAR' : iso.length === 7 ? 'MONTH' : 'DAY');
  return { iso, precision, approximate: props[`${prefix}Approx`] === true, earliest: earliest.slice(0, 10), latest: latest.slice(0, 10) };
}

const NO_CITATIONS: readonly CitationModel[] = Object.freeze([]);

function parseCitations(value: string): readonly CitationModel[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return NO_CITATIONS;
    return Object.freeze(
      parsed.flatMap((item: unknown) => {
        if (item === null || typeof item !== 'object') return [];
        const record = item as Record<string, unknown>;
        const sourceId = typeof record['source'] === 'string' ? record['source'] : null;
        if (sourceId === null) return [];
        return [
          Object.freeze({
            sourceId,
            locator: typeof record['locator'] === 'string' ? record['locator'] : '',
            note: typeof record['note'] === 'string' ? record['note'] : null,
          }),
        ];
      }),
    );
  } catch {
    return NO_CITATIONS;
  }
}

/**
 * Parsed citations by their stored string. The same strings come back on every load of the same
 * elements (a person's page: hundreds of them), and parsing is a pure function of the string, so
 * the answer is kept (frozen: it is shared) until the table is full, then the table starts over.
 */
const parsedCitations = new Map<string, readonly CitationModel[]>();
export const CITATION_CACHE_ENTRIES = 20_000;

/** `citations` is stored as a JSON string; a malformed value yields no citations rather than an error. */
export function citationsOf(value: Plain | undefined): readonly CitationModel[] {
  if (typeof value !== 'string' || value === '') return NO_CITATIONS;
  const known = parsedCitations.get(value);
  if (known !== undefined) return known;
  const citations = parseCitations(value);
  if (parsedCitations.size >= CITATION_CACHE_ENTRIES) parsedCitations.clear();
  parsedCitations.set(value, citations);
  return citations;
}

/** Certainty of the preferred (most certain) death claim; CERTAIN when there is no claim to weigh. */
function diedCertaintyOf(value: Plain | undefined, personId: string): Certainty {
  if (typeof value !== 'string') return 'CERTAIN';
  let claims: unknown;
  try {
    claims = JSON.parse(value);
  } catch {
    throw unexpectedData('person', personId, 'has death claims that are not valid JSON');
  }
  if (!Array.isArray(claims) || claims.length === 0) return 'CERTAIN';
  const levels = claims.map((claim: unknown) => certaintyOf((claim as Record<string, Plain> | null)?.['certainty'], 'death claim of person', personId));
  return levels.includes('CERTAIN') ? 'CERTAIN' : levels.includes('PROBABLE') ? 'PROBABLE' : 'POSSIBLE';
}

export function toPerson(props: Props): PersonModel {
  return {
    id: str(props, 'id'),
    name: str(props, 'name'),
    hangul: optStr(props, 'hangul'),
    hanja: optStr(props, 'hanja'),
    aliases: strList(props, 'aliases'),
    born: dateOf(props, 'born'),
    died: dateOf(props, 'died'),
    diedCertainty: diedCertaintyOf(props['diedClaims'], str(props, 'id')),
    summary: optStr(props, 'summary'),
    disambiguation: optStr(props, 'disambiguation'),
    citations: citationsOf(props['citations']),
    evidence: evidenceFrom(props['evidence']),
  };
}

/** REVERSED_BY links fetched with a target event (network, timeline, persons-full). */
function reversalsOf(value: Plain | undefined): EventModel['reversedBy'] {
  if (value === undefined) return undefined;
  return asList(value).map((item) => {
    const event = toEvent(asProps(item));
    return { eventId: event.id, date: event.date, certainty: event.certainty, event };
  });
}

export function toEvent(props: Props): EventModel {
  const date = dateOf(props, 'date');
  return {
    reversedBy: reversalsOf(props['reversedBy']),
    id: str(props, 'id'),
    kind: str(props, 'kind'),
    title: str(props, 'title'),
    // Every event has a date (seed validation requires one); the fallback keeps a bad row visible.
    date: date ?? { iso: '0001', precision: 'YEAR', approximate: true, earliest: '0001-01-01', latest: '9999-12-31' },
    place: optStr(props, 'place'),
    summary: optStr(props, 'summary'),
    certainty: certaintyOf(props['certainty'], 'event', str(props, 'id')),
    citations: citationsOf(props['citations']),
  };
}

export function toFaction(props: Props): FactionModel {
  return {
    id: str(props, 'id'),
    name: str(props, 'name'),
    aliases: strList(props, 'aliases'),
    description: optStr(props, 'description'),
    parentId: optStr(props, 'parentId'),
    citations: citationsOf(props['citations']),
    lifespan: lifespanFrom(props, str(props, 'id')),
  };
}

export function toSource(props: Props): SourceModel {
  const year = props['year'];
  return {
    id: str(props, 'id'),
    title: str(props, 'title'),
    author: optStr(props, 'author'),
    year: typeof year === 'number' ? year : typeof year === 'string' && /^\d+$/.test(year) ? Number(year) : null,
    publication: optStr(props, 'publication'),
    kind: optStr(props, 'kind'),
    family: sourceFamilyOf(props['family'], str(props, 'id')),
  };
}

/** A source's family; the seed requires a known one, so anything else is unexpected data. */
function sourceFamilyOf(value: Plain | undefined, id: string): SourceFamily {
  const family = SOURCE_FAMILY_VALUES.find((candidate) => candidate === value);
  if (family === undefined)
    throw unexpectedData('source', id, `has ${value === null || value === undefined ? 'no family' : `an unknown family "${String(value)}"`}`);
  return family;
}

/**
 * The model of a nested map when the row carries one; undefined (for the field resolvers to
 * fetch) when it does not. Hot mappers set optional fields to undefined rather than spreading
 * conditional objects: one object shape, no temporary objects.
 */
function nested<T>(value: Plain | undefined, to: (props: Props) => T): T | undefined {
  return value === undefined || value === null ? undefined : to(asProps(value));
}

/** `member`: the person the membership belongs to, when the caller has it (persons-full rows). */
export function toMembership(props: Props, member?: PersonModel): MembershipModel {
  const person = props['person'];
  const faction = props['faction'];
  return {
    id: str(props, 'id'),
    personId: str(props, 'personId'),
    factionId: str(props, 'factionId'),
    person: nested(person, toPerson) ?? member,
    faction: nested(faction, toFaction),
    from: dateOf(props, 'from'),
    to: dateOf(props, 'to'),
    ...spanFieldsOf(props, 'membership', str(props, 'id')),
    certainty: certaintyOf(props['certainty'], 'membership', str(props, 'id')),
    citations: citationsOf(props['citations']),
  };
}

/** A membership as network fetches it when only placement is needed (queries/network, $fullMemberships false). */
export function toPlacement(props: Props): PlacementModel {
  const id = str(props, 'id');
  return { id, factionId: str(props, 'factionId'), certainty: certaintyOf(props['certainty'], 'membership', id), span: spanOf(props) };
}

/**
 * A membership as analytics/placements (and placements-at, survival-subjects) return it, a list
 * [personId, factionId, id, certainty, possibleEarliest, possibleLatest, certainEarliest,
 * certainLatest], with the person who holds it.
 */
export function toPlacementOf(value: Plain | undefined): { readonly personId: string; readonly placement: PlacementModel } {
  const [
    personId = null,
    factionId = null,
    id = null,
    certainty = null,
    possibleEarliest = null,
    possibleLatest = null,
    certainEarliest = null,
    certainLatest = null,
  ] = asList(value);
  const props: Props = { factionId, id, certainty, possibleEarliest, possibleLatest, certainEarliest, certainLatest };
  return { personId: typeof personId === 'string' ? personId : '', placement: toPlacement(props) };
}

export function toOffice(props: Props): OfficeModel {
  const id = str(props, 'id') || str(props, 'officeId');
  return {
    id,
    title: str(props, 'title'),
    from: dateOf(props, 'from'),
    to: dateOf(props, 'to'),
    ...spanFieldsOf(props, 'office', id),
    certainty: certaintyOf(props['certainty'], 'office', id),
    citations: citationsOf(props['citations']),
  };
}

/** `participant`: the person who took part, when the caller has it (persons-full rows). */
export function toParticipation(props: Props, participant?: PersonModel): ParticipationModel {
  const person = props['person'];
  const event = props['event'];
  return {
    personId: str(props, 'personId'),
    eventId: str(props, 'eventId'),
    role: str(props, 'role'),
    person: nested(person, toPerson) ?? participant,
    event: nested(event, toEvent),
    citations: citationsOf(props['citations']),
  };
}

export function toLink(props: Props): EventLinkModel {
  const other = props['other'];
  return {
    type: str(props, 'type'),
    fromId: str(props, 'fromId'),
    toId: str(props, 'toId'),
    ...(other === undefined || other === null ? {} : { other: toEvent(asProps(other)) }),
    citations: citationsOf(props['citations']),
  };
}

export function toTie(props: Props): TieModel {
  const source = props['source'];
  const target = props['target'];
  return {
    id: str(props, 'id'),
    kind: str(props, 'kind'),
    sourceId: str(props, 'sourceId'),
    targetId: str(props, 'targetId'),
    source: nested(source, toPerson),
    target: nested(target, toPerson),
    sourceName: optStr(props, 'sourceName') ?? undefined,
    targetName: optStr(props, 'targetName') ?? undefined,
    directed: props['directed'] === true,
    from: dateOf(props, 'from'),
    to: dateOf(props, 'to'),
    ...spanFieldsOf(props, 'tie', str(props, 'id')),
    certainty: certaintyOf(props['certainty'], 'tie', str(props, 'id')),
    summary: optStr(props, 'summary'),
    citations: citationsOf(props['citations']),
  };
}

/** An event with whichever of participants/links/linkedFrom the row carries. */
export function toFullEvent(row: Props): EventModel {
  const event = toEvent(asProps(row['event']));
  return {
    ...event,
    ...(row['participants'] === undefined ? {} : { participants: asList(row['participants']).map((p) => toParticipation(asProps(p))) }),
    ...(row['links'] === undefined ? {} : { links: asList(row['links']).map((l) => toLink(asProps(l))) }),
    ...(row['linkedFrom'] === undefined ? {} : { linkedFrom: asList(row['linkedFrom']).map((l) => toLink(asProps(l))) }),
  };
}

/**
 * A person with the collections `projection` asked persons-full for (the others stay absent,
 * see PersonDetails). The person's own memberships and participations point back at it, so
 * `participations { person { ... } }` needs no lookup.
 */
export function toFullPerson(row: Props, projection: PersonProjection = FULL_PERSON): PersonModel {
  const details: { -readonly [K in keyof PersonDetails]: PersonDetails[K] } = {};
  const person: PersonModel = { ...toPerson(asProps(row['person'])), details };
  if (projection.memberships) details.memberships = asList(row['memberships']).map((m) => toMembership(asProps(m), person));
  if (projection.offices) details.offices = asList(row['offices']).map((o) => toOffice(asProps(o)));
  if (projection.participations) details.participations = asList(row['participations']).map((p) => toParticipation(asProps(p), person));
  if (projection.ties) details.ties = asList(row['ties']).map((t) => toTie(asProps(t)));
  return person;
}
