/**
 * Converts driver values to plain JSON-ready values at the database boundary, so nothing above
 * `server/src/db` ever sees a neo4j Integer, temporal or graph object.
 */
import neo4j from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * A node read from the database. A class rather than a plain map so that a map a query builds
 * (`RETURN {elementId: 'x', labels: [], properties: {}}`) can never pass for a node: only
 * toPlain constructs these, and `instanceof` cannot be forged from Cypher. It still serialises
 * to JSON as the same three keys.
 */
export class GraphNode {
  [key: string]: Plain;
  constructor(readonly elementId: string, readonly labels: string[], readonly properties: Record<string, Plain>) {}
}

/** A relationship read from the database; see GraphNode for why it is a class. */
export class GraphRelationship {
  [key: string]: Plain;
  constructor(
    readonly elementId: string,
    readonly type: string,
    readonly startElementId: string,
    readonly endElementId: string,
    readonly properties: Record<string, Plain>,
  ) {}
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isDuration(value as never)
  );
}

function mapProperties(properties: Record<string, unknown>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toPlain(value);
  return out;
}

/** Integers outside the safe range become strings rather than silently losing precision. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (isTemporal(value)) return String(value);
  if (neo4j.isNode(value as never)) {
    const node = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return new GraphNode(node.elementId, [...node.labels], mapProperties(node.properties));
  }
  if (neo4j.isRelationship(value as never)) {
    const rel = value as unknown as {
      elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown>;
    };
    return new GraphRelationship(rel.elementId, rel.type, rel.startNodeElementId, rel.endNodeElementId, mapProperties(rel.properties));
  }
  if (neo4j.isPath(value as never)) {
    const path = value as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
    return {
      start: toPlain(path.start),
      segments: path.segments.map((segment) => ({
        start: toPlain(segment.start),
        relationship: toPlain(segment.relationship),
        end: toPlain(segment.end),
      })),
    };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') return mapProperties(value as Record<string, unknown>);
  return String(value);
}
