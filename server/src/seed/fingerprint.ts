/**
 * A fingerprint of everything that decides the curated graph: the seed files, the loader that
 * maps them, and the time rules in core/ whose results it stores (inferred bounds, evidence).
 * `npm start` reloads only when it changes, so a new rule reaches a kept database, and the
 * reload bumps the data revision that every cache is keyed on.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOADER_DIRS = [path.join(ROOT, 'server/src/seed'), path.join(ROOT, 'cypher/seed'), path.join(ROOT, 'core')];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}

export function seedFingerprint(seedDir: string): string {
  const hash = createHash('sha256');
  for (const dir of [seedDir, ...LOADER_DIRS]) {
    for (const file of filesUnder(dir)) {
      hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}
