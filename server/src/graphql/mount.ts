/**
 * Mounts the GraphQL API on /graphql: schema from server/schema.graphql, resolvers, abuse
 * limits (request-guards.ts, graphql-armor, fan-out.ts, byte-budget.ts), the error contract
 * (errors.ts) and an offline query page for browsers.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AnalysisService } from './analysis.js';
import { precomputeAnalysis } from './analysis-precompute.js';
import { createContext, type Context } from './context.js';
import { formatError } from './errors.js';
import { byteBudgetPlugin } from './byte-budget.js';
import { fanOutLimit } from './fan-out.js';
import { graphiqlPage } from './graphiql.js';
import { contentSecurityPolicyFor, sendPage } from '../security-headers.js';
import { requestGuards } from './request-guards.js';
import { resolvers } from './resolvers/index.js';
import { ResponseCache, responseCacheMiddleware, responseCachePlugin, type CacheSlot } from './response-cache.js';
import { watchDataRevision } from './revision-watch.js';

export interface GraphQLDeps {
  readonly config: Config;
  readonly db: Database;
}

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

/**
 * Limits sized for the real client: its deepest query (timeline -> persons -> person ->
 * memberships -> faction -> id) is depth 6; a researcher's nested person query stays under 10.
 */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 20_000, maxFanOut: 50_000, maxTokens: 2_000, maxDirectives: 20 } as const;

/** The answer's byte budget unless told otherwise (ATLAS_RESPONSE_MAX_MB). */
export const DEFAULT_RESPONSE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * graphql-armor's token limit parses the document in a plugin hook, and Apollo answers any error
 * thrown there with a 500. A limit error is raised at didResolveOperation instead (a 400); a plain
 * syntax error is left to Apollo's own parser, which reports GRAPHQL_PARSE_FAILED (400).
 */
function clientErrorsIn(plugin: ApolloServerPlugin<Context>): ApolloServerPlugin<Context> {
  const start = plugin.requestDidStart?.bind(plugin);
  if (start === undefined) return plugin;
  return {
    ...plugin,
    async requestDidStart(requestContext) {
      const listener = await start(requestContext);
      const parsing = listener?.parsingDidStart?.bind(listener);
      if (listener === undefined || listener === null || parsing === undefined) return listener;
      let refused: GraphQLError | null = null;
      return {
        ...listener,
        async parsingDidStart(context) {
          try {
            return await parsing(context);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            // Thrown here it would be a 500: raise it once the operation is resolved instead.
            if (/\blimit\b/i.test(message)) refused = new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
            return undefined;
          }
        },
        async didResolveOperation(context) {
          if (refused !== null) throw refused;
          await listener.didResolveOperation?.call(listener, context);
        },
      };
    },
  };
}

export function createApolloServer(
  extraPlugins: ApolloServerPlugin<Context>[] = [],
  maxResponseBytes: number = DEFAULT_RESPONSE_MAX_BYTES,
): ApolloServer<Context> {
  const armor = new ApolloArmor({
    // Fragments are measured as if written inline (armor would count each spread as a level and
    // multiply its cost): the client's documents share fragments (client/src/graphql/), and a
    // query must not be refused for how it is written, only for what it asks.
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: LIMITS.maxCost, flattenFragments: true },
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
    // Counts how nested lists multiply (fan-out.ts), which armor's per-field cost does not.
    validationRules: [...protection.validationRules, fanOutLimit(LIMITS.maxFanOut)],
    // Apollo's default cache-control plugin hooks every resolved field (a third of the execution
    // time of a person page) to compute HTTP cache hints this API never sets (no @cacheControl).
    // The byte budget goes before the response cache, so an answer it cut is never cached.
    plugins: [
      ...protection.plugins.map(clientErrorsIn),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      byteBudgetPlugin<Context>(maxResponseBytes),
      ...extraPlugins,
    ],
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
  });
}

export interface MountedGraphQL {
  /** Null when ATLAS_RESPONSE_CACHE=off. */
  readonly cache: ResponseCache | null;
  /** Loads Graph Data Science in Neo4j ahead of the first analysis call; never fails. */
  readonly warmUpAnalysis: () => Promise<void>;
  /**
   * Readies the analysis answers of the data (analysis-precompute.ts) now and after every new
   * data revision, in the background; resolves when the first run ends; never fails.
   */
  readonly precomputeAnalysis: () => Promise<void>;
  readonly stop: () => Promise<void>;
}

export async function mountGraphQL(app: Express, { config, db }: GraphQLDeps): Promise<MountedGraphQL> {
  const settings = config.responseCache;
  const cache = settings.enabled ? new ResponseCache({ maxBytes: settings.maxMb * 1024 * 1024, ttlMs: settings.ttlSeconds * 1000 }) : null;
  const watcher = cache === null ? null : await watchDataRevision(db, cache, settings.revisionCheckMs);
  const analysis = new AnalysisService(db, config.analysis);
  const server = createApolloServer(cache === null ? [] : [responseCachePlugin<Context>()], config.api.maxResponseBytes);
  await server.start();
  const page = graphiqlPage();
  const pagePolicy = contentSecurityPolicyFor(page);
  // Browsers asking for /graphql get the offline query page; API clients get GraphQL.
  app.get('/graphql', (req, res, next) => {
    if (req.query['query'] === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') {
      sendPage(res, page, pagePolicy);
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    // Deep JSON, bad persisted-query hashes and over-long documents end here, before the cache key is built.
    requestGuards(LIMITS.maxTokens),
    ...(cache === null ? [] : [responseCacheMiddleware(cache)]),
    expressMiddleware(server, { context: async ({ res }) => createContext(db, config, analysis, res.locals['cacheSlot'] as CacheSlot | undefined) }),
  );
  // A body the JSON parser refuses (malformed, too large) gets a GraphQL-shaped JSON error,
  // not express's HTML page with a stack trace.
  app.use('/graphql', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    const client = status >= 400 && status < 500;
    const message = status === 413 ? 'The request body is over the 1 MB limit' : client ? 'The request body is not valid JSON' : 'Internal server error';
    res.status(client ? status : 500).json({ errors: [{ message, extensions: { code: client ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });
  return {
    cache,
    warmUpAnalysis: () => analysis.warmUp(),
    precomputeAnalysis: () =>
      analysis.keepReady(async (isCurrent) => {
        await precomputeAnalysis(createContext(db, config, analysis), config.analysis.precomputeDates, isCurrent);
      }),
    async stop() {
      watcher?.stop();
      await server.stop();
      await analysis.stop();
    },
  };
}
