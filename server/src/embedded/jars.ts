/**
 * Obtains the pinned Neo4j Community jars from Maven Central (through Maven, once) and compiles
 * the one-class launcher; with analytics (the default), also the Graph Data Science plugin
 * (gds.ts). Each lands in a temp folder first and is renamed into the cache only when complete,
 * so a failed or interrupted download never leaves a half-installed cache.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcessEnv } from '../config.js';
import { classDataFile } from './class-data.js';
import type { JavaTools } from './java.js';
import { ensureGdsPlugin, type GdsPlugin } from './gds.js';
import { eachLine } from './lines.js';
import { StartupError } from './startup-error.js';

export const LAUNCHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../launcher');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src/main/java/atlas/launcher/EmbeddedNeo4j.java');
export const LAUNCHER_CLASS = 'atlas.launcher.EmbeddedNeo4j';
/** The compiled launcher as a jar too: class-data archives take classes from jars only. */
const LAUNCHER_JAR = 'launcher.jar';

export interface Neo4jRuntime {
  readonly libDir: string;
  readonly classesDir: string;
  readonly classpath: string;
  /** Where this runtime's class-data archive is or will be (class-data.ts); undefined when it cannot have one. */
  readonly classDataFile: string | undefined;
  /** The Graph Data Science plugin (on the classpath too); null when started without analytics. */
  readonly plugin: GdsPlugin | null;
}

export interface FetchOptions {
  readonly cacheDir: string;
  readonly version: string;
  readonly java: JavaTools;
  readonly log: (line: string) => void;
  /** Extra Maven arguments (tests pass an empty offline repository to simulate a failed download). */
  readonly mavenArgs?: readonly string[];
  /** Fetch and load Graph Data Science (default true; ATLAS_NEO4J_GDS=off starts without it). */
  readonly analytics?: boolean;
}

/** Written last into a finished folder: a folder without it is never trusted. */
const COMPLETE_MARKER = '.complete';

export function tempSibling(target: string): string {
  return `${target}.partial-${process.pid}-${Date.now()}`;
}

export function isComplete(dir: string): boolean {
  return existsSync(path.join(dir, COMPLETE_MARKER));
}

export function markComplete(dir: string): void {
  writeFileSync(path.join(dir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Another process may have published the same folder meanwhile; theirs is as good as ours. */
export function publish(temp: string, target: string): void {
  try {
    renameSync(temp, target);
  } catch (error) {
    if (!existsSync(target)) throw error;
  }
}

function pomVersion(): string | undefined {
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(path.join(LAUNCHER_DIR, 'pom.xml'), 'utf8'))?.[1];
}

/**
 * Leftovers of an interrupted earlier run are removed, never reused; a partial folder whose
 * owner is still running (a concurrent first start) is left alone. `prefix`: only the partials of
 * one target (those of another may be this process's own, still under way).
 */
export function removeStalePartials(dir: string, prefix = ''): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const owner = /\.partial-(\d+)-/.exec(entry);
    if (owner && !(Number(owner[1]) !== process.pid && processAlive(Number(owner[1])))) {
      rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  }
}

/** What a failed Maven run says about why: its error lines, else its last lines. */
export function mavenFailureReason(tail: readonly string[]): string {
  return (
    tail
      .filter((line) => /ERROR|Could not|resolve/i.test(line))
      .slice(-6)
      .join('\n') || tail.slice(-6).join('\n')
  );
}

export function runMaven(args: string[], log: (line: string) => void): Promise<{ code: number; tail: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'], env: childProcessEnv() });
    const tail: string[] = [];
    let downloaded = 0;
    let lastReport = Date.now();
    const onLine = (line: string): void => {
      if (line.startsWith('Downloaded from ')) {
        downloaded += 1;
        if (Date.now() - lastReport > 2000) {
          log(`  ... ${downloaded} files downloaded`);
          lastReport = Date.now();
        }
      }
      if (line.trim() !== '') tail.push(line);
      if (tail.length > 25) tail.shift();
    };
    eachLine([child.stdout, child.stderr], onLine);
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new StartupError(
            'Maven (mvn) is needed once, to fetch Neo4j Community from Maven Central, but it is not on PATH. Install Maven (for example: apt-get install maven), or set NEO4J_URI to use an existing Neo4j.',
          ),
        );
      } else reject(error);
    });
    child.once('close', (code) => resolve({ code: code ?? 1, tail }));
  });
}

async function fetchJars(options: FetchOptions, libDir: string): Promise<void> {
  const declared = pomVersion();
  if (declared !== options.version) {
    throw new StartupError(`launcher/pom.xml pins Neo4j ${declared ?? '(none)'} but the server expects ${options.version}; make them agree.`);
  }
  const parent = path.dirname(libDir);
  mkdirSync(parent, { recursive: true });
  removeStalePartials(parent);
  const temp = tempSibling(libDir);
  options.log(`Fetching Neo4j Community ${options.version} from Maven Central (first run only, about 125 MB)...`);
  const started = Date.now();
  try {
    const { code, tail } = await runMaven(
      [
        '-B',
        '-f',
        path.join(LAUNCHER_DIR, 'pom.xml'),
        ...(options.mavenArgs ?? []),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${temp}`,
        '-DincludeScope=runtime',
      ],
      options.log,
    );
    const jarCount = existsSync(temp) ? readdirSync(temp).filter((file) => file.endsWith('.jar')).length : 0;
    if (code !== 0 || jarCount === 0) {
      const reason = mavenFailureReason(tail);
      throw new StartupError(
        `Could not fetch Neo4j ${options.version} from Maven Central (Maven exited with code ${code}). Nothing was installed; the next start will try again.`,
        reason,
      );
    }
    markComplete(temp);
    publish(temp, libDir);
    options.log(`Fetched ${jarCount} jars in ${((Date.now() - started) / 1000).toFixed(1)} s into ${libDir}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function compileLauncher(options: FetchOptions, libDir: string, classesDir: string): void {
  const temp = tempSibling(classesDir);
  try {
    const result = spawnSync(options.java.javac, ['-nowarn', '-cp', path.join(libDir, '*'), '-d', temp, LAUNCHER_SOURCE], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new StartupError('Could not compile the Neo4j launcher (launcher/src/main/java).', `${result.stderr}${result.stdout}`.trim());
    }
    // Without the jar the launcher runs from the folder, only without a class-data archive.
    const jarTool = path.isAbsolute(options.java.javac) ? path.join(path.dirname(options.java.javac), 'jar') : 'jar';
    spawnSync(jarTool, ['cf', path.join(temp, LAUNCHER_JAR), '-C', temp, 'atlas'], { encoding: 'utf8' });
    markComplete(temp);
    publish(temp, classesDir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Returns the cached runtime, fetching and compiling only what is missing. */
export async function ensureNeo4jRuntime(options: FetchOptions): Promise<Neo4jRuntime> {
  // The real path: a class-data archive names the class path it was recorded with, so checkouts
  // sharing one cache through a symlink share the archive too.
  mkdirSync(options.cacheDir, { recursive: true });
  const versionDir = path.join(realpathSync(options.cacheDir), `neo4j-${options.version}`);
  const libDir = path.join(versionDir, 'lib');
  if (existsSync(libDir) && !isComplete(libDir)) {
    // A cache from before completion markers, or damaged by hand: fetch it again.
    rmSync(libDir, { recursive: true, force: true });
  }
  if (!existsSync(libDir)) await fetchJars(options, libDir);
  const sourceHash = createHash('sha256').update(readFileSync(LAUNCHER_SOURCE)).digest('hex').slice(0, 12);
  const classesDir = path.join(versionDir, `launcher-${sourceHash}`);
  if (existsSync(classesDir) && !isComplete(classesDir)) rmSync(classesDir, { recursive: true, force: true });
  if (!existsSync(classesDir)) {
    removeStalePartials(versionDir);
    compileLauncher(options, libDir, classesDir);
  }
  const plugin = options.analytics === false ? null : await ensureGdsPlugin(options, versionDir, libDir);
  const launcherJar = path.join(classesDir, LAUNCHER_JAR);
  const classpath = [existsSync(launcherJar) ? launcherJar : classesDir, path.join(libDir, '*'), ...(plugin === null ? [] : [path.join(plugin.dir, '*')])].join(
    path.delimiter,
  );
  return { libDir, classesDir, classpath, plugin, classDataFile: classDataFile(path.join(versionDir, 'class-data'), options.java, classpath) };
}
