/** The Neo4j JVM's output log: stamped lines, rotation at the size cap, a bounded number of old files. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLog } from '../../../server/src/embedded/child-log.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('RotatingLog', () => {
  it('stamps each line and creates the file and its folder owner-only', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-child-log-'));
    const file = path.join(dir, 'logs', 'neo4j-child.log');
    const log = new RotatingLog(file, { maxBytes: 10_000, keepFiles: 2 });
    log.write('hello', new Date('2026-01-02T03:04:05.000Z'));
    log.close();
    expect(readFileSync(file, 'utf8')).toBe('2026-01-02T03:04:05.000Z hello\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('rotates before a line would pass the cap and keeps only keepFiles older files', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-child-log-'));
    const file = path.join(dir, 'neo4j-child.log');
    const log = new RotatingLog(file, { maxBytes: 100, keepFiles: 2 });
    // Each line is 25 + 36 + 1 = 62 bytes with its stamp: one line per file.
    for (let i = 0; i < 5; i += 1) log.write(`line ${i} ${'x'.repeat(29)}`);
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['neo4j-child.log', 'neo4j-child.log.1', 'neo4j-child.log.2']);
    expect(readFileSync(file, 'utf8')).toContain('line 4');
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('line 3');
    expect(readFileSync(`${file}.2`, 'utf8')).toContain('line 2');
    for (const name of readdirSync(dir)) expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(100);
  });

  it('appends to the file an earlier run left, counting its size', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-child-log-'));
    const file = path.join(dir, 'neo4j-child.log');
    new RotatingLog(file, { maxBytes: 1_000, keepFiles: 1 }).write('first run');
    const second = new RotatingLog(file, { maxBytes: 1_000, keepFiles: 1 });
    second.write('second run');
    second.close();
    expect(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(25)),
    ).toEqual(['first run', 'second run']);
  });

  it('stops writing, and says so once, when the file cannot be written', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-child-log-'));
    const errors: unknown[] = [];
    // A file where the log's folder should be.
    const blocked = path.join(dir, 'not-a-folder');
    new RotatingLog(blocked, { maxBytes: 1_000, keepFiles: 1 }).write('x');
    const log = new RotatingLog(path.join(blocked, 'neo4j-child.log'), { maxBytes: 1_000, keepFiles: 1 }, (error) => errors.push(error));
    log.write('a');
    log.write('b');
    expect(errors).toHaveLength(1);
  });
});
