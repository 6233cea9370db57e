/**
 * Compact captions for the Cypher console's cells. The server sends nodes as {elementId, labels,
 * properties}, relationships as {elementId, type, startElementId, endElementId, properties} and
 * paths as {start, segments: [{start, relationship, end}]} (server/src/db/values.ts); a cell
 * shows "Kim Il-sung (Person)", "[:MEMBER_OF]" or "A –[:TIE]→ B (1 hop)", with the raw value
 * kept for a disclosure.
 */

export type CellKind = 'node' | 'relationship' | 'path' | 'list' | 'map' | 'scalar' | 'empty';

export interface CellCaption {
  readonly kind: CellKind;
  readonly text: string;
  /** True when the caption abbreviates a value worth showing in full on request. */
  readonly hasRaw: boolean;
}

interface WireNode {
  readonly elementId: string;
  readonly labels: readonly string[];
  readonly properties: Record<string, unknown>;
}

interface WireRelationship {
  readonly elementId: string;
  readonly type: string;
  readonly startElementId: string;
  readonly endElementId: string;
  readonly properties: Record<string, unknown>;
}

interface WirePath {
  readonly start: WireNode;
  readonly segments: readonly { readonly start: WireNode; readonly relationship: WireRelationship; readonly end: WireNode }[];
}

/** Captions stay under this many characters; a long path keeps its ends and elides the middle. */
export const CAPTION_MAX = 90;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isNode(v: unknown): v is WireNode {
  return isRecord(v) && typeof v['elementId'] === 'string' && Array.isArray(v['labels']) && isRecord(v['properties']);
}

export function isRelationship(v: unknown): v is WireRelationship {
  return (
    isRecord(v) && typeof v['elementId'] === 'string' && typeof v['type'] === 'string' && typeof v['startElementId'] === 'string' && isRecord(v['properties'])
  );
}

export function isPath(v: unknown): v is WirePath {
  return isRecord(v) && isNode(v['start']) && Array.isArray(v['segments']);
}

/** The same choice as the server's node caption (name, title, id), then the label. */
export function nodeName(n: WireNode): string {
  for (const key of ['name', 'title', 'id']) {
    const value = n.properties[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return n.labels[0] ?? 'node';
}

function nodeCaption(n: WireNode): string {
  const label = n.labels.join(':');
  return label === '' ? nodeName(n) : `${nodeName(n)} (${label})`;
}

function relationshipCaption(r: WireRelationship): string {
  const kind = typeof r.properties['kind'] === 'string' ? ` ${r.properties['kind'].toLowerCase()}` : '';
  return `[:${r.type}${kind}]`;
}

/** "A –[:TIE]→ B ←[:MEMBER_OF]– C": arrows follow each relationship's own direction. */
function pathCaption(p: WirePath): string {
  const hops = p.segments.length;
  const count = `(${hops} hop${hops === 1 ? '' : 's'})`;
  const parts = [nodeName(p.start)];
  for (const s of p.segments) {
    const forward = s.relationship.startElementId === s.start.elementId;
    const rel = relationshipCaption(s.relationship);
    parts.push(forward ? `–${rel}→` : `←${rel}–`, nodeName(s.end));
  }
  const full = `${parts.join(' ')} ${count}`;
  if (full.length <= CAPTION_MAX) return full;
  const last = p.segments[p.segments.length - 1];
  return `${nodeName(p.start)} → … → ${last === undefined ? '' : nodeName(last.end)} ${count}`;
}

function clip(text: string): string {
  return text.length <= CAPTION_MAX ? text : `${text.slice(0, CAPTION_MAX - 1)}…`;
}

function shortValue(v: unknown): string {
  if (isNode(v)) return nodeName(v);
  if (isRelationship(v)) return relationshipCaption(v);
  if (isPath(v)) return `path of ${v.segments.length}`;
  if (Array.isArray(v)) return `[${v.length}]`;
  if (isRecord(v)) return '{…}';
  return JSON.stringify(v) ?? String(v);
}

export function captionOf(value: unknown): CellCaption {
  if (value === null || value === undefined) return { kind: 'empty', text: '', hasRaw: false };
  if (isPath(value)) return { kind: 'path', text: pathCaption(value), hasRaw: true };
  if (isNode(value)) return { kind: 'node', text: clip(nodeCaption(value)), hasRaw: true };
  if (isRelationship(value)) return { kind: 'relationship', text: relationshipCaption(value), hasRaw: true };
  if (Array.isArray(value)) {
    const text = value.length === 0 ? '[]' : `[${value.map(shortValue).join(', ')}]`;
    return { kind: 'list', text: clip(text), hasRaw: text.length > CAPTION_MAX || value.some((v) => typeof v === 'object' && v !== null) };
  }
  if (isRecord(value)) {
    const text = `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${shortValue(v)}`)
      .join(', ')}}`;
    return { kind: 'map', text: clip(text), hasRaw: true };
  }
  const text = typeof value === 'string' ? value : String(value);
  return { kind: 'scalar', text: clip(text), hasRaw: text.length > CAPTION_MAX };
}

/** The raw value, indented, for the disclosure under a caption. */
export function rawText(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** Element ids of every node and relationship inside a value, to highlight a row's part of the drawing. */
export function elementIdsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (isPath(value)) {
    into.add(value.start.elementId);
    for (const s of value.segments) into.add(s.relationship.elementId).add(s.end.elementId);
  } else if (isNode(value) || isRelationship(value)) into.add(value.elementId);
  else if (Array.isArray(value)) for (const v of value) elementIdsOf(v, into);
  else if (isRecord(value)) for (const v of Object.values(value)) elementIdsOf(v, into);
  return into;
}
