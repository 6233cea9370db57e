/**
 * `npm start` runs the app under `node --import tsx`, not the tsx wrapper: on SIGINT or SIGTERM
 * the wrapper waits 30 ms for the app to confirm the relayed signal, then SIGKILLs it, and a
 * killed app cannot stop its Neo4j JVM cleanly (a Ctrl-C on a busy machine would leave the JVM
 * holding the store lock). The tests run the app the same way (tests/setup/run-main.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('npm start', () => {
  it('runs server/src/main.ts under node --import tsx, as the tests run it', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start']).toBe('node --import tsx server/src/main.ts');
    const runMain = readFileSync(path.join(ROOT, 'tests/setup/run-main.ts'), 'utf8');
    expect(runMain).toContain("['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')]");
  });
});
