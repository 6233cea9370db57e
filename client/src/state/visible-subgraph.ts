/**
 * Exports of what is on screen: the visible subgraph as JSON (GraphML and GEXF in
 * subgraph-xml.ts), and the reference list of the facts behind it. Pure functions of the frame,
 * so the files match the view exactly.
 */
import type { Citation, Source, Timeline } from '../timeline-types.js';
import { isoOf } from './dates.js';
import type { Frame } from './frame.js';

export interface VisibleFacts {
  readonly citations: readonly Citation[];
  /** What each citation supports, for the bibliography: "membership: Pak Hon-yong in southern". */
  readonly supports: readonly string[];
}

/** Memberships drawn, ties drawn and the events behind each visible person's status. */
export function visibleFacts(timeline: Timeline, frame: Frame): VisibleFacts {
  const citations: Citation[] = [];
  const supports: string[] = [];
  const names = new Map(timeline.persons.map((p) => [p.id, p.name]));
  const add = (what: string, list: readonly Citation[]): void => {
    for (const c of list) {
      citations.push(c);
      supports.push(what);
    }
  };
  for (const m of timeline.memberships) {
    const p = frame.persons.get(m.personId);
    if (p !== undefined && p.parent === m.factionId) add(`membership: ${names.get(m.personId) ?? m.personId} in ${m.factionId}`, m.citations);
  }
  const tieIds = new Set(frame.ties.map((t) => t.id));
  for (const t of timeline.ties) if (tieIds.has(t.id)) add(`tie: ${t.id}`, t.citations);
  const events = new Map(timeline.events.map((e) => [e.id, e]));
  const seen = new Set<string>();
  for (const person of timeline.persons) {
    if (!frame.persons.has(person.id)) continue;
    for (const change of person.statusChanges) {
      if (change.eventId === null || change.date.earliest > frame.day || seen.has(change.eventId)) continue;
      seen.add(change.eventId);
      const event = events.get(change.eventId);
      if (event !== undefined) add(`event: ${event.title} (${event.date.iso})`, event.citations);
    }
  }
  return { citations, supports };
}

/** A reference list needs no source family (and a source missing from the list has none). */
export type BibSource = Omit<Source, 'family'>;

export interface BibEntry {
  readonly source: BibSource;
  readonly locators: readonly string[];
}

export function bibliography(sources: readonly Source[], citations: readonly Citation[]): BibEntry[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const locators = new Map<string, Set<string>>();
  for (const c of citations) {
    const set = locators.get(c.sourceId) ?? new Set<string>();
    if (c.locator !== '') set.add(c.locator);
    locators.set(c.sourceId, set);
  }
  return [...locators.entries()]
    .map(([id, set]) => ({
      source: byId.get(id) ?? { id, title: id, author: null, year: null, publication: null },
      locators: [...set].sort(),
    }))
    .sort((a, b) => sortKey(a.source).localeCompare(sortKey(b.source)) || (a.source.year ?? 0) - (b.source.year ?? 0));
}

/** A reference list sorts by what leads each entry: the author, or the title when there is none. */
const sortKey = (s: BibSource): string => (s.author ?? s.title).replace(/^["“‘']+/, '').toLowerCase();

/** A title in double quotes, its own inner double quotes turned single, as style guides ask. */
function quoted(title: string): string {
  let open = true;
  const inner = title.replace(/["“”]/g, () => {
    const mark = open ? '‘' : '’';
    open = !open;
    return mark;
  });
  const text = inner.replace(/[.\s]+$/, '');
  return /[?!]$/.test(text) ? `“${text}”` : `“${text}.”`;
}

/**
 * One entry of an author-date reference list (Chicago style):
 * Author. Year. “Title.” Publication. An entry without an author leads with its title.
 */
export function formatSource(s: BibSource): string {
  // "n.d." already ends with its full stop.
  const year = s.year === null ? 'n.d' : String(s.year);
  const publication = s.publication === null || s.publication === '' ? '' : ` ${s.publication.replace(/\.?\s*$/, '.')}`;
  return s.author === null ? `${quoted(s.title)} ${year}.${publication}` : `${s.author.replace(/\.?\s*$/, '.')} ${year}. ${quoted(s.title)}${publication}`;
}

/**
 * A plain-text reference list to paste into a paper: the works, then the passages the visible
 * facts cite in each (so a reader can check every claim), then the date of the view.
 */
export function bibliographyText(entries: readonly BibEntry[], day: number): string {
  const lines = ['References', ''];
  for (const e of entries) lines.push(formatSource(e.source), '');
  lines.push('Passages cited', '');
  for (const e of entries) {
    if (e.locators.length === 0) continue;
    const lead = `${e.source.author?.split(' (')[0] ?? e.source.title} ${e.source.year ?? 'n.d.'}`;
    lines.push(`${lead}: ${e.locators.join('; ')}.`);
  }
  lines.push('', `These are the sources of the facts shown in Faction Atlas at ${isoOf(day)}.`);
  return `${lines.join('\n')}\n`;
}

export interface SubgraphJson {
  readonly date: string;
  readonly factions: readonly { id: string; name: string }[];
  readonly persons: readonly {
    id: string;
    name: string;
    faction: string | null;
    formerMember: boolean;
    status: string;
    statusCertain: boolean;
  }[];
  readonly ties: readonly { id: string; kind: string; source: string; target: string; directed: boolean; certain: boolean }[];
}

export function subgraphJson(timeline: Timeline, frame: Frame): SubgraphJson {
  const names = new Map(timeline.persons.map((p) => [p.id, p.name]));
  const used = new Set([...frame.persons.values()].map((p) => p.parent));
  return {
    date: isoOf(frame.day),
    factions: timeline.factions.filter((f) => used.has(f.id)).map((f) => ({ id: f.id, name: f.name })),
    persons: [...frame.persons.values()].map((p) => ({
      id: p.id,
      name: names.get(p.id) ?? p.id,
      faction: p.parent,
      formerMember: p.former,
      status: p.state,
      statusCertain: p.statusCertain,
    })),
    ties: frame.ties.map((t) => ({ id: t.id, kind: t.kind, source: t.source, target: t.target, directed: t.directed, certain: t.certain })),
  };
}

export { subgraphGexf, subgraphGraphml } from './subgraph-xml.js';
