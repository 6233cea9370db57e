import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function seed(args: string[], env: Record<string, string> = {}) {
  return spawnSync(TSX, ['scripts/seed.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    timeout: 60_000,
  });
}

describe('npm run seed (CLI)', () => {
  it('--check on a valid folder exits 0 without a database', () => {
    const run = seed(['--check', '--dir', 'tests/fixtures/seed-valid']);
    expect(run.stdout).toContain('valid (7 files');
    expect(run.status).toBe(0);
  });

  it('exits 1 and lists every error on an invalid folder', () => {
    const run = seed(['--check', '--dir', 'tests/fixtures/seed-bad-mixed']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/seed-bad-mixed/people/fx-one.yaml:15: memberships[0].faction: unknown faction "yenan"');
    expect(run.stderr).toMatch(/\d+ error\(s\) in tests\/fixtures\/seed-bad-mixed; nothing was written/);
  });

  it('exits 2 naming the problem when the database cannot be reached', () => {
    const run = seed(['--dir', 'tests/fixtures/seed-valid'], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'irrelevant' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/DATABASE_UNAVAILABLE/);
  });

  it('exits 2 naming the variable on a configuration error', () => {
    const run = seed(['--dir', 'tests/fixtures/seed-valid'], { NEO4J_URI: 'http://nope' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('NEO4J_URI');
  });
});
