/**
 * Mounts the GraphQL API on /graphql: schema from server/schema.graphql, resolvers, abuse
 * limits (graphql-armor), the error contract (errors.ts) and an offline query page for browsers.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Express } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createContext, type Context } from './context.js';
import { formatError } from './errors.js';
import { graphiqlPage } from './graphiql.js';
import { resolvers } from './resolvers/index.js';

export interface GraphQLDeps {
  readonly config: Config;
  readonly db: Database;
}

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

/**
 * Limits sized for the real client: its deepest query (timeline -> persons -> person ->
 * memberships -> faction -> id) is depth 6; a researcher's nested person query stays under 10.
 */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 20_000, maxTokens: 2_000, maxDirectives: 20 } as const;

export function createApolloServer(): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: LIMITS.maxCost },
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    // main.ts owns the shutdown order (HTTP, GraphQL, driver, Neo4j); Apollo's own signal
    // handlers would race it and re-raise the signal mid-shutdown. Keep this line.
    stopOnTerminationSignals: false,
    typeDefs: readFileSync(SCHEMA_FILE, 'utf8'),
    resolvers,
    ...protection,
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()],
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
  });
}

export async function mountGraphQL(app: Express, { config, db }: GraphQLDeps): Promise<{ stop(): Promise<void> }> {
  const server = createApolloServer();
  await server.start();
  const page = graphiqlPage();
  // Browsers asking for /graphql get the offline query page; API clients get GraphQL.
  app.get('/graphql', (req, res, next) => {
    if (req.query['query'] === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html').send(page);
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, { context: async () => createContext(db, config) }),
  );
  return { stop: () => server.stop() };
}
