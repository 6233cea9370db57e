/**
 * Neo4j Graph Data Science (open edition) inside the managed Neo4j: the plugin folder, fetched
 * once from Maven Central with launcher/gds/pom.xml, and the settings it needs. What it took is
 * in shared/notes/graph-analytics.md; in short:
 * - the jars go on the JVM classpath (ServiceLoader finds the `gds.open` extension there) AND in
 *   Neo4j's plugin folder (an embedded DBMS finds @Procedure classes only there);
 * - every jar Neo4j already ships is left out (two copies of a class in two class loaders fail
 *   start-up with IllegalAccessError), except GDS's own artifacts, whose names can collide
 *   (org.neo4j.gds:annotations, org.neo4j.gds:neo4j-values);
 * - `gds.*` runs unrestricted, and only the procedures below are loaded at all.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isComplete, markComplete, mavenFailureReason, publish, removeStalePartials, runMaven, tempSibling, type FetchOptions } from './jars.js';
import { StartupError } from './startup-error.js';

export const GDS_VERSION = '2.13.9';
// Not jars.ts's LAUNCHER_DIR: the two modules import each other, and this runs first.
export const GDS_POM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../launcher/gds/pom.xml');
const GDS_GROUP = 'org.neo4j.gds';

/**
 * The GDS procedures and functions the app calls (cypher/analytics/); nothing else of GDS is
 * loaded. The research console reaches none of them (server/src/db/console-checks.ts).
 */
export const GDS_PROCEDURES: readonly string[] = [
  'gds.version',
  'gds.graph.project',
  'gds.graph.drop',
  'gds.graph.exists',
  'gds.util.asNode',
  'gds.degree.stream',
  'gds.betweenness.stream',
  'gds.pageRank.stream',
  'gds.leiden.stream',
  'gds.labelPropagation.stream',
];

export interface GdsPlugin {
  readonly version: string;
  /** Neo4j's plugin folder: the GDS jars Neo4j does not ship itself. */
  readonly dir: string;
  /** Added to the procedure allow-list. */
  readonly procedures: readonly string[];
  /** Run without the sandbox (GDS reaches into the kernel). */
  readonly unrestricted: readonly string[];
}

function pomVersion(): string | undefined {
  return /<gds\.version>([^<]+)<\/gds\.version>/.exec(readFileSync(GDS_POM, 'utf8'))?.[1];
}

/** "jackson-core-2.22.1.jar" -> "jackson-core": a jar's artifact id without version or classifier. */
export function artifactOf(fileName: string): string {
  return fileName.replace(/\.jar$/, '').replace(/-\d.*$/, '');
}

/**
 * Moves the jars of a Maven repository-layout tree (group/path/artifact/version/file.jar) into
 * `target`, flat, skipping those whose artifact Neo4j already ships (`shipped`) unless they are
 * GDS's own. Returns the names skipped.
 */
export function keepPluginJars(tree: string, target: string, shipped: ReadonlySet<string>): string[] {
  const skipped: string[] = [];
  const walk = (dir: string, parts: string[]): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, [...parts, entry.name]);
        continue;
      }
      if (!entry.name.endsWith('.jar')) continue;
      // parts: ...group, artifact, version
      const artifact = parts[parts.length - 2] ?? artifactOf(entry.name);
      const group = parts.slice(0, -2).join('.');
      if (group !== GDS_GROUP && shipped.has(artifact)) {
        skipped.push(`${group}:${artifact}`);
        continue;
      }
      renameSync(full, path.join(target, entry.name));
    }
  };
  walk(tree, []);
  return skipped;
}

/** Returns the cached plugin folder, fetching it when missing (a first start, a new GDS version). */
export async function ensureGdsPlugin(options: FetchOptions, versionDir: string, libDir: string): Promise<GdsPlugin> {
  const declared = pomVersion();
  if (declared !== GDS_VERSION) {
    throw new StartupError(`launcher/gds/pom.xml pins Graph Data Science ${declared ?? '(none)'} but the server expects ${GDS_VERSION}; make them agree.`);
  }
  const dir = path.join(versionDir, `gds-${GDS_VERSION}`);
  if (existsSync(dir) && !isComplete(dir)) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(dir)) {
    removeStalePartials(versionDir);
    const temp = tempSibling(dir);
    const tree = `${temp}.tree`;
    options.log(`Fetching Neo4j Graph Data Science ${GDS_VERSION} from Maven Central (first run only, about 33 MB)...`);
    const started = Date.now();
    try {
      const { code, tail } = await runMaven(
        [
          '-B',
          '-f',
          GDS_POM,
          ...(options.mavenArgs ?? []),
          'dependency:copy-dependencies',
          `-DoutputDirectory=${tree}`,
          '-DincludeScope=runtime',
          '-Dmdep.useRepositoryLayout=true',
        ],
        options.log,
      );
      if (code !== 0 || !existsSync(tree)) {
        const reason = mavenFailureReason(tail);
        throw new StartupError(
          `Could not fetch Graph Data Science ${GDS_VERSION} from Maven Central (Maven exited with code ${code}). Nothing was installed; the next start will try again (ATLAS_NEO4J_GDS=off starts without the analysis fields).`,
          reason,
        );
      }
      mkdirSync(temp, { recursive: true });
      const shipped = new Set(
        readdirSync(libDir)
          .filter((file) => file.endsWith('.jar'))
          .map(artifactOf),
      );
      const skipped = keepPluginJars(tree, temp, shipped);
      const kept = readdirSync(temp).filter((file) => file.endsWith('.jar')).length;
      markComplete(temp);
      publish(temp, dir);
      options.log(
        `Fetched ${kept} Graph Data Science jars in ${((Date.now() - started) / 1000).toFixed(1)} s into ${dir} (left out ${skipped.length} that Neo4j ships)`,
      );
    } finally {
      rmSync(temp, { recursive: true, force: true });
      rmSync(tree, { recursive: true, force: true });
    }
  }
  return { version: GDS_VERSION, dir, procedures: GDS_PROCEDURES, unrestricted: ['gds.*'] };
}
