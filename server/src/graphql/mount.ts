/**
 * Mounts the GraphQL API on /graphql. Placeholder until the schema-first API lands: it serves
 * a minimal schema so the platform (start-up, health, shutdown) can be built and tested.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

export interface GraphQLDeps {
  readonly config: Config;
  readonly db: Database;
}

const typeDefs = /* GraphQL */ `
  type Query {
    health: String!
  }
`;

export async function mountGraphQL(app: Express, { db }: GraphQLDeps): Promise<{ stop(): Promise<void> }> {
  const server = new ApolloServer({
    // main.ts owns the shutdown order (HTTP, GraphQL, driver, Neo4j); Apollo's own signal
    // handlers would race it and re-raise the signal mid-shutdown.
    stopOnTerminationSignals: false,
    typeDefs,
    resolvers: {
      Query: {
        health: async () => {
          await db.ping();
          return 'ok';
        },
      },
    },
  });
  await server.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  return { stop: () => server.stop() };
}
