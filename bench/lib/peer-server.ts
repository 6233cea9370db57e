/**
 * @neo4j/graphql's generated API over the same database, served with the same stack as ours
 * (Apollo Server 5 on express 5, JSON body parser), so only the GraphQL layer differs.
 * Benchmark peer only: imported by bench/, never by server/.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import type { Connection } from '../../server/src/db/database.js';
import { PEER_TYPEDEFS } from './peer-typedefs.js';

export interface PeerApi {
  readonly url: string;
  close(): Promise<void>;
}

export async function startPeer(connection: Connection): Promise<PeerApi> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), { maxConnectionPoolSize: 50 });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPEDEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema, introspection: false });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database: connection.database } }) }),
  );
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await driver.close();
    },
  };
}
