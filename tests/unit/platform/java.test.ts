import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJava, parseJavaVersion } from '../../../server/src/embedded/java.js';

function fakeJavaHome(versionLine: string): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'atlas-fake-jdk-'));
  mkdirSync(path.join(home, 'bin'));
  for (const tool of ['java', 'javac']) {
    const script = path.join(home, 'bin', tool);
    writeFileSync(script, `#!/bin/sh\necho '${versionLine}' >&2\n`);
    chmodSync(script, 0o755);
  }
  return home;
}

describe('Java detection', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaVersion('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaVersion('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaVersion('no version here')).toBeUndefined();
  });

  it('says which version is needed when Java is too old', () => {
    expect(() => findJava(fakeJavaHome('openjdk version "11.0.21" 2023-10-17'))).toThrow(/Java 17 or newer is needed.*Java 11/);
  });

  it('says so when JAVA_HOME holds no Java', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'atlas-no-jdk-'));
    expect(() => findJava(empty)).toThrow(/no bin\/java.*JDK 17\+/);
  });
});
