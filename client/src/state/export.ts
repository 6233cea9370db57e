/**
 * Exports of what is on screen: the visible subgraph as JSON or GraphML, and the bibliography
 * of the facts behind it. Pure functions of the frame, so the files match the view exactly.
 */
import type { Citation, Source, Timeline } from '../model.js';
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

export interface BibEntry {
  readonly source: Source;
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
      source: byId.get(id) ?? { id, title: id, author: null, year: null },
      locators: [...set].sort(),
    }))
    .sort((a, b) => (a.source.author ?? a.source.title).localeCompare(b.source.author ?? b.source.title));
}

export function formatSource(s: Source): string {
  const who = s.author ?? 'Anonymous';
  const when = s.year === null ? 'n.d.' : String(s.year);
  return `${who} (${when}). ${s.title}.`;
}

export function bibliographyText(entries: readonly BibEntry[], day: number): string {
  const lines = [`Faction Atlas: sources of the facts visible at ${isoOf(day)}`, ''];
  for (const e of entries) {
    lines.push(formatSource(e.source));
    if (e.locators.length > 0) lines.push(`    at: ${e.locators.join('; ')}`);
  }
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

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GraphML with factions as nested graphs, the standard way to express compound nodes. */
export function subgraphGraphml(timeline: Timeline, frame: Frame): string {
  const g = subgraphJson(timeline, frame);
  const node = (p: SubgraphJson['persons'][number]): string =>
    `      <node id="${xml(p.id)}"><data key="name">${xml(p.name)}</data><data key="status">${p.status}</data>` +
    `<data key="certain">${p.statusCertain}</data></node>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="status" for="node" attr.name="status" attr.type="string"/>',
    '  <key id="certain" for="all" attr.name="certain" attr.type="boolean"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    `  <graph id="atlas-${g.date}" edgedefault="undirected">`,
  ];
  for (const f of g.factions) {
    lines.push(`    <node id="faction:${xml(f.id)}"><data key="name">${xml(f.name)}</data>`);
    lines.push(`     <graph id="faction:${xml(f.id)}:" edgedefault="undirected">`);
    for (const p of g.persons) if (p.faction === f.id) lines.push(node(p));
    lines.push('     </graph>', '    </node>');
  }
  for (const p of g.persons) if (p.faction === null || !g.factions.some((f) => f.id === p.faction)) lines.push(node(p).slice(2));
  for (const t of g.ties) {
    lines.push(
      `    <edge id="${xml(t.id)}" source="${xml(t.source)}" target="${xml(t.target)}" directed="${t.directed}">` +
        `<data key="kind">${t.kind}</data><data key="certain">${t.certain}</data></edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
