/**
 * Builds the HTTP app (GraphQL API, local GraphiQL, built web client) without listening, so
 * main.ts and the tests can each decide where it listens.
 */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { AtlasError } from './errors.js';
import { mountGraphQL } from './graphql/mount.js';
import { securityHeaders } from './security-headers.js';
import type { ResponseCache } from './graphql/response-cache.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
}

export interface App {
  readonly express: Express;
  /** Null when ATLAS_RESPONSE_CACHE=off. */
  readonly cache: ResponseCache | null;
  /** Loads Graph Data Science in Neo4j ahead of the first analysis call (main.ts, once listening); never fails. */
  readonly warmUpAnalysis: () => Promise<void>;
  /** Readies the analysis answers of the data now and after each new data revision (main.ts, after the warm-up); never fails. */
  readonly precomputeAnalysis: () => Promise<void>;
  /** Stops the GraphQL server's background work; the caller closes the listener and the driver. */
  readonly stop: () => Promise<void>;
}

export async function createApp({ config, db }: AppDeps): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.get('/healthz', async (_req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ok' });
    } catch (error) {
      // The supervisor's word when it has one: restarting (retryable) or given up (not).
      const known = error instanceof AtlasError ? { message: error.message, retryable: error.retryable } : {};
      res.status(503).json({ status: 'database unavailable', ...known });
    }
  });
  const graphql = await mountGraphQL(app, { config, db });
  if (existsSync(path.join(config.clientDist, 'index.html'))) {
    app.use(express.static(config.clientDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(path.join(config.clientDist, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The web client is not built yet. Run `npm run build:client`, or use the API at /graphql.');
    });
  }
  return { express: app, cache: graphql.cache, warmUpAnalysis: graphql.warmUpAnalysis, precomputeAnalysis: graphql.precomputeAnalysis, stop: graphql.stop };
}
