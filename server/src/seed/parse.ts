/**
 * Shape checks, file by file: required fields, types, vocabularies, dates and intervals.
 * Cross-file checks (ids, references, citation sources) are in references.ts.
 */
import type { PartialDate } from '../../../core/partial-date.js';
import type {
  AliasRecord,
  DateClaim,
  EventRecord,
  FactionRecord,
  LinkRecord,
  MembershipRecord,
  OfficeRecord,
  ParticipantRecord,
  PersonRecord,
  SourceRecord,
  TieRecord,
} from './dataset.js';
import { Entry, Issues } from './fields.js';
import type { SeedFile } from './read.js';
import {
  ALIAS_SYSTEMS,
  CERTAINTIES,
  DIRECTED_TIE_KINDS,
  EVENT_KINDS,
  graphValue,
  LINK_TYPES,
  ROLES,
  SOURCE_FAMILIES,
  SOURCE_KINDS,
  TIE_KINDS,
  CERTAINTY_RANK,
} from '../../../core/vocabulary.js';

const SOURCE_KEYS = ['id', 'title', 'author', 'year', 'publication', 'file', 'kind', 'family'];
const FACTION_KEYS = ['id', 'name', 'aliases', 'parent', 'description', 'formed', 'dissolved', 'cite'];
const LIFESPAN_KEYS = ['date', 'certainty', 'cite'];
const PERSON_KEYS = ['id', 'name', 'hangul', 'hanja', 'aliases', 'names_cite', 'born', 'died', 'summary', 'disambiguation', 'cite', 'memberships', 'offices'];
const ALIAS_KEYS = ['form', 'system'];
const CLAIM_KEYS = ['date', 'certainty', 'cite'];
const MEMBERSHIP_KEYS = ['faction', 'from', 'to', 'certainty', 'cite'];
const OFFICE_KEYS = ['title', 'from', 'to', 'certainty', 'cite'];
const EVENT_KEYS = ['id', 'kind', 'title', 'date', 'place', 'certainty', 'summary', 'cite', 'participants', 'links'];
const PARTICIPANT_KEYS = ['person', 'role', 'cite'];
const LINK_KEYS = ['type', 'event', 'cite'];
const TIE_KEYS = ['id', 'kind', 'a', 'b', 'directed', 'from', 'to', 'certainty', 'summary', 'cite'];

/** An interval ends before it starts only if even its latest end precedes its earliest start. */
function checkInterval(entry: Entry, from: PartialDate | null, to: PartialDate | null): void {
  if (from === null || to === null || to.latest >= from.earliest) return;
  entry.error(
    'to',
    `interval ends before it starts: to "${to.iso}" (at the latest ${to.latest}) is before from "${from.iso}" (at the earliest ${from.earliest})`,
  );
}

/** List files (sources, factions, events, ties) hold a YAML list of entries. */
function entriesOf(issues: Issues, file: SeedFile, keys: readonly string[]): Entry[] {
  if (file.data === null || file.data === undefined) return [];
  if (!Array.isArray(file.data)) {
    issues.add({ file, path: [] }, 'expected a list of entries (lines starting with "- ")');
    return [];
  }
  const entries: Entry[] = [];
  file.data.forEach((item, index) => {
    const entry = Entry.open(issues, file, [index], item, keys);
    if (entry !== null) entries.push(entry);
  });
  return entries;
}

export function parseSources(issues: Issues, file: SeedFile): SourceRecord[] {
  return entriesOf(issues, file, SOURCE_KEYS).flatMap((entry) => {
    const id = entry.text('id', true);
    const title = entry.text('title', true);
    const kind = entry.choice('kind', SOURCE_KINDS, null, 'source kind');
    const family = entry.choice('family', SOURCE_FAMILIES, null, 'source family');
    const author = entry.text('author', false);
    const year = entry.integer('year');
    if (kind === 'secondary' && (author === null || year === null)) {
      entry.error(author === null ? 'author' : 'year', 'a secondary source needs author, title and year');
    }
    // Records with errors are kept (with placeholders) so their references are still checked;
    // any error anywhere stops the load, so a placeholder never reaches the database.
    if (id === null) return [];
    return [
      {
        id,
        title: title ?? '',
        author,
        year,
        publication: entry.text('publication', false),
        file: entry.text('file', false),
        kind: kind ?? 'scholarly',
        family: family ?? 'editorial',
        loc: entry.loc(),
      },
    ];
  });
}

export function parseFactions(issues: Issues, file: SeedFile): FactionRecord[] {
  return entriesOf(issues, file, FACTION_KEYS).flatMap((entry) => {
    const id = entry.text('id', true);
    const name = entry.text('name', true);
    const aliases = entry.stringList('aliases');
    const parent = entry.text('parent', false);
    const description = entry.text('description', false);
    const formed = parseLifespanEnd(entry, 'formed', true);
    const dissolved = parseLifespanEnd(entry, 'dissolved', false);
    if (formed !== null && dissolved !== null && dissolved.date.latest < formed.date.earliest) {
      entry.error('dissolved', `the faction is dissolved ("${dissolved.date.iso}") before it formed ("${formed.date.iso}")`);
    }
    const cite = entry.citations('cite', 'faction');
    if (id === null) return [];
    return [{ id, name: name ?? '', aliases, parent, description, formed, dissolved, cite, loc: entry.loc() }];
  });
}

/** `formed:` / `dissolved:` of a faction: one dated, cited claim. */
function parseLifespanEnd(entry: Entry, key: 'formed' | 'dissolved', required: boolean): DateClaim | null {
  const value = entry.raw(key);
  if (value === undefined || value === null) {
    if (required) entry.error(key, `every faction needs "${key}:" with date, certainty and cite: when it formed as a group (docs/seed-format.md)`);
    return null;
  }
  const claim = entry.child([key], value, LIFESPAN_KEYS);
  if (claim === null) return null;
  const date = claim.date('date', true);
  const certainty = claim.choice('certainty', CERTAINTIES, 'certain', 'certainty') ?? 'certain';
  const cite = claim.citations('cite', `faction ${key}`);
  return date === null ? null : { date, certainty, cite };
}

function parseClaims(entry: Entry, key: 'born' | 'died'): DateClaim[] {
  return entry.list(key, (item, index) => {
    const claim = entry.child([key, index], item, CLAIM_KEYS);
    if (claim === null) return null;
    const date = claim.date('date', true);
    const certainty = claim.choice('certainty', CERTAINTIES, 'certain', 'certainty') ?? 'certain';
    const cite = claim.citations('cite', `${key} claim`);
    return date === null ? null : { date, certainty, cite };
  });
}

function parseAliases(entry: Entry): AliasRecord[] {
  return entry.list('aliases', (item, index) => {
    const alias = entry.child(['aliases', index], item, ALIAS_KEYS);
    if (alias === null) return null;
    const form = alias.text('form', true);
    const system = alias.choice('system', ALIAS_SYSTEMS, null, 'alias system');
    return form === null || system === null ? null : { form, system };
  });
}

function parseMemberships(entry: Entry): MembershipRecord[] {
  return entry.list('memberships', (item, index) => {
    const m = entry.child(['memberships', index], item, MEMBERSHIP_KEYS);
    if (m === null) return null;
    const faction = m.text('faction', true);
    const from = m.date('from', false);
    const to = m.date('to', false);
    checkInterval(m, from, to);
    const certainty = m.choice('certainty', CERTAINTIES, 'certain', 'certainty') ?? 'certain';
    const cite = m.citations('cite', 'membership');
    return faction === null ? null : { faction, from, to, certainty, cite, loc: m.loc() };
  });
}

function parseOffices(entry: Entry): OfficeRecord[] {
  return entry.list('offices', (item, index) => {
    const o = entry.child(['offices', index], item, OFFICE_KEYS);
    if (o === null) return null;
    const title = o.text('title', true);
    const from = o.date('from', false);
    const to = o.date('to', false);
    checkInterval(o, from, to);
    const certainty = o.choice('certainty', CERTAINTIES, 'certain', 'certainty') ?? 'certain';
    const cite = o.citations('cite', 'office');
    return title === null ? null : { title, from, to, certainty, cite, loc: o.loc() };
  });
}

/** The preferred claim: the most certain, the first written among equals. */
export function preferredClaim(claims: readonly DateClaim[]): DateClaim | null {
  let best: DateClaim | null = null;
  for (const claim of claims) if (best === null || CERTAINTY_RANK[graphValue(claim.certainty)] > CERTAINTY_RANK[graphValue(best.certainty)]) best = claim;
  return best;
}

export function parsePerson(issues: Issues, file: SeedFile): PersonRecord | null {
  const entry = Entry.open(issues, file, [], file.data, PERSON_KEYS);
  if (entry === null) return null;
  const id = entry.text('id', true);
  const name = entry.text('name', true);
  const hangul = entry.text('hangul', false);
  const hanja = entry.text('hanja', false);
  const aliases = parseAliases(entry);
  const namesCite = entry.citations('names_cite', 'name form', false);
  if (namesCite.length > 0 && hangul === null && hanja === null && aliases.length === 0) {
    entry.error('names_cite', 'names_cite supports hangul, hanja or aliases, but this person has none');
  }
  const born = parseClaims(entry, 'born');
  const died = parseClaims(entry, 'died');
  const bornDate = preferredClaim(born)?.date;
  const diedDate = preferredClaim(died)?.date;
  if (bornDate && diedDate && diedDate.latest < bornDate.earliest) {
    entry.error('died', `died "${diedDate.iso}" before born "${bornDate.iso}"`);
  }
  const cite = entry.citations('cite', 'person');
  const memberships = parseMemberships(entry);
  const offices = parseOffices(entry);
  const summary = entry.text('summary', false);
  const disambiguation = entry.text('disambiguation', false);
  const expected = file.absolute.replace(/^.*[\\/]/, '').replace(/\.yaml$/, '');
  if (id !== null && id !== expected) entry.error('id', `id "${id}" does not match the file name "${expected}.yaml" (people/<id>.yaml)`);
  if (id === null) return null;
  return { id, name: name ?? '', hangul, hanja, aliases, born, died, summary, disambiguation, cite, namesCite, memberships, offices, loc: entry.loc() };
}

function parseParticipants(entry: Entry): ParticipantRecord[] {
  return entry.list('participants', (item, index) => {
    const p = entry.child(['participants', index], item, PARTICIPANT_KEYS);
    if (p === null) return null;
    const person = p.text('person', true);
    const role = p.choice('role', ROLES, null, 'role');
    const cite = p.citations('cite', 'participation');
    return person === null ? null : { person, role: role ?? 'participant', cite, loc: p.loc() };
  });
}

function parseLinks(entry: Entry): LinkRecord[] {
  return entry.list('links', (item, index) => {
    const l = entry.child(['links', index], item, LINK_KEYS);
    if (l === null) return null;
    const type = l.choice('type', LINK_TYPES, null, 'link type');
    const event = l.text('event', true);
    const cite = l.citations('cite', 'event link');
    // Without a valid type a placeholder would raise false "duplicate link" errors; drop it.
    return type === null || event === null ? null : { type, event, cite, loc: l.loc() };
  });
}

export function parseEvents(issues: Issues, file: SeedFile): EventRecord[] {
  return entriesOf(issues, file, EVENT_KEYS).flatMap((entry) => {
    const id = entry.text('id', true);
    const kind = entry.choice('kind', EVENT_KINDS, null, 'event kind');
    const title = entry.text('title', true);
    const date = entry.date('date', true);
    const certainty = entry.choice('certainty', CERTAINTIES, 'certain', 'certainty') ?? 'certain';
    const cite = entry.citations('cite', 'event');
    const participants = parseParticipants(entry);
    const links = parseLinks(entry);
    if (id !== null && !/^\d{4}-/.test(id)) entry.error('id', `event ids start with the year, e.g. "1956-08-30-august-plenum"; got "${id}"`);
    else if (id !== null && date !== null && !id.startsWith(`${date.iso.slice(0, 4)}-`)) {
      entry.error('id', `event id "${id}" starts with a different year than its date "${date.iso}"`);
    }
    if (id === null) return [];
    const record: EventRecord = {
      id,
      kind: kind ?? 'other',
      title: title ?? '',
      date,
      place: entry.text('place', false),
      certainty,
      summary: entry.text('summary', false),
      cite,
      participants,
      links,
      loc: entry.loc(),
    };
    return [record];
  });
}

export function parseTies(issues: Issues, file: SeedFile): TieRecord[] {
  return entriesOf(issues, file, TIE_KEYS).flatMap((entry) => {
    const id = entry.text('id', true);
    const kind = entry.choice('kind', TIE_KINDS, null, 'tie kind');
    const a = entry.text('a', true);
    const b = entry.text('b', true);
    const written = entry.bool('directed');
    const inherentlyDirected = kind !== null && DIRECTED_TIE_KINDS.includes(kind);
    if (written === false && inherentlyDirected) entry.error('directed', `a ${kind} tie is directed (a -> b); remove "directed: false"`);
    const from = entry.date('from', false);
    const to = entry.date('to', false);
    checkInterval(entry, from, to);
    const certainty = entry.choice('certainty', CERTAINTIES, 'certain', 'certainty') ?? 'certain';
    const cite = entry.citations('cite', 'tie');
    if (id !== null && !id.startsWith('tie-')) entry.error('id', `tie ids start with "tie-"; got "${id}"`);
    if (a !== null && a === b) entry.error('b', `a tie joins two different people; a and b are both "${a}"`);
    if (id === null || a === null || b === null) return [];
    const directed = written ?? inherentlyDirected;
    return [{ id, kind: kind ?? 'association', a, b, directed, from, to, certainty, summary: entry.text('summary', false), cite, loc: entry.loc() }];
  });
}
