/**
 * `npm run neo4j:fetch`: fetches and caches the pinned Neo4j jars (and Graph Data Science unless
 * ATLAS_NEO4J_GDS=off) and compiles the launcher
 * without starting anything (for image builds and CI caches).
 */
import { loadConfig, NEO4J_VERSION } from '../server/src/config.js';
import { findJava } from '../server/src/embedded/java.js';
import { ensureNeo4jRuntime } from '../server/src/embedded/jars.js';
import { StartupError } from '../server/src/embedded/startup-error.js';

try {
  const config = loadConfig();
  const java = findJava(config.neo4j.mode === 'embedded' ? config.neo4j.javaHome : undefined);
  const analytics = config.neo4j.mode === 'embedded' ? config.neo4j.analytics : true;
  const runtime = await ensureNeo4jRuntime({ cacheDir: config.cacheDir, version: NEO4J_VERSION, java, log: (line) => console.log(line), analytics });
  console.log(
    `Neo4j ${NEO4J_VERSION} is ready to run from ${runtime.libDir}${runtime.plugin === null ? '' : `, with Graph Data Science ${runtime.plugin.version} from ${runtime.plugin.dir}`}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof StartupError && error.detail) console.error(error.detail);
  process.exit(1);
}
