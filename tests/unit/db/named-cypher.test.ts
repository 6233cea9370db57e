/** The database door runs Cypher from cypher/ by name; the only text it runs unnamed is the console user's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cypher } from '../../../server/src/db/cypher-files.js';

const source = readFileSync(new URL('../../../server/src/db/database.ts', import.meta.url), 'utf8');

describe('database.ts', () => {
  it("holds no inline Cypher string (EXPLAIN in front of the console user's text aside)", () => {
    const inline = source.split('\n').filter((line) => /\.run\(\s*['"`]/.test(line) && !line.includes('`EXPLAIN ${text}`'));
    expect(inline).toEqual([]);
  });
  it('runs the ping and the index wait from cypher/meta', () => {
    expect(cypher('meta/ping')).toMatch(/^\/\/[\s\S]*RETURN 1 AS ok/);
    expect(cypher('meta/await-indexes')).toMatch(/^\/\/[\s\S]*CALL db\.awaitIndexes\(\$seconds\)/);
  });
});
