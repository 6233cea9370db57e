/** Starts the real app (createApp) on port 0 against the suite's Neo4j, and posts GraphQL to it. */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type App } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';
import { Database, type Connection } from '../../../server/src/db/database.js';
import type { ResponseCache } from '../../../server/src/graphql/response-cache.js';
import { seedDatabase } from '../../../server/src/seed/load.js';
import { ROOT_DIR } from '../../setup/database.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; retryable?: boolean } }[];
}

export interface Api {
  readonly url: string;
  readonly db: Database;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The app's response cache, or null when it is off. */
  readonly cache: ResponseCache | null;
  /** Readies the analysis answers of the data, as server/src/main.ts does once it listens (App.precomputeAnalysis). */
  precomputeAnalysis(): Promise<void>;
  close(): Promise<void>;
}

/** `connection` overrides the suite's Neo4j (to point at a proxy, say); `env` adds settings. */
export async function startApi(options: { connection?: Connection; env?: Record<string, string> } = {}): Promise<Api> {
  const connection = options.connection ?? inject('neo4j');
  const config = loadConfig({
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
    // The response cache would answer repeats without a query, hiding what these tests count and
    // break; response-cache.test.ts turns it on.
    PORT: '0',
    ATLAS_CONSOLE_TIMEOUT_MS: '1500',
    ATLAS_RESPONSE_CACHE: 'off',
    ...options.env,
  });
  const db = Database.connect(connection, { maxPoolSize: 10 });
  const app: App = await createApp({ config, db });
  const server: Server = await new Promise((resolve) => {
    const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    db,
    cache: app.cache,
    precomputeAnalysis: () => app.precomputeAnalysis(),
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await db.close();
    },
  };
}

/**
 * Registers the beforeAll/afterAll of a file that runs against a hand-built seed: the app started,
 * the seed that `writeFixture` writes (into a temporary folder it returns) loaded; afterwards the
 * curated seed loaded back, the app closed and the folder removed. `api` is readable once
 * beforeAll has run.
 */
export function useApiOnFixtureSeed(writeFixture: () => string): { readonly api: Api } {
  let api: Api | undefined;
  let fixtureDir: string | undefined;
  beforeAll(async () => {
    api = await startApi();
    fixtureDir = writeFixture();
    await seedDatabase(api.db, fixtureDir);
  });
  afterAll(async () => {
    try {
      if (api !== undefined) await seedDatabase(api.db, path.join(ROOT_DIR, 'seed'));
    } finally {
      await api?.close();
      if (fixtureDir !== undefined) rmSync(fixtureDir, { recursive: true, force: true });
    }
  });
  return {
    get api() {
      if (api === undefined) throw new Error('the API is not started (read it inside a test, after beforeAll)');
      return api;
    },
  };
}

/** The codes of a response's errors, for assertions that do not depend on messages. */
export function codes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => error.extensions?.code ?? 'NONE');
}

export function fields(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.field);
}
