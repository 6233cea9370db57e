/**
 * npm run export -- --format gexf|graphml|csv|json [--from 1950 --to 1960] [--out file|dir]
 * Exports the curated graph, whole or cut to the elements active in a window of years.
 * Single-file formats go to stdout without --out; csv writes nodes.csv and edges.csv into a folder.
 * Exit codes: 0 ok, 1 usage errors, 2 configuration or database errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.js';
import { AtlasError } from '../server/src/errors.js';
import { openCuratedDatabase, type OpenDatabase } from '../server/src/seed/connect.js';
import { EXPORT_FORMATS, readExportGraph, renderExport, type ExportFormat } from '../server/src/export/index.js';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--from YEAR] [--to YEAR] [--out file|dir]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

function year(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{4}$/.test(value)) usage(`--${flag}: expected a four-digit year, got "${value}"`);
  return Number(value);
}

function parse(): { format: ExportFormat; from: number | null; to: number | null; out: string | undefined } {
  let values: { format?: string; from?: string; to?: string; out?: string };
  try {
    ({ values } = parseArgs({
      options: { format: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const format = EXPORT_FORMATS.find((candidate) => candidate === values.format);
  if (format === undefined)
    usage(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, got ${values.format === undefined ? 'nothing' : `"${values.format}"`}`);
  const from = year('from', values.from);
  const to = year('to', values.to);
  if (from !== null && to !== null && to < from) usage(`--to ${to} is before --from ${from}`);
  return { format, from, to, out: values.out };
}

async function main(): Promise<number> {
  const options = parse();
  // Progress goes to stderr so stdout stays a clean file when no --out is given.
  const log = (line: string): void => console.error(line);
  let open: OpenDatabase | undefined;
  try {
    open = await openCuratedDatabase(loadConfig(), log);
    const graph = await readExportGraph(open.db, { from: options.from, to: options.to });
    const files = renderExport(graph, options.format);
    if (options.format === 'csv') {
      const dir = options.out ?? 'artifacts/export-csv';
      mkdirSync(dir, { recursive: true });
      for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(dir, name), contents);
      log(`Wrote ${path.join(dir, 'nodes.csv')} and ${path.join(dir, 'edges.csv')}`);
    } else {
      const contents = Object.values(files)[0] ?? '';
      if (options.out === undefined) process.stdout.write(contents);
      else {
        mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        writeFileSync(options.out, contents);
        log(`Wrote ${options.out}`);
      }
    }
    log(
      `${graph.nodes.length} nodes, ${graph.edges.length} edges${options.from !== null || options.to !== null ? ` (window ${options.from ?? '...'}-${options.to ?? '...'})` : ''}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AtlasError) console.error(`Database error (${error.code}): ${error.message}`);
    else console.error(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await open?.close();
  }
}

process.exitCode = await main();
