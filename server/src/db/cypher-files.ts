/**
 * Cypher lives in `cypher/`, one query per file, each opening with a comment header that names
 * its parameters and result shape. Queries are read once and cached.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../cypher');

const cache = new Map<string, string>();

/** `name` is a path under cypher/ without the extension, e.g. "queries/network". */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!/^[a-z0-9/_-]+$/.test(name)) throw new Error(`Invalid cypher file name "${name}"`);
  const file = path.join(CYPHER_DIR, `${name}.cypher`);
  const text = readFileSync(file, 'utf8');
  if (!text.trimStart().startsWith('//')) {
    throw new Error(`${file}: a Cypher file must open with a // header naming its parameters and result shape`);
  }
  cache.set(name, text);
  return text;
}

/** Splits a file of several `;`-terminated statements (used only for schema files). */
export function statements(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}
