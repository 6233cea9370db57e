/**
 * Class data sharing (CDS) for the managed Neo4j's JVM. Most of a start on a loaded machine is the
 * JVM loading and verifying the classes of Neo4j, its Cypher planner and the Graph Data Science
 * plugin (Neo4j loads every class of every plugin jar while looking for procedures). A dynamic
 * archive of those classes (Java 13+: -XX:ArchiveClassesAtExit once, then -XX:SharedArchiveFile)
 * halved the start at a load average of 12 (RESILIENCE.md), for the first start and every restart
 * after a crash alike.
 *
 * The archive is recorded by the JVM that serves, when there is none yet: it writes the archive
 * as it exits after a clean stop (a first `npm start` serves at once and writes it at Ctrl-C; the
 * tests' shared Neo4j writes it when the suite stops it), into a temporary file that process.ts
 * renames only after a clean exit, so a crash or a kill never leaves a broken archive. It is kept
 * in the cache beside the jars under a name derived from the exact Java runtime and every jar on
 * the class path: a new Neo4j, plugin, launcher or JVM gets a new archive, never a stale one. The
 * JVM checks the archive itself and, unusable (another JVM, a changed jar, a file that is no
 * archive), starts without it and says nothing: the logging flags below. A truncated archive
 * crashes it instead (Java 17); process.ts then removes the archive and starts again without it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JavaTools } from './java.js';

/** Silences the JVM's CDS messages: a missing or unusable archive only means a slower start. */
const QUIET = ['-Xlog:cds=off', '-Xlog:cds+dynamic=off'];

export type ClassDataMode = { readonly kind: 'use'; readonly file: string } | { readonly kind: 'record'; readonly file: string };

/** The JVM options for using or recording an archive. */
export function classDataArgs(mode: ClassDataMode | undefined): string[] {
  if (mode === undefined) return [];
  return mode.kind === 'use' ? ['-Xshare:auto', `-XX:SharedArchiveFile=${mode.file}`, ...QUIET] : [`-XX:ArchiveClassesAtExit=${mode.file}`, ...QUIET];
}

/** Every jar a class-path entry stands for ("dir/*" is every jar in dir, as the java launcher expands it). */
function jarsOf(entry: string): string[] {
  if (!entry.endsWith('*')) return [entry];
  const dir = entry.slice(0, -1);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.jar'))
        .sort()
        .map((name) => path.join(dir, name))
    : [];
}

/**
 * Where the archive for this runtime and class path lives (`dir`/neo4j-<key>.jsa), or undefined
 * when the class path cannot be archived: CDS takes classes from jars only, never from a folder.
 */
export function classDataFile(dir: string, java: JavaTools, classpath: string): string | undefined {
  const entries = classpath.split(path.delimiter);
  // The JVM checks an archive against itself too; the description (version and build) keeps two runtimes apart.
  const hash = createHash('sha256').update(java.description);
  for (const entry of entries) {
    for (const jar of jarsOf(entry)) {
      const stat = statSync(jar, { throwIfNoEntry: false });
      if (stat === undefined || stat.isDirectory()) return undefined;
      hash.update(`\0${jar}\0${stat.size}\0${stat.mtimeMs}`);
    }
  }
  return path.join(dir, `neo4j-${hash.digest('hex').slice(0, 16)}.jsa`);
}
