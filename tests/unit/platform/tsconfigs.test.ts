/**
 * Node and browser code compile under separate configs (tsconfig.json, tsconfig.client.json),
 * so `window` in the server or `process` in the client is a compile error (`npm run typecheck`
 * runs all three configs). This checks the configs keep saying so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
interface TsConfig {
  extends?: string;
  compilerOptions?: { lib?: string[]; types?: string[]; noUncheckedIndexedAccess?: boolean; strict?: boolean };
  include?: string[];
}
const read = (name: string): TsConfig => JSON.parse(readFileSync(path.join(ROOT, name), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as TsConfig;

describe('TypeScript configs', () => {
  const node = read('tsconfig.json');
  const client = read('tsconfig.client.json');
  const tests = read('tsconfig.tests.json');
  const base = read('tsconfig.base.json');

  it('Node code has no DOM types, and the client no Node types', () => {
    expect(node.compilerOptions?.lib?.some((lib) => lib.toUpperCase().startsWith('DOM'))).toBe(false);
    expect(node.compilerOptions?.types).toEqual(['node']);
    expect(node.include).toEqual(expect.arrayContaining(['server', 'core', 'seed', 'scripts']));
    expect(node.include?.some((dir) => dir.startsWith('client/src'))).toBe(false);
    expect(client.compilerOptions?.types).toEqual([]);
    expect(client.include).toEqual(['client/src', 'core']);
  });

  it('all share the strict base, with unchecked indexed access refused', () => {
    for (const config of [node, client, tests]) expect(config.extends).toBe('./tsconfig.base.json');
    expect(base.compilerOptions?.strict).toBe(true);
    expect(base.compilerOptions?.noUncheckedIndexedAccess).toBe(true);
  });

  it('npm run typecheck checks all three', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const config of ['tsconfig.json', 'tsconfig.client.json', 'tsconfig.tests.json']) expect(scripts['typecheck']).toContain(`-p ${config}`);
  });
});
