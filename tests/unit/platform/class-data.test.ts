/**
 * The managed Neo4j's class-data archive (server/src/embedded/class-data.ts): named after the exact
 * Java runtime and every jar on the class path, so a changed jar or JVM gets a new archive; none
 * for a class path with a folder (CDS takes classes from jars only); quiet JVM options.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classDataArgs, classDataFile } from '../../../server/src/embedded/class-data.js';
import type { JavaTools } from '../../../server/src/embedded/java.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-class-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const java = (description: string): JavaTools => ({ java: 'java', javac: 'javac', version: 17, description });

describe('class-data archive', () => {
  it('is named after the runtime and every jar, and is none for a folder on the class path', () => {
    const lib = path.join(dir, 'lib');
    mkdirSync(lib);
    writeFileSync(path.join(lib, 'a.jar'), 'a');
    writeFileSync(path.join(dir, 'launcher.jar'), 'l');
    const classpath = [path.join(dir, 'launcher.jar'), path.join(lib, '*')].join(path.delimiter);
    const first = classDataFile(path.join(dir, 'cds'), java('openjdk 17.0.15'), classpath);
    expect(first).toMatch(/cds\/neo4j-[0-9a-f]{16}\.jsa$/);
    expect(classDataFile(path.join(dir, 'cds'), java('openjdk 17.0.15'), classpath)).toBe(first);
    expect(classDataFile(path.join(dir, 'cds'), java('openjdk 21.0.2'), classpath)).not.toBe(first);
    writeFileSync(path.join(lib, 'b.jar'), 'b');
    expect(classDataFile(path.join(dir, 'cds'), java('openjdk 17.0.15'), classpath)).not.toBe(first);
    expect(classDataFile(path.join(dir, 'cds'), java('openjdk 17.0.15'), [lib, path.join(lib, '*')].join(path.delimiter))).toBeUndefined();
  });

  it('uses an archive only if the JVM finds it usable, and keeps the JVM quiet about it', () => {
    expect(classDataArgs(undefined)).toEqual([]);
    expect(classDataArgs({ kind: 'use', file: '/x.jsa' })).toEqual(['-Xshare:auto', '-XX:SharedArchiveFile=/x.jsa', '-Xlog:cds=off', '-Xlog:cds+dynamic=off']);
    expect(classDataArgs({ kind: 'record', file: '/x.jsa' })).toEqual(['-XX:ArchiveClassesAtExit=/x.jsa', '-Xlog:cds=off', '-Xlog:cds+dynamic=off']);
  });
});
