/**
 * Builds of the app run side by side in one process by the side-by-side benches
 * (analysis-curated.ts, analysis-large.ts): this checkout, and other checkouts (e.g. `git archive
 * <commit> | tar -x -C DIR`, node_modules linked in), each with its own app factory and its own
 * database door (the door reads that build's cypher/ folder).
 */
import path from 'node:path';
import type { App } from '../../server/src/app.js';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';

export interface Build {
  readonly createApp: (deps: { config: Config; db: Database }) => Promise<App>;
  readonly Database: typeof Database;
}

/** One way of running a build in a bench: its environment, and what is awaited once it listens. */
export interface Mode {
  /** The checkout's root folder. */
  readonly build: string;
  readonly env: Record<string, string>;
  readonly startUp: (app: App) => Promise<void>;
}

/** Each mode's build, imported once per checkout from that checkout's own files; looked up by root. */
export async function importBuilds(modes: Iterable<Mode>): Promise<(root: string) => Build> {
  const builds = new Map<string, Build>();
  for (const { build: root } of modes) {
    if (builds.has(root)) continue;
    const app = (await import(path.join(root, 'server/src/app.ts'))) as Pick<Build, 'createApp'>;
    const door = (await import(path.join(root, 'server/src/db/database.ts'))) as Pick<Build, 'Database'>;
    builds.set(root, { createApp: app.createApp, Database: door.Database });
  }
  return (root) => {
    const build = builds.get(root);
    if (build === undefined) throw new Error(`no build imported from ${root}`);
    return build;
  };
}
