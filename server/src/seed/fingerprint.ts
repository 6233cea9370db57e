/**
 * A fingerprint of everything that decides the curated graph: the seed files and the loader
 * that maps them. `npm start` reloads only when it changes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOADER_DIRS = [path.join(ROOT, 'server/src/seed'), path.join(ROOT, 'cypher/seed')];

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
