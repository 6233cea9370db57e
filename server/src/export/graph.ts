/**
 * The graph as exported: nodes and edges with a display label, a time span for Gephi's timeline
 * and a fixed set of attributes (every property is kept too, for the JSON export).
 */
import type { XmlColumn } from '../../../core/graph-xml.js';
import type { Database } from '../db/database.js';
import type { Plain } from '../db/values.js';
import { CURATED_RELATIONSHIPS } from '../seed/graph-names.js';

export type AttributeValue = string | number | boolean | null;

export interface ExportElement {
  readonly id: string;
  /** Node label or relationship type. */
  readonly type: string;
  /** First and last day (YYYY-MM-DD) the element may be active; null = open. */
  readonly start: string | null;
  readonly end: string | null;
  readonly attributes: Record<string, AttributeValue>;
  readonly properties: Record<string, Plain>;
}

export interface ExportNode extends ExportElement {
  readonly label: string;
}

export interface ExportEdge extends ExportElement {
  readonly source: string;
  readonly target: string;
  /** False for a tie that has no direction; the files still write it as one directed edge (see graphml.ts). */
  readonly directed: boolean;
  /** What the edge says, for a viewer's edge label: "alliance", "member of", "target". */
  readonly label: string;
}

export interface TimeWindow {
  /** First year included; null = open. */
  readonly from: number | null;
  /** Last year included; null = open. */
  readonly to: number | null;
}

export interface ExportGraph {
  readonly window: TimeWindow;
  readonly nodes: ExportNode[];
  readonly edges: ExportEdge[];
}

/** An attribute column of the GraphML and GEXF files. */
export type AttributeSpec = XmlColumn;

export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { key: 'type', type: 'string' },
  { key: 'kind', type: 'string' },
  { key: 'hangul', type: 'string' },
  { key: 'hanja', type: 'string' },
  { key: 'aliases', type: 'string' },
  { key: 'date', type: 'string' },
  { key: 'born', type: 'string' },
  { key: 'died', type: 'string' },
  { key: 'certainty', type: 'string' },
  { key: 'summary', type: 'string' },
  { key: 'sourceIds', type: 'string' },
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { key: 'type', type: 'string' },
  { key: 'directed', type: 'boolean' },
  { key: 'kind', type: 'string' },
  { key: 'role', type: 'string' },
  { key: 'title', type: 'string' },
  { key: 'from', type: 'string' },
  { key: 'to', type: 'string' },
  { key: 'certainty', type: 'string' },
  { key: 'certaintyRank', type: 'integer' },
  // The inferred span (docs/data-model.md "Time"): where the fact may and certainly holds, and
  // what each end rests on (RECORDED, or the basis and fact it was inferred from).
  { key: 'possibleFrom', type: 'string' },
  { key: 'possibleTo', type: 'string' },
  { key: 'certainFrom', type: 'string' },
  { key: 'certainTo', type: 'string' },
  { key: 'startBasis', type: 'string' },
  { key: 'startInferredFrom', type: 'string' },
  { key: 'endBasis', type: 'string' },
  { key: 'endInferredFrom', type: 'string' },
  { key: 'summary', type: 'string' },
  { key: 'sourceIds', type: 'string' },
  { key: 'citations', type: 'string' },
];

/** Office ids are title slugs and could equal another id, so exported office nodes get a prefix. */
const OFFICE_PREFIX = 'office/';

function text(value: Plain | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function integerOrNull(value: Plain | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function asRecord(value: Plain | undefined): Record<string, Plain> {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function day(value: Plain | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function parsed(value: Plain | undefined): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

/** One end of the stored `bounds` JSON: its basis and, when inferred, the fact it rests on. */
function boundOf(bounds: unknown, end: 'start' | 'end'): { basis: string | null; fact: string | null } {
  const bound = field(bounds, end);
  const basis = field(bound, 'basis');
  const fact = field(bound, 'fact');
  const label = field(fact, 'label');
  const kind = field(fact, 'kind');
  return {
    basis: typeof basis === 'string' ? basis : null,
    fact: typeof label === 'string' ? `${typeof kind === 'string' ? `${kind.toLowerCase()}: ` : ''}${label}` : null,
  };
}

/** The stored citations JSON as "source, locator" items, so a file read alone still cites. */
function citationText(value: Plain | undefined): string | null {
  const list = parsed(value);
  if (!Array.isArray(list) || list.length === 0) return null;
  return list
    .map((c: unknown) => [field(c, 'source'), field(c, 'locator')].filter((x): x is string => typeof x === 'string' && x !== '').join(', '))
    .join('; ');
}

const EDGE_LABEL: Readonly<Record<string, string>> = { MEMBER_OF: 'member of', HELD: 'held', PARTICIPATED_IN: 'took part in' };

function edgeLabel(type: string, properties: Record<string, Plain>): string {
  const word = text(properties['kind']) ?? text(properties['role']) ?? text(properties['type']);
  if (type === 'PARTICIPATED_IN' && word !== null) return word.toLowerCase().replace(/_/g, ' ');
  return EDGE_LABEL[type] ?? (word ?? type).toLowerCase().replace(/_/g, ' ');
}

function nodeOf(label: string, id: string, properties: Record<string, Plain>, start: string | null, end: string | null): ExportNode {
  const display = text(properties['name']) ?? text(properties['title']) ?? id;
  return {
    id: label === 'Office' ? `${OFFICE_PREFIX}${id}` : id,
    type: label,
    label: display,
    start,
    end,
    properties,
    attributes: {
      type: label,
      kind: text(properties['kind']),
      hangul: text(properties['hangul']),
      hanja: text(properties['hanja']),
      aliases: text(properties['aliases']),
      date: text(properties['dateIso']),
      born: text(properties['bornIso']),
      died: text(properties['diedIso']),
      certainty: text(properties['certainty']),
      summary: text(properties['summary']) ?? text(properties['description']),
      sourceIds: text(properties['sourceIds']),
    },
  };
}

function windowParams(window: TimeWindow): { windowStart: string | null; windowEnd: string | null } {
  return {
    windowStart: window.from === null ? null : `${String(window.from).padStart(4, '0')}-01-01`,
    windowEnd: window.to === null ? null : `${String(window.to).padStart(4, '0')}-12-31`,
  };
}

/** Reads the whole graph, or the elements whose time span overlaps `window`, in one read transaction. */
export async function readExportGraph(db: Database, window: TimeWindow = { from: null, to: null }): Promise<ExportGraph> {
  const params = windowParams(window);
  const rows = await db.readTransaction(async (tx) => ({
    persons: await tx.run('export/persons', params),
    events: await tx.run('export/events', params),
    undated: await tx.run('export/undated-nodes'),
    relationships: await tx.run('export/relationships', { ...params, types: [...CURATED_RELATIONSHIPS] }),
  }));
  const nodes: ExportNode[] = [];
  for (const row of rows.undated) {
    nodes.push(nodeOf(String(row['label']), String(row['id']), asRecord(row['properties']), null, null));
  }
  for (const row of rows.persons) nodes.push(nodeOf('Person', String(row['id']), asRecord(row['properties']), day(row['startDate']), day(row['endDate'])));
  for (const row of rows.events) nodes.push(nodeOf('Event', String(row['id']), asRecord(row['properties']), day(row['startDate']), day(row['endDate'])));

  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges: ExportEdge[] = [];
  for (const row of rows.relationships) {
    const type = String(row['type']);
    const properties = asRecord(row['properties']);
    const target = type === 'HELD' ? `${OFFICE_PREFIX}${String(row['target'])}` : String(row['target']);
    const source = String(row['source']);
    // An edge is exported only with both of its ends (each end's own span decides that).
    if (!nodeIds.has(source) || !nodeIds.has(target)) continue;
    const directed = type !== 'TIE' || properties['directed'] === true;
    const bounds = parsed(properties['bounds']);
    const start = boundOf(bounds, 'start');
    const end = boundOf(bounds, 'end');
    edges.push({
      id: String(row['id']),
      type,
      source,
      target,
      directed,
      label: edgeLabel(type, properties),
      start: day(row['startDate']),
      end: day(row['endDate']),
      properties,
      attributes: {
        type,
        directed,
        kind: text(properties['kind']),
        role: text(properties['role']),
        title: text(properties['title']),
        from: text(properties['fromIso']),
        to: text(properties['toIso']),
        certainty: text(properties['certainty']),
        certaintyRank: integerOrNull(properties['certaintyRank']),
        possibleFrom: text(properties['possibleEarliest']),
        possibleTo: text(properties['possibleLatest']),
        certainFrom: text(properties['certainEarliest']),
        certainTo: text(properties['certainLatest']),
        startBasis: start.basis,
        startInferredFrom: start.fact,
        endBasis: end.basis,
        endInferredFrom: end.fact,
        summary: text(properties['summary']),
        sourceIds: text(properties['sourceIds']),
        citations: citationText(properties['citations']),
      },
    });
  }
  // Offices carry no dates: within a window keep only those some exported HELD edge reaches.
  const windowed = window.from !== null || window.to !== null;
  const heldTargets = new Set(edges.filter((edge) => edge.type === 'HELD').map((edge) => edge.target));
  const kept = nodes.filter((node) => !windowed || node.type !== 'Office' || heldTargets.has(node.id));
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { window, nodes: kept.sort(byId), edges: edges.sort(byId) };
}
