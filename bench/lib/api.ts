/** The real app (createApp) on port 0 against a given Neo4j, and a GraphQL client for it. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { Database, type Connection } from '../../server/src/db/database.js';
import type { Build } from './builds.js';

export interface GraphQLBody<T = unknown> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}

export interface RunningApi {
  readonly url: string;
  readonly db: Database;
  readonly app: App;
  close(): Promise<void>;
}

const THIS_BUILD: Build = { createApp, Database };

/** The response cache is off unless `extra` turns it on: these numbers are about answering, not remembering. */
export function configFor(connection: Connection, extra: Record<string, string> = {}) {
  return loadConfig({
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
    PORT: '0',
    ATLAS_RESPONSE_CACHE: 'off',
    ...extra,
  });
}

/** `build`: another checkout's app and database door (bench/lib/builds.ts); this one's by default. */
export async function startApi(connection: Connection, extra: Record<string, string> = {}, build: Build = THIS_BUILD): Promise<RunningApi> {
  const db = build.Database.connect(connection);
  const app: App = await build.createApp({ config: configFor(connection, extra), db });
  const server: Server = await new Promise((resolve) => {
    const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    db,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await db.close();
    },
  };
}

/** Posts one GraphQL operation; throws on transport failure or GraphQL errors unless `allowErrors`. */
export async function gql<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  allowErrors = false,
): Promise<GraphQLBody<T> & { status: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as GraphQLBody<T>;
  if (!allowErrors && (body.errors !== undefined || response.status !== 200)) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  return { status: response.status, ...body };
}
