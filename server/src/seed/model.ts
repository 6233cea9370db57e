/**
 * Validated dataset -> graph rows, following docs/data-model.md: enumerations upper-case,
 * partial dates as five properties, citations as JSON plus a sourceIds list.
 */
import { formatPartialDate } from '../domain/partial-date.js';
import { searchKeys } from '../domain/names.js';
import type { Citation, DateClaim, Dataset, EventRecord, PersonRecord } from './dataset.js';
import { preferredClaim } from './parse.js';
import { dateFields, emptyRows, type GraphRows, type NodeRow, type PropertyValue, type RelationshipRow } from './rows.js';
import { CERTAINTY_RANK, graphValue, type Certainty, type LinkType } from './schema.js';

function citationFields(citations: readonly Citation[]): { citations: string; sourceIds: string[] } {
  return {
    citations: JSON.stringify(citations.map((c) => ({ source: c.source, locator: c.at, note: c.note }))),
    sourceIds: [...new Set(citations.map((c) => c.source))].sort(),
  };
}

function certaintyFields(certainty: Certainty): { certainty: string; certaintyRank: number } {
  return { certainty: graphValue(certainty), certaintyRank: CERTAINTY_RANK[certainty] };
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

function node(id: string, props: Record<string, PropertyValue>, dates: Record<string, string | null> = {}): NodeRow {
  return { id, props: { id, ...props }, dates };
}

function relationship(id: string, from: string, to: string, props: Record<string, PropertyValue>, dates: Record<string, string | null> = {}): RelationshipRow {
  return { id, from, to, props: { id, ...props }, dates };
}

function personRows(person: PersonRecord, rows: GraphRows, offices: Map<string, NodeRow>): void {
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
    ...person.cite, ...person.namesCite, ...person.born.flatMap((claim) => claim.cite), ...person.died.flatMap((claim) => claim.cite),
  ]).sourceIds;
  const dates: Record<string, string | null> = {};
  dateFields('born', preferredClaim(person.born)?.date ?? null, props, dates);
  dateFields('died', preferredClaim(person.died)?.date ?? null, props, dates);
  rows.persons.push(node(person.id, props, dates));

  const perFaction = new Map<string, number>();
  for (const m of person.memberships) {
    const n = perFaction.get(m.faction) ?? 0;
    perFaction.set(m.faction, n + 1);
    const mProps: Record<string, PropertyValue> = { ...certaintyFields(m.certainty), ...citationFields(m.cite) };
    const mDates: Record<string, string | null> = {};
    dateFields('from', m.from, mProps, mDates);
    dateFields('to', m.to, mProps, mDates);
    rows.memberships.push(relationship(`${person.id}/member/${m.faction}/${n}`, person.id, m.faction, mProps, mDates));
  }
  person.offices.forEach((office, index) => {
    const id = officeId(office.title);
    if (!offices.has(id)) offices.set(id, node(id, { title: office.title }));
    const oProps: Record<string, PropertyValue> = { title: office.title, ...certaintyFields(office.certainty), ...citationFields(office.cite) };
    const oDates: Record<string, string | null> = {};
    dateFields('from', office.from, oProps, oDates);
    dateFields('to', office.to, oProps, oDates);
    rows.held.push(relationship(`${person.id}/office/${index}`, person.id, id, oProps, oDates));
  });
}

const LINK_ROWS: Readonly<Record<LinkType, 'ledTo' | 'previewOf' | 'reversedBy' | 'partOf'>> = {
  'led-to': 'ledTo',
  'preview-of': 'previewOf',
  'reversed-by': 'reversedBy',
  'part-of': 'partOf',
};

function eventRows(event: EventRecord, rows: GraphRows): void {
  const props: Record<string, PropertyValue> = {
    kind: graphValue(event.kind),
    title: event.title,
    place: event.place,
    summary: event.summary,
    ...certaintyFields(event.certainty),
    ...citationFields(event.cite),
  };
  const dates: Record<string, string | null> = {};
  dateFields('date', event.date, props, dates);
  rows.events.push(node(event.id, props, dates));
  for (const p of event.participants) {
    rows.participations.push(relationship(`${event.id}/${p.person}/${p.role}`, p.person, event.id, { role: graphValue(p.role), ...citationFields(p.cite) }));
  }
  for (const link of event.links) {
    rows[LINK_ROWS[link.type]].push(relationship(`${event.id}/${link.type}/${link.event}`, event.id, link.event, citationFields(link.cite)));
  }
}

export function datasetToRows(dataset: Dataset): GraphRows {
  const rows = emptyRows();
  for (const source of dataset.sources) {
    rows.sources.push(node(source.id, {
      title: source.title, author: source.author, year: source.year, publication: source.publication, file: source.file, kind: graphValue(source.kind),
    }));
  }
  for (const faction of dataset.factions) {
    rows.factions.push(node(faction.id, {
      name: faction.name, aliases: faction.aliases, parentId: faction.parent, description: faction.description, ...citationFields(faction.cite),
    }));
    if (faction.parent !== null) rows.subgroups.push(relationship(`${faction.id}/subgroup-of/${faction.parent}`, faction.id, faction.parent, {}));
  }
  const offices = new Map<string, NodeRow>();
  for (const person of dataset.persons) personRows(person, rows, offices);
  rows.offices.push(...offices.values());
  for (const event of dataset.events) eventRows(event, rows);
  for (const tie of dataset.ties) {
    const props: Record<string, PropertyValue> = {
      kind: graphValue(tie.kind), directed: tie.directed, summary: tie.summary, ...certaintyFields(tie.certainty), ...citationFields(tie.cite),
    };
    const dates: Record<string, string | null> = {};
    dateFields('from', tie.from, props, dates);
    dateFields('to', tie.to, props, dates);
    rows.ties.push(relationship(tie.id, tie.a, tie.b, props, dates));
  }
  return rows;
}
