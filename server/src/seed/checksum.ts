/**
 * A content checksum of the curated graph: sha256 over a canonical dump (every curated node and
 * relationship with all its properties, keys and lines sorted), so two loads of the same seed
 * give the same value whatever the internal element ids or write order.
 */
import { createHash } from 'node:crypto';
import type { QueryRunner } from '../db/database.js';
import type { Plain } from '../db/values.js';
import { CURATED_LABELS, CURATED_RELATIONSHIPS } from './graph-names.js';

export interface GraphSummary {
  /** Elements per label and relationship type, e.g. { Person: 112, TIE: 40 }. */
  readonly counts: Record<string, number>;
  readonly nodes: number;
  readonly relationships: number;
  readonly checksum: string;
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Works in a read or a write transaction, so the loader can report on what it is about to commit. */
export async function summarizeCuratedGraph(tx: QueryRunner): Promise<GraphSummary> {
  const nodes = await tx.run('seed/dump-nodes', { labels: [...CURATED_LABELS] });
  const relationships = await tx.run('seed/dump-relationships', { types: [...CURATED_RELATIONSHIPS] });
  const counts: Record<string, number> = {};
  for (const name of [...CURATED_LABELS, ...CURATED_RELATIONSHIPS]) counts[name] = 0;
  const lines: string[] = [];
  for (const row of nodes) {
    const label = String(row['label']);
    counts[label] = (counts[label] ?? 0) + 1;
    lines.push(`N ${label} ${canonicalJson(row['properties'] ?? null)}`);
  }
  for (const row of relationships) {
    const type = String(row['type']);
    counts[type] = (counts[type] ?? 0) + 1;
    lines.push(`R ${type} ${String(row['start'])} ${String(row['end'])} ${canonicalJson(row['properties'] ?? null)}`);
  }
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return { counts, nodes: nodes.length, relationships: relationships.length, checksum: hash.digest('hex') };
}
