/**
 * Checks across files: id format and uniqueness, references between records, and citations
 * (their sources must exist; editorial sources only support name forms).
 */
import type { Citation, Dataset, Location } from './dataset.js';
import type { Issues } from './fields.js';
import { lineOf } from './read.js';
import { ID_PATTERN } from './graph-names.js';
import { editDistance } from '../domain/search.js';

type IdKind = 'source' | 'faction' | 'person' | 'event' | 'tie';

interface Registered {
  readonly kind: IdKind;
  readonly loc: Location;
}

/** Beyond this many candidates an error suggests near matches instead of listing them all. */
const LIST_ALL_UP_TO = 12;

/** "(known: a, b, c)" for short vocabularies of ids, "(did you mean: x, y?)" for long ones. */
export function knownHint(wanted: string, known: readonly string[]): string {
  if (known.length === 0) return '(none are defined)';
  const sorted = [...known].sort();
  if (sorted.length <= LIST_ALL_UP_TO) return `(known: ${sorted.join(', ')})`;
  const nearest = sorted
    .map((id) => ({ id, distance: editDistance(wanted, id) }))
    .sort((x, y) => x.distance - y.distance || x.id.localeCompare(y.id))
    .slice(0, 3)
    .map((entry) => entry.id);
  return `(did you mean: ${nearest.join(', ')}?)`;
}

class Registry {
  private readonly byId = new Map<string, Registered>();
  private readonly idsByKind = new Map<IdKind, string[]>();

  constructor(private readonly issues: Issues) {}

  register(id: string, kind: IdKind, loc: Location): void {
    const idLoc = { file: loc.file, path: [...loc.path, 'id'] };
    if (!ID_PATTERN.test(id)) {
      this.issues.add(idLoc, `malformed id "${id}": ids are lower-case ASCII slugs like "pak-hon-yong" (letters, digits, single hyphens)`);
    }
    const existing = this.byId.get(id);
    if (existing !== undefined) {
      const where = `${existing.loc.file.display}:${lineOf(existing.loc.file, existing.loc.path)}`;
      this.issues.add(idLoc, `duplicate id "${id}": already used by the ${existing.kind} at ${where}`);
      return;
    }
    this.byId.set(id, { kind, loc });
    const list = this.idsByKind.get(kind) ?? [];
    list.push(id);
    this.idsByKind.set(kind, list);
  }

  /** Records an error at `loc` unless `id` names a record of `kind`. */
  expect(id: string, kind: IdKind, loc: Location): boolean {
    const found = this.byId.get(id);
    if (found?.kind === kind) return true;
    if (found !== undefined) this.issues.add(loc, `"${id}" is a ${found.kind}, not a ${kind}`);
    else this.issues.add(loc, `unknown ${kind} "${id}" ${knownHint(id, this.idsByKind.get(kind) ?? [])}`);
    return false;
  }
}

function checkCitations(issues: Issues, registry: Registry, editorial: ReadonlySet<string>, citations: readonly Citation[], namesCite: boolean): void {
  for (const citation of citations) {
    const sourceLoc = { file: citation.loc.file, path: [...citation.loc.path, 'source'] };
    if (!registry.expect(citation.source, 'source', sourceLoc)) continue;
    if (editorial.has(citation.source)) {
      if (!namesCite) {
        issues.add(sourceLoc, `"${citation.source}" is an editorial source (our own derivation): cite it only in names_cite, never as evidence for a fact`);
      }
    } else if (citation.at === null) {
      issues.add(
        { file: citation.loc.file, path: [...citation.loc.path, 'at'] },
        `missing locator: say where in "${citation.source}" (section, paragraph, footnote or page)`,
      );
    }
  }
}

function checkFactionParents(issues: Issues, registry: Registry, dataset: Dataset): void {
  const parentOf = new Map(dataset.factions.map((faction) => [faction.id, faction.parent]));
  for (const faction of dataset.factions) {
    if (faction.parent === null) continue;
    const parentLoc = { file: faction.loc.file, path: [...faction.loc.path, 'parent'] };
    if (!registry.expect(faction.parent, 'faction', parentLoc)) continue;
    const seen = new Set([faction.id]);
    for (let at: string | null | undefined = faction.parent; at; at = parentOf.get(at)) {
      if (seen.has(at)) {
        issues.add(parentLoc, `faction "${faction.id}" is its own ancestor (parent chain loops through "${at}")`);
        break;
      }
      seen.add(at);
    }
  }
}

export function checkReferences(issues: Issues, dataset: Dataset): void {
  const registry = new Registry(issues);
  for (const source of dataset.sources) registry.register(source.id, 'source', source.loc);
  for (const faction of dataset.factions) registry.register(faction.id, 'faction', faction.loc);
  for (const person of dataset.persons) registry.register(person.id, 'person', person.loc);
  for (const event of dataset.events) registry.register(event.id, 'event', event.loc);
  for (const tie of dataset.ties) registry.register(tie.id, 'tie', tie.loc);

  const editorial = new Set(dataset.sources.filter((source) => source.kind === 'editorial').map((source) => source.id));
  const cites = (citations: readonly Citation[], namesCite = false): void => checkCitations(issues, registry, editorial, citations, namesCite);
  const at = (loc: Location, field: string): Location => ({ file: loc.file, path: [...loc.path, field] });

  checkFactionParents(issues, registry, dataset);
  for (const faction of dataset.factions) cites(faction.cite);
  for (const person of dataset.persons) {
    cites(person.cite);
    cites(person.namesCite, true);
    for (const claim of [...person.born, ...person.died]) cites(claim.cite);
    for (const membership of person.memberships) {
      registry.expect(membership.faction, 'faction', at(membership.loc, 'faction'));
      cites(membership.cite);
    }
    for (const office of person.offices) cites(office.cite);
  }
  for (const event of dataset.events) {
    cites(event.cite);
    const roles = new Set<string>();
    for (const participant of event.participants) {
      registry.expect(participant.person, 'person', at(participant.loc, 'person'));
      const key = `${participant.person}/${participant.role}`;
      if (roles.has(key)) issues.add(at(participant.loc, 'person'), `"${participant.person}" is listed twice as ${participant.role} of this event`);
      roles.add(key);
      cites(participant.cite);
    }
    const links = new Set<string>();
    for (const link of event.links) {
      if (link.event === event.id) issues.add(at(link.loc, 'event'), 'an event cannot link to itself');
      else registry.expect(link.event, 'event', at(link.loc, 'event'));
      const key = `${link.type}/${link.event}`;
      if (links.has(key)) issues.add(at(link.loc, 'event'), `duplicate link: ${link.type} "${link.event}" is listed twice`);
      links.add(key);
      cites(link.cite);
    }
  }
  for (const tie of dataset.ties) {
    registry.expect(tie.a, 'person', at(tie.loc, 'a'));
    registry.expect(tie.b, 'person', at(tie.loc, 'b'));
    cites(tie.cite);
  }
}
