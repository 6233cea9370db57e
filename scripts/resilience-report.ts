/**
 * `npm run resilience:report [-- <vitest filters>]`: runs the resilience tests, which leave their
 * measurements in artifacts/resilience/, then copies every section this run measured into
 * RESILIENCE.md between its `bench:` markers. The only command besides `npm run bench` that
 * rewrites a tracked report; sections of tests that did not run keep their earlier numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/support/paths.js';
import { replaceSection } from '../bench/lib/report.js';
import { RESILIENCE_ARTIFACTS } from '../tests/integration/resilience/record.js';

const RESILIENCE_MD = path.join(ROOT, 'RESILIENCE.md');
const filters = process.argv.slice(2);
const started = Date.now();
const run = spawnSync(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', ...(filters.length > 0 ? filters : ['tests/integration/resilience'])], {
  cwd: ROOT,
  stdio: 'inherit',
});

const fresh = (existsSync(RESILIENCE_ARTIFACTS) ? readdirSync(RESILIENCE_ARTIFACTS, { withFileTypes: true }) : [])
  .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
  .map((entry) => path.join(RESILIENCE_ARTIFACTS, entry.name))
  // Only what this run measured: an older artifact would put stale numbers under a new date.
  .filter((file) => statSync(file).mtimeMs >= started);
for (const file of fresh) {
  const name = path.basename(file, '.md');
  replaceSection(RESILIENCE_MD, name, readFileSync(file, 'utf8'));
  console.log(`RESILIENCE.md: section "${name}" updated from ${path.relative(ROOT, file)}`);
}
if (fresh.length === 0) console.log('RESILIENCE.md unchanged: this run measured nothing.');
process.exit(run.status ?? 1);
