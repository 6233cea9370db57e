/**
 * The graph as exported: nodes and edges with a display label, a time span for Gephi's timeline
 * and a fixed set of attributes (every property is kept too, for the JSON export).
 */
import type { Database } from '../../db/database.js';
import type { Plain } from '../../db/values.js';
import { CURATED_RELATIONSHIPS } from '../schema.js';

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
  readonly directed: boolean;
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

export interface AttributeSpec {
  readonly key: string;
  readonly type: 'string' | 'integer' | 'boolean';
}

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
  { key: 'kind', type: 'string' },
  { key: 'role', type: 'string' },
  { key: 'title', type: 'string' },
  { key: 'from', type: 'string' },
  { key: 'to', type: 'string' },
  { key: 'certainty', type: 'string' },
  { key: 'certaintyRank', type: 'integer' },
  { key: 'summary', type: 'string' },
  { key: 'sourceIds', type: 'string' },
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
    edges.push({
      id: String(row['id']),
      type,
      source,
      target,
      directed: type !== 'TIE' || properties['directed'] === true,
      start: day(row['startDate']),
      end: day(row['endDate']),
      properties,
      attributes: {
        type,
        kind: text(properties['kind']),
        role: text(properties['role']),
        title: text(properties['title']),
        from: text(properties['fromIso']),
        to: text(properties['toIso']),
        certainty: text(properties['certainty']),
        certaintyRank: integerOrNull(properties['certaintyRank']),
        summary: text(properties['summary']),
        sourceIds: text(properties['sourceIds']),
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
