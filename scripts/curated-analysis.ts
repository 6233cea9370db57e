/**
 * The curated answers of the analysis fields, for a historian's reading (docs/analysis.md): the
 * betweenness ranking and the communities at a few dates, where one person ranks, the survival
 * curves' falls and a few people's exposure. With
 * `--baseline DIR` (another build: `git worktree add --detach DIR <commit>`, node_modules
 * linked in) the same questions are asked of that build's load of the same seed, one after the
 * other on one throwaway Neo4j, so a change to the time rules can be read side by side.
 *
 *   npx tsx scripts/curated-analysis.ts [--baseline DIR] [--person pak-il-u] [--dates 1950-06-01,1957-06-01]
 *     [--community-dates 1956-08-30] [--exposure pak-il-u,pak-hon-yong]
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { configFor, gql } from '../bench/lib/api.js';
import type { App } from '../server/src/app.js';
import type { Config } from '../server/src/config.js';
import type { Database } from '../server/src/db/database.js';
import { startThrowawayNeo4j } from '../tests/support/neo4j.js';
import { ROOT } from '../tests/support/paths.js';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = arg('--baseline');
const person = arg('--person') ?? 'pak-il-u';
const DATES = (arg('--dates') ?? '1950-06-01,1953-08,1955-06,1956-08-30,1957-06-01,1958-06,1960').split(',');
const EXPOSED = (arg('--exposure') ?? 'pak-il-u,pak-hon-yong,ri-sung-yop,kim-tu-bong').split(',');
const COMMUNITY_DATES = (arg('--community-dates') ?? '1956-08-30').split(',');

interface Build {
  readonly name: string;
  readonly root: string;
  readonly createApp: (deps: { config: Config; db: Database }) => Promise<App>;
  readonly Database: typeof Database;
  readonly seedDatabase: (db: Database, dir: string) => Promise<unknown>;
}

async function build(name: string, root: string): Promise<Build> {
  const app = (await import(path.join(root, 'server/src/app.ts'))) as Pick<Build, 'createApp'>;
  const door = (await import(path.join(root, 'server/src/db/database.ts'))) as Pick<Build, 'Database'>;
  const seed = (await import(path.join(root, 'server/src/seed/load.ts'))) as Pick<Build, 'seedDatabase'>;
  return { name, root, createApp: app.createApp, Database: door.Database, seedDatabase: seed.seedDatabase };
}

interface Score {
  readonly person: { readonly id: string };
  readonly score: number;
  readonly rank: number;
}
interface CommunityAnswer {
  readonly method: string;
  readonly agreement: number;
  readonly communities: {
    readonly members: { readonly id: string }[];
    readonly factions: { readonly faction: { readonly id: string }; readonly count: number }[];
  }[];
}

const builds = [
  ...(baseline === undefined ? [] : [await build(`baseline ${path.basename(baseline)}`, path.resolve(baseline))]),
  await build('this build', ROOT),
];
const neo4j = await startThrowawayNeo4j({ log: () => undefined });
try {
  for (const b of builds) {
    const db = b.Database.connect(neo4j.connection);
    await b.seedDatabase(db, path.join(ROOT, 'seed'));
    const app = await b.createApp({ config: configFor(neo4j.connection, { ATLAS_ANALYSIS_PRECOMPUTE_DATES: '0' }), db });
    const server: Server = await new Promise((resolve) => {
      const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      console.log(`\n## ${b.name} (${b.root})`);
      for (const at of DATES) {
        const body = await gql<{ centrality: Score[] }>(url, `{ centrality(at: "${at}", measure: BETWEENNESS, limit: 500) { person { id } score rank } }`);
        const scores = body.data?.centrality ?? [];
        const top = scores.slice(0, 6).map((s) => `${s.rank}. ${s.person.id} ${s.score.toFixed(1)}`);
        const own = scores.find((s) => s.person.id === person);
        console.log(
          `betweenness ${at} (${scores.length} people): ${top.join('; ')} | ${person}: ${own === undefined ? 'not in the network' : `rank ${own.rank}, ${own.score.toFixed(1)}`}`,
        );
      }
      for (const at of COMMUNITY_DATES) {
        const body = await gql<{ communities: CommunityAnswer }>(
          url,
          `{ communities(at: "${at}") { method agreement communities { members { id } factions { faction { id } count } } } }`,
        );
        const answer = body.data?.communities;
        if (answer === undefined) throw new Error(`no communities at ${at}`);
        console.log(`communities ${at}: ${answer.communities.length}, agreement ${answer.agreement.toFixed(3)} (${answer.method})`);
        for (const c of answer.communities) {
          console.log(
            `  ${c.members.length} members [${c.factions.map((f) => `${f.faction.id} ${f.count}`).join(', ')}]: ${c.members.map((m) => m.id).join(', ')}`,
          );
        }
      }
      const survival = await gql<{
        survival: { faction: { id: string }; points: { date: string; atRisk: number; fallen: number; censored: number; survival: number }[] }[];
      }>(url, '{ survival { faction { id } points { date atRisk fallen censored survival } } }');
      for (const curve of survival.data?.survival ?? []) {
        const falls = curve.points.filter((p) => p.fallen > 0).map((p) => `${p.date} ${p.fallen}/${p.atRisk} -> ${p.survival.toFixed(2)}`);
        console.log(`survival ${curve.faction.id}: falls ${falls.join('; ') || 'none'}`);
      }
      for (const id of EXPOSED) {
        const body = await gql<{ exposure: { share: number; fall: { id: string } | null; ties: { id: string }[] } | null }>(
          url,
          `{ exposure(personId: "${id}") { share fall { id } ties { id } } }`,
        );
        const e = body.data?.exposure;
        console.log(
          `exposure ${id}: ${e === null || e === undefined ? 'none' : `fall ${e.fall?.id ?? '-'}, share ${e.share.toFixed(2)}, ties ${e.ties.map((t) => t.id).join(', ')}`}`,
        );
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await db.close();
    }
  }
} finally {
  await neo4j.stop();
}
