/**
 * npm run seed [-- --check] [--reset] [--dir <path>]
 * Validates the seed folder, then loads it into the curated Neo4j in one transaction.
 * Exit codes: 0 ok, 1 validation (or usage) errors, 2 configuration or database errors.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.js';
import { AtlasError } from '../server/src/errors.js';
import { openCuratedDatabase, type OpenDatabase } from '../server/src/seed/connect.js';
import { formatSeedError } from '../server/src/seed/errors.js';
import { loadCuratedRows } from '../server/src/seed/load.js';
import { datasetToRows } from '../server/src/seed/dataset-to-rows.js';
import { countRows } from '../server/src/seed/rows.js';
import { validateSeedDir } from '../server/src/seed/validate.js';

const USAGE = 'usage: npm run seed -- [--check] [--reset] [--dir <seed folder>]';

function parse(): { check: boolean; reset: boolean; dir: string } {
  try {
    const { values } = parseArgs({
      options: { check: { type: 'boolean', default: false }, reset: { type: 'boolean', default: false }, dir: { type: 'string', default: 'seed' } },
      strict: true,
      allowPositionals: false,
    });
    return { check: values.check, reset: values.reset, dir: values.dir };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(1);
  }
}

async function main(): Promise<number> {
  const options = parse();
  const validation = validateSeedDir(options.dir);
  if (!validation.ok) {
    for (const error of validation.errors) console.error(formatSeedError(error));
    console.error(`\n${validation.errors.length} error(s) in ${options.dir}; nothing was written to the database.`);
    return 1;
  }
  const { dataset } = validation;
  console.log(
    `${options.dir}: valid (${validation.files} files: ${dataset.sources.length} sources, ${dataset.factions.length} factions, ` +
      `${dataset.persons.length} people, ${dataset.events.length} events, ${dataset.ties.length} ties)`,
  );
  if (options.check) return 0;

  const rows = datasetToRows(dataset);
  let open: OpenDatabase | undefined;
  try {
    open = await openCuratedDatabase(loadConfig(), (line) => console.log(line));
    await open.db.applySchema();
    console.log(`Loading ${countRows(rows)} elements in one transaction${options.reset ? ' (--reset: curated data is deleted first)' : ''}...`);
    const started = Date.now();
    const result = await loadCuratedRows(open.db, rows, { reset: options.reset, onProgress: (line) => console.log(line) });
    console.log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s. The curated graph now holds:`);
    for (const [name, count] of Object.entries(result.counts)) console.log(`  ${name.padEnd(16)} ${String(count).padStart(6)}`);
    console.log(`  ${'nodes'.padEnd(16)} ${String(result.nodes).padStart(6)}\n  ${'relationships'.padEnd(16)} ${String(result.relationships).padStart(6)}`);
    console.log(`checksum sha256:${result.checksum}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AtlasError)
      console.error(`Database error (${error.code}): ${error.message}${error.cause instanceof Error ? `\n  ${error.cause.message.split('\n')[0]}` : ''}`);
    else console.error(`Database error: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nothing was changed: the load runs in one transaction.');
    return 2;
  } finally {
    await open?.close();
  }
}

process.exitCode = await main();
