/**
 * `npm run resilience:report [-- <vitest filters>]`: runs the resilience tests, which leave their
 * measurements in artifacts/resilience/, then copies every section this run measured into
 * RESILIENCE.md between its `bench:` markers. The only command besides `npm run bench` that
 * rewrites a tracked report; sections of tests that did not run keep their earlier numbers.
 *
 * `npm run resilience:report -- --collect <folder>` runs nothing: it copies the sections another
 * run left in `<folder>` (for example a fresh clone's artifacts/resilience after `.ci/run`, the
 * quietest run there is). Each section carries its own "Measured ..." stamp, so nothing older is
 * passed off as new.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/support/paths.js';
import { replaceSection } from '../bench/lib/report.js';
import { RESILIENCE_ARTIFACTS } from '../tests/integration/resilience/record.js';

const RESILIENCE_MD = path.join(ROOT, 'RESILIENCE.md');
const args = process.argv.slice(2);

/** The section files in `folder`, written at or after `since` (ms since the epoch). */
function sectionsIn(folder: string, since: number): string[] {
  if (!existsSync(folder)) return [];
  return (
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => path.join(folder, entry.name))
      // Only what this run measured: an older artifact would put stale numbers under a new date.
      .filter((file) => statSync(file).mtimeMs >= since)
  );
}

function copyIn(files: readonly string[]): void {
  for (const file of files) {
    const name = path.basename(file, '.md');
    replaceSection(RESILIENCE_MD, name, readFileSync(file, 'utf8'));
    console.log(`RESILIENCE.md: section "${name}" updated from ${file}`);
  }
  if (files.length === 0) console.log('RESILIENCE.md unchanged: no section was found to copy.');
}

if (args[0] === '--collect') {
  const folder = args[1];
  if (folder === undefined) {
    console.error('resilience:report --collect needs a folder, e.g. ../clone/artifacts/resilience');
    process.exit(2);
  }
  if (!existsSync(folder)) {
    console.error(`resilience:report --collect: no folder at ${path.resolve(folder)}`);
    process.exit(2);
  }
  copyIn(sectionsIn(path.resolve(folder), 0));
} else {
  const started = Date.now();
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', ...(args.length > 0 ? args : ['tests/integration/resilience'])], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  copyIn(sectionsIn(RESILIENCE_ARTIFACTS, started));
  process.exit(run.status ?? 1);
}
