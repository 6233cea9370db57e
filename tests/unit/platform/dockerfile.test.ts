/**
 * The app image copies only some folders into its runtime stage. Every folder the server's code
 * imports from (or reads Cypher and seed files from) must be among them, or the container fails
 * at its first import; no container engine runs here, so this is checked statically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level folders reached by the relative imports of the files under `start`, followed transitively. */
function importedFolders(start: string): Set<string> {
  const folders = new Set<string>();
  const seen = new Set<string>();
  const pending = tsFiles(path.join(ROOT, start));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    folders.add(path.relative(ROOT, file).split(path.sep)[0]!);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), spec!.replace(/\.js$/, '.ts'));
      if (target.endsWith('.ts')) pending.push(target);
    }
  }
  return folders;
}

describe('Dockerfile', () => {
  it("copies every folder the server's imports reach, and the Cypher and seed files it reads", () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const copied = new Set([...runtime.matchAll(/^COPY (?!--from)(\S+) /gm)].map(([, dir]) => dir!));
    const needed = [...importedFolders('server/src'), 'cypher', 'seed'].filter((dir) => !dir.endsWith('.json'));
    expect(needed).toContain('core');
    for (const dir of needed) expect(copied, `Dockerfile runtime stage copies ${dir}/`).toContain(dir);
  });
});
