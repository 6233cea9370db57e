/**
 * Runs before `npm start`: builds the web client only when its sources are newer than the last
 * build, so a second start stays fast.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT = path.join(ROOT, 'client');
const BUILT = path.join(CLIENT, 'dist/index.html');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(target, entry))
    .filter((file) => statSync(file).isFile())
    .reduce((newest, file) => Math.max(newest, statSync(file).mtimeMs), 0);
}

const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((entry) => newestMtime(path.join(CLIENT, entry)));
const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;

if (!existsSync(path.join(CLIENT, 'index.html'))) {
  console.log('No web client sources yet; serving the API only.');
} else if (builtAt >= Math.max(...sources)) {
  console.log('Web client is up to date.');
} else {
  console.log('Building the web client...');
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The web client failed to build (see above); fix it or run `npm run build:client` for details.');
    process.exit(result.status ?? 1);
  }
}
