/** Owner-only data folders: what an earlier start left readable by others is tightened. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ownerOnlyDir, ownerOnlyTree } from '../../../server/src/embedded/owner-only.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const mode = (file: string): number => statSync(file).mode & 0o777;

describe('owner-only folders', () => {
  it('makes folders 0700 and files 0600 (keeping an owner execute bit), without following links', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-owner-only-'));
    const store = path.join(dir, 'neo4j', 'data', 'databases', 'system');
    mkdirSync(store, { recursive: true, mode: 0o755 });
    writeFileSync(path.join(store, 'neostore'), '', { mode: 0o644 });
    writeFileSync(path.join(dir, 'neo4j', 'tool.sh'), '', { mode: 0o755 });
    const outside = path.join(dir, 'outside.txt');
    writeFileSync(outside, '', { mode: 0o644 });
    symlinkSync(outside, path.join(dir, 'neo4j', 'link'));
    chmodSync(path.join(dir, 'neo4j'), 0o775);

    ownerOnlyTree(path.join(dir, 'neo4j'));

    expect(mode(path.join(dir, 'neo4j'))).toBe(0o700);
    expect(mode(store)).toBe(0o700);
    expect(mode(path.join(store, 'neostore'))).toBe(0o600);
    expect(mode(path.join(dir, 'neo4j', 'tool.sh'))).toBe(0o700);
    expect(mode(outside)).toBe(0o644);
  });

  it('creates a missing data folder 0700 and tightens an existing one without touching its contents', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-owner-only-'));
    const fresh = path.join(dir, 'a', 'data');
    ownerOnlyDir(fresh);
    expect(mode(fresh)).toBe(0o700);
    const existing = path.join(dir, 'existing');
    mkdirSync(existing, { mode: 0o755 });
    writeFileSync(path.join(existing, 'notes.txt'), '', { mode: 0o644 });
    ownerOnlyDir(existing);
    expect(mode(existing)).toBe(0o700);
    expect(mode(path.join(existing, 'notes.txt'))).toBe(0o644);
  });

  it('ignores a path that does not exist', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-owner-only-'));
    expect(() => ownerOnlyTree(path.join(dir, 'missing'))).not.toThrow();
  });
});
