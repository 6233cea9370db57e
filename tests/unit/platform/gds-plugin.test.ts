/** Which Graph Data Science jars go into the plugin folder (server/src/embedded/gds.ts). */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { artifactOf, keepPluginJars } from '../../../server/src/embedded/gds.js';

const dirs: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-gds-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function jar(tree: string, group: string, artifact: string, version: string): void {
  const dir = path.join(tree, ...group.split('.'), artifact, version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${artifact}-${version}.jar`), '');
}

describe('the GDS plugin folder', () => {
  it('reads artifact ids from jar names, classifiers and all', () => {
    expect(artifactOf('jackson-core-2.22.1.jar')).toBe('jackson-core');
    expect(artifactOf('netty-transport-native-epoll-4.1.137.Final-linux-x86_64.jar')).toBe('netty-transport-native-epoll');
    expect(artifactOf('scala-collection-contrib_2.13-0.3.0.jar')).toBe('scala-collection-contrib_2.13');
    expect(artifactOf('cypher-v25-antlr-parser-5.26.30.jar')).toBe('cypher-v25-antlr-parser');
  });

  it("leaves out what Neo4j ships, whatever the version, but keeps GDS's own artifacts of the same name", () => {
    const tree = temp();
    const target = temp();
    jar(tree, 'org.neo4j.gds', 'proc', '2.13.9');
    jar(tree, 'org.neo4j.gds', 'annotations', '2.13.9');
    jar(tree, 'org.neo4j.gds', 'neo4j-values', '2.13.9');
    jar(tree, 'org.apache.commons', 'commons-lang3', '3.14.0');
    jar(tree, 'com.fasterxml.jackson.core', 'jackson-databind', '2.17.0');
    jar(tree, 'com.carrotsearch', 'hppc', '0.10.0');
    const shipped = new Set(['annotations', 'neo4j-values', 'commons-lang3', 'jackson-databind'].map((a) => artifactOf(`${a}-5.26.30.jar`)));
    const skipped = keepPluginJars(tree, target, shipped);
    expect(skipped.sort()).toEqual(['com.fasterxml.jackson.core:jackson-databind', 'org.apache.commons:commons-lang3']);
    expect(readdirSync(target).sort()).toEqual(['annotations-2.13.9.jar', 'hppc-0.10.0.jar', 'neo4j-values-2.13.9.jar', 'proc-2.13.9.jar']);
  });
});
