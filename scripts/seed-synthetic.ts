/**
 * npm run seed:synthetic -- --persons N [--seed 42] [--batch 5000] [--parallel 2]
 *   [--uri bolt://host:port --user neo4j --password ... | SYN_NEO4J_URI/USER/PASSWORD/DATABASE]
 * Generates a deterministic synthetic graph and loads it into a SEPARATE Neo4j: the given one
 * (never the curated server), or a second managed instance with its own data folder
 * <ATLAS_DATA_DIR>/synthetic. Prints per-kind counts and elements/second.
 * Exit codes: 0 ok, 1 usage errors, 2 configuration or database errors.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.js';
import { AtlasError } from '../server/src/errors.js';
import { openSyntheticDatabase, type OpenDatabase } from '../server/src/seed/connect.js';
import { loadSyntheticRows } from '../server/src/seed/load-synthetic.js';
import { countRows } from '../server/src/seed/rows.js';
import { generateSyntheticRows } from '../server/src/seed/synthetic.js';

const USAGE = 'usage: npm run seed:synthetic -- --persons N [--seed 42] [--batch 5000] [--parallel 2] [--uri bolt://... --user neo4j --password ...]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

function whole(flag: string, value: string | undefined, fallback: number | null, min: number): number {
  if (value === undefined) {
    if (fallback === null) usage(`--${flag} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) < min) usage(`--${flag}: expected a whole number >= ${min}, got "${value}"`);
  return Number(value);
}

function parse() {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        persons: { type: 'string' },
        seed: { type: 'string' },
        batch: { type: 'string' },
        parallel: { type: 'string' },
        uri: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        database: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const env = loadConfig().synthetic;
  return {
    persons: whole('persons', values['persons'], null, 1),
    seed: whole('seed', values['seed'], 42, 0),
    batch: whole('batch', values['batch'], 5_000, 1),
    parallel: whole('parallel', values['parallel'], 2, 1),
    target: {
      uri: values['uri'] ?? env.uri,
      user: values['user'] ?? env.user,
      password: values['password'] ?? env.password,
      database: values['database'] ?? env.database,
    },
  };
}

async function main(): Promise<number> {
  const options = parse();
  const generateStarted = performance.now();
  const rows = generateSyntheticRows({ persons: options.persons, seed: options.seed });
  console.log(
    `Generated ${countRows(rows).toLocaleString('en-US')} elements for ${options.persons} persons (seed ${options.seed}) in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`,
  );
  let open: OpenDatabase | undefined;
  try {
    // Heap grows with the batch and the graph; 2 GB suits 100k persons. A 100k-person graph
    // (~0.9 M elements) fits a 1 GB page cache, so the load and the index build after it do not
    // evict; large batches need more transaction memory than the curated default.
    const config = loadConfig();
    const syntheticConfig =
      config.neo4j.mode === 'embedded'
        ? { ...config, neo4j: { ...config.neo4j, pageCacheMb: Math.max(config.neo4j.pageCacheMb, 1024), txMemoryMb: Math.max(config.neo4j.txMemoryMb, 1024) } }
        : config;
    open = await openSyntheticDatabase(syntheticConfig, options.target, 2048, (line) => console.log(line));
    const result = await loadSyntheticRows(open.db, rows, {
      batchSize: options.batch,
      parallel: options.parallel,
      seed: options.seed,
      persons: options.persons,
      onProgress: (line) => console.log(line),
    });
    console.log(
      `Loaded ${result.elements.toLocaleString('en-US')} elements in ${result.seconds.toFixed(1)} s: ${Math.round(result.elementsPerSecond).toLocaleString('en-US')} elements/s`,
    );
    console.log(`Synthetic Neo4j: ${open.connection.uri}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AtlasError)
      console.error(`Database error (${error.code}): ${error.message}${error.cause instanceof Error ? `\n  ${error.cause.message.split('\n')[0]}` : ''}`);
    else console.error(`Synthetic load failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await open?.close();
  }
}

process.exitCode = await main();
