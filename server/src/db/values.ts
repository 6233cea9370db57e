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
  constructor(
    readonly elementId: string,
    readonly labels: string[],
    readonly properties: Record<string, Plain>,
  ) {}
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

function isTemporal(value: object): boolean {
  return (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isLocalTime(value) || neo4j.isTime(value) || neo4j.isDuration(value)
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
  if (typeof value !== 'object') return String(value);
  if (isTemporal(value)) return String(value);
  if (neo4j.isNode(value)) {
    return new GraphNode(value.elementId, [...value.labels], mapProperties(value.properties));
  }
  if (neo4j.isRelationship(value)) {
    return new GraphRelationship(value.elementId, value.type, value.startNodeElementId, value.endNodeElementId, mapProperties(value.properties));
  }
  if (neo4j.isPath(value)) {
    return {
      start: toPlain(value.start),
      segments: value.segments.map((segment) => ({
        start: toPlain(segment.start),
        relationship: toPlain(segment.relationship),
        end: toPlain(segment.end),
      })),
    };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  // A plain map (a Cypher map projection): its keys are property names.
  return mapProperties(value as Record<string, unknown>);
}

/**
 * About how many bytes `value` takes as JSON (strings in UTF-8, without escapes). Stops counting
 * once past `limit`, so measuring a huge value costs no more than the limit.
 */
export function plainBytes(value: Plain, limit: number = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: Plain[] = [value];
  while (stack.length > 0 && total <= limit) {
    const next = stack.pop()!;
    if (next === null || typeof next === 'boolean') total += 5;
    else if (typeof next === 'number') total += 12;
    else if (typeof next === 'string') total += Buffer.byteLength(next, 'utf8') + 3;
    else if (Array.isArray(next)) {
      total += 2 + next.length;
      for (const item of next) stack.push(item);
    } else {
      for (const [key, item] of Object.entries(next)) {
        total += Buffer.byteLength(key, 'utf8') + 4;
        stack.push(item);
      }
      total += 2;
    }
  }
  return total;
}
