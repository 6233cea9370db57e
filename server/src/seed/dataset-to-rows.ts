/**
 * Validated dataset -> graph rows, following docs/data-model.md: enumerations upper-case,
 * partial dates as five properties, citations as JSON plus a sourceIds list.
 */
import { formatPartialDate } from '../../../core/partial-date.js';
import { searchKeys } from '../domain/names.js';
import type { Citation, DateClaim, Dataset, EventRecord, PersonRecord } from './dataset.js';
import { preferredClaim } from './parse.js';
import { deriveTime, eachMembership, heldId, type DerivedTime, type PersonEvidence } from './derive.js';
import type { DerivedInterval } from '../../../core/attestation.js';
import { dateFields, emptyRows, type GraphRows, type NodeRow, type PropertyValue, type RelationshipRow } from './rows.js';
import { CERTAINTY_RANK, graphValue, type SeedCertainty as Certainty, type SeedLinkType as LinkType, type SourceFamily } from '../../../core/vocabulary.js';

function citationFields(citations: readonly Citation[]): { citations: string; sourceIds: string[] } {
  return {
    citations: JSON.stringify(citations.map((c) => ({ source: c.source, locator: c.at, note: c.note }))),
    sourceIds: [...new Set(citations.map((c) => c.source))].sort(),
  };
}

/** Each source's family (graph form), for the `sourceFamilies` of the facts that cite it. */
type FamilyOf = ReadonlyMap<string, SourceFamily>;

/**
 * The families of the sources behind some citations, sorted: what the source-family filter
 * (server/src/graphql/args.ts factFilter) compares with the families asked for.
 */
function familiesOf(citations: readonly Citation[], familyOf: FamilyOf): string[] {
  return [...new Set(citations.flatMap((c) => familyOf.get(c.source) ?? []))].sort();
}

function certaintyFields(certainty: Certainty): { certainty: string; certaintyRank: number } {
  return { certainty: graphValue(certainty), certaintyRank: CERTAINTY_RANK[graphValue(certainty)] };
}

/** A faction's formed/dissolved claim: certainty and citations (the date has its own fields). */
function lifespanClaim(claim: DateClaim | null): { certainty: string; citations: unknown } | null {
  return claim === null ? null : { certainty: graphValue(claim.certainty), citations: JSON.parse(citationFields(claim.cite).citations) as unknown };
}

/** Every claim, for the API's "sources disagree" display. */
function claimsJson(claims: readonly DateClaim[]): string {
  return JSON.stringify(
    claims.map((claim) => ({
      date: formatPartialDate(claim.date),
      iso: claim.date.iso,
      precision: claim.date.precision,
      approximate: claim.date.approximate,
      earliest: claim.date.earliest,
      latest: claim.date.latest,
      ...certaintyFields(claim.certainty),
      citations: JSON.parse(citationFields(claim.cite).citations) as unknown,
    })),
  );
}

/** Office node id: the slug of its title ("Minister of Foreign Affairs" -> "minister-of-foreign-affairs"). */
export function officeId(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The inferred span of an interval, under names of its own (docs/data-model.md, "Time"): the
 * possible and certain stretches as dates for the database's filters, and both bounds with their
 * basis and source fact as JSON. The recorded from/to stay as they were written.
 */
function spanFields(derived: DerivedInterval, props: Record<string, PropertyValue>, dates: Record<string, string | null>): void {
  props.bounds = JSON.stringify({ start: derived.start, end: derived.end });
  dates.possibleEarliest = derived.span.possible?.earliest ?? null;
  dates.possibleLatest = derived.span.possible?.latest ?? null;
  dates.certainEarliest = derived.span.certain?.earliest ?? null;
  dates.certainLatest = derived.span.certain?.latest ?? null;
}

/** A person's evidence span: JSON for the API, and its first day as a date for the network's filter. */
function evidenceFields(evidence: PersonEvidence | null, props: Record<string, PropertyValue>, dates: Record<string, string | null>): void {
  props.evidence = evidence === null ? null : JSON.stringify(evidence);
  dates.attestedEarliest = evidence?.first.date.earliest ?? null;
  dates.carriedLatest = evidence?.fadesAfter ?? null;
}

function derivedOf<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`internal: no derived time for ${what}`);
  return value;
}

function node(id: string, props: Record<string, PropertyValue>, dates: Record<string, string | null> = {}): NodeRow {
  return { id, props: { id, ...props }, dates };
}

function relationship(id: string, from: string, to: string, props: Record<string, PropertyValue>, dates: Record<string, string | null> = {}): RelationshipRow {
  return { id, from, to, props: { id, ...props }, dates };
}

function personRows(
  person: PersonRecord,
  rows: GraphRows,
  offices: Map<string, NodeRow>,
  time: DerivedTime,
  familyOf: FamilyOf,
  otherCites: readonly Citation[],
): void {
  const props: Record<string, PropertyValue> = {
    name: person.name,
    hangul: person.hangul,
    hanja: person.hanja,
    aliases: person.aliases.map((alias) => alias.form),
    aliasSystems: person.aliases.map((alias) => graphValue(alias.system)),
    searchKeys: searchKeys([person.name, ...person.aliases.map((alias) => alias.form), person.hangul ?? '', person.hanja ?? '']),
    summary: person.summary,
    disambiguation: person.disambiguation,
    bornClaims: claimsJson(person.born),
    diedClaims: claimsJson(person.died),
    namesCitations: citationFields(person.namesCite).citations,
    ...citationFields(person.cite),
  };
  // sourceIds answers "which persons rest on source X", so it covers every citation on the person node.
  props.sourceIds = citationFields([
    ...person.cite,
    ...person.namesCite,
    ...person.born.flatMap((claim) => claim.cite),
    ...person.died.flatMap((claim) => claim.cite),
  ]).sourceIds;
  // A person passes the source-family filter when any fact about them does: their own record,
  // birth and death, memberships, offices, and (otherCites) their participations and ties.
  props.sourceFamilies = familiesOf(
    [
      ...person.cite,
      ...person.born.flatMap((claim) => claim.cite),
      ...person.died.flatMap((claim) => claim.cite),
      ...person.memberships.flatMap((m) => m.cite),
      ...person.offices.flatMap((o) => o.cite),
      ...otherCites,
    ],
    familyOf,
  );
  const dates: Record<string, string | null> = {};
  dateFields('born', preferredClaim(person.born)?.date ?? null, props, dates);
  dateFields('died', preferredClaim(person.died)?.date ?? null, props, dates);
  evidenceFields(time.evidence.get(person.id) ?? null, props, dates);
  rows.persons.push(node(person.id, props, dates));

  eachMembership(person, (m, id) => {
    const mProps: Record<string, PropertyValue> = { ...certaintyFields(m.certainty), ...citationFields(m.cite), sourceFamilies: familiesOf(m.cite, familyOf) };
    const mDates: Record<string, string | null> = {};
    dateFields('from', m.from, mProps, mDates);
    dateFields('to', m.to, mProps, mDates);
    spanFields(derivedOf(time.memberships, m, id), mProps, mDates);
    rows.memberships.push(relationship(id, person.id, m.faction, mProps, mDates));
  });
  person.offices.forEach((office, index) => {
    const id = officeId(office.title);
    if (!offices.has(id)) offices.set(id, node(id, { title: office.title }));
    const oProps: Record<string, PropertyValue> = {
      title: office.title,
      ...certaintyFields(office.certainty),
      ...citationFields(office.cite),
      sourceFamilies: familiesOf(office.cite, familyOf),
    };
    const oDates: Record<string, string | null> = {};
    dateFields('from', office.from, oProps, oDates);
    dateFields('to', office.to, oProps, oDates);
    spanFields(derivedOf(time.offices, office, heldId(person.id, index)), oProps, oDates);
    rows.held.push(relationship(heldId(person.id, index), person.id, id, oProps, oDates));
  });
}

const LINK_ROWS: Readonly<Record<LinkType, 'ledTo' | 'previewOf' | 'reversedBy' | 'partOf'>> = {
  'led-to': 'ledTo',
  'preview-of': 'previewOf',
  'reversed-by': 'reversedBy',
  'part-of': 'partOf',
};

function eventRows(event: EventRecord, rows: GraphRows, familyOf: FamilyOf): void {
  const props: Record<string, PropertyValue> = {
    kind: graphValue(event.kind),
    title: event.title,
    place: event.place,
    summary: event.summary,
    ...certaintyFields(event.certainty),
    ...citationFields(event.cite),
    sourceFamilies: familiesOf(event.cite, familyOf),
  };
  const dates: Record<string, string | null> = {};
  dateFields('date', event.date, props, dates);
  rows.events.push(node(event.id, props, dates));
  for (const p of event.participants) {
    rows.participations.push(
      relationship(`${event.id}/${p.person}/${p.role}`, p.person, event.id, {
        role: graphValue(p.role),
        ...citationFields(p.cite),
        sourceFamilies: familiesOf(p.cite, familyOf),
      }),
    );
  }
  for (const link of event.links) {
    rows[LINK_ROWS[link.type]].push(relationship(`${event.id}/${link.type}/${link.event}`, event.id, link.event, citationFields(link.cite)));
  }
}

export function datasetToRows(dataset: Dataset): GraphRows {
  const rows = emptyRows();
  const time = deriveTime(dataset);
  const familyOf: FamilyOf = new Map(dataset.sources.map((source) => [source.id, graphValue(source.family)]));
  for (const source of dataset.sources) {
    rows.sources.push(
      node(source.id, {
        title: source.title,
        author: source.author,
        year: source.year,
        publication: source.publication,
        file: source.file,
        kind: graphValue(source.kind),
        family: graphValue(source.family),
      }),
    );
  }
  for (const faction of dataset.factions) {
    const fProps: Record<string, PropertyValue> = {
      name: faction.name,
      aliases: faction.aliases,
      parentId: faction.parent,
      description: faction.description,
      ...citationFields(faction.cite),
      lifespan: JSON.stringify({ formed: lifespanClaim(faction.formed), dissolved: lifespanClaim(faction.dissolved) }),
    };
    const fDates: Record<string, string | null> = {};
    dateFields('formed', faction.formed?.date ?? null, fProps, fDates);
    dateFields('dissolved', faction.dissolved?.date ?? null, fProps, fDates);
    rows.factions.push(node(faction.id, fProps, fDates));
    if (faction.parent !== null) rows.subgroups.push(relationship(`${faction.id}/subgroup-of/${faction.parent}`, faction.id, faction.parent, {}));
  }
  const offices = new Map<string, NodeRow>();
  // Citations of the participations and ties each person is in (for the person's sourceFamilies).
  const otherCites = new Map<string, Citation[]>();
  const addCites = (personId: string, cites: readonly Citation[]): void => {
    otherCites.set(personId, [...(otherCites.get(personId) ?? []), ...cites]);
  };
  for (const event of dataset.events) for (const p of event.participants) addCites(p.person, p.cite);
  for (const tie of dataset.ties) for (const end of [tie.a, tie.b]) addCites(end, tie.cite);
  for (const person of dataset.persons) personRows(person, rows, offices, time, familyOf, otherCites.get(person.id) ?? []);
  rows.offices.push(...offices.values());
  for (const event of dataset.events) eventRows(event, rows, familyOf);
  for (const tie of dataset.ties) {
    const props: Record<string, PropertyValue> = {
      kind: graphValue(tie.kind),
      directed: tie.directed,
      summary: tie.summary,
      ...certaintyFields(tie.certainty),
      ...citationFields(tie.cite),
      sourceFamilies: familiesOf(tie.cite, familyOf),
    };
    const dates: Record<string, string | null> = {};
    dateFields('from', tie.from, props, dates);
    dateFields('to', tie.to, props, dates);
    spanFields(derivedOf(time.ties, tie, tie.id), props, dates);
    rows.ties.push(relationship(tie.id, tie.a, tie.b, props, dates));
  }
  return rows;
}
