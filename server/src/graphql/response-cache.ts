/**
 * Whole GraphQL answers kept in memory until the data changes. The knowledge base only changes
 * when a loader runs, and every loader bumps a data revision (cypher/meta/bump-data-revision);
 * the server reads that revision every few hundred ms and drops everything on a change, so an
 * answer is never more than one check interval older than the data. A time limit bounds it too.
 *
 * A hit is answered before Apollo sees the request. That skips validation and the abuse limits
 * only for a body byte-for-byte equal to one that passed them before and succeeded.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';

export interface CacheLimits {
  readonly maxBytes: number;
  readonly ttlMs: number;
}

interface Entry {
  /** UTF-8 bytes: their length is what the entry really holds, and express sends them as they are. */
  readonly body: Buffer;
  readonly contentType: string;
  readonly bytes: number;
  readonly storedAt: number;
}

/** Where a request that missed leaves its answer for the cache (see responseCacheMiddleware). */
export interface CacheSlot {
  readonly key: string;
  /** The cache generation when the request began: an answer read from older data is not stored. */
  readonly generation: number;
  body: string | null;
}

export interface CacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly revision: string | null | undefined;
}

/** Root fields whose answers depend on the stored data and nothing else. */
const CACHEABLE_ROOT_FIELDS = new Set([
  '__typename',
  'search',
  'searchMatches',
  'person',
  'event',
  'factions',
  'sources',
  'events',
  'network',
  'timeline',
  'purgeChain',
  'purgersPurged',
  'connection',
  'centrality',
  'communities',
  'survival',
  'exposure',
]);

export class ResponseCache {
  // A Map iterates in insertion order; re-inserting on each hit makes the first key the least recently used.
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private revision: string | null | undefined = undefined;
  private generationCounter = 0;

  constructor(
    private readonly limits: CacheLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || this.now() - entry.storedAt > this.limits.ttlMs) {
      if (entry !== undefined) this.remove(key, entry);
      this.misses += 1;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits += 1;
    return entry;
  }

  /** Like get, for a request that waited on an identical one: not counted as another hit or miss. */
  peek(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry === undefined || this.now() - entry.storedAt > this.limits.ttlMs ? undefined : entry;
  }

  /** Keeps `body` unless the cache was cleared since the request began or it alone is over budget. */
  store(slot: CacheSlot, contentType: string): boolean {
    if (slot.body === null || slot.generation !== this.generationCounter) return false;
    const body = Buffer.from(slot.body, 'utf8');
    const bytes = Buffer.byteLength(slot.key, 'utf8') + body.length;
    if (bytes > this.limits.maxBytes) return false;
    const previous = this.entries.get(slot.key);
    if (previous !== undefined) this.remove(slot.key, previous);
    while (this.bytes + bytes > this.limits.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldestKey, oldest);
    }
    this.entries.set(slot.key, { body, contentType, bytes, storedAt: this.now() });
    this.bytes += bytes;
    return true;
  }

  /** Records the data revision just read; a change from a known one empties the cache. */
  observeRevision(revision: string | null): void {
    if (this.revision !== undefined && this.revision !== revision) this.clear();
    this.revision = revision;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generationCounter += 1;
  }

  stats(): CacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses, revision: this.revision };
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

interface GraphQLBody {
  readonly query: string;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

function isGraphQLBody(body: unknown): body is GraphQLBody {
  return typeof body === 'object' && body !== null && typeof (body as { query?: unknown }).query === 'string';
}

/**
 * Answers repeated POSTs from the cache; on a miss, opens a slot the plugin fills. Identical
 * requests arriving while the first is still being answered wait for it rather than all going to
 * Neo4j (a cold cache under load would otherwise compute every answer once per connection).
 */
export function responseCacheMiddleware(cache: ResponseCache): RequestHandler {
  const inFlight = new Map<string, Promise<void>>();
  const serve = (res: Response, entry: Entry): void => {
    res.status(200).set('content-type', entry.contentType).set('x-atlas-cache', 'hit').send(entry.body);
  };
  return async (req, res, next) => {
    const body: unknown = req.body;
    if (req.method !== 'POST' || !isGraphQLBody(body)) {
      next();
      return;
    }
    const key = JSON.stringify([req.get('accept') ?? '', body.query, body.variables ?? null, body.operationName ?? null]);
    const hit = cache.get(key);
    if (hit !== undefined) {
      serve(res, hit);
      return;
    }
    const pending = inFlight.get(key);
    if (pending !== undefined) {
      await pending;
      const shared = cache.peek(key);
      if (shared !== undefined) {
        serve(res, shared);
        return;
      }
    }
    const slot: CacheSlot = { key, generation: cache.generation, body: null };
    res.locals['cacheSlot'] = slot;
    res.set('x-atlas-cache', 'miss');
    let done = (): void => undefined;
    if (pending === undefined)
      inFlight.set(
        key,
        new Promise<void>((resolve) => {
          done = resolve;
        }),
      );
    const settle = (): void => {
      const contentType = res.getHeader('content-type');
      if (res.statusCode === 200 && typeof contentType === 'string') cache.store(slot, contentType);
      if (pending === undefined) {
        inFlight.delete(key);
        done();
      }
    };
    // 'close' covers a client that went away before the answer was written.
    res.once('finish', settle);
    res.once('close', () => {
      if (!res.writableFinished) settle();
    });
    next();
  };
}

function cacheableOperation(operation: OperationDefinitionNode | undefined): boolean {
  if (operation === undefined || operation.operation !== OperationTypeNode.QUERY) return false;
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(selection.name.value));
}

/** Fills the request's slot with a successful answer of a cacheable query (serialised as Apollo does). */
export function responseCachePlugin<C extends { readonly cacheSlot?: CacheSlot | undefined }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          const slot = contextValue.cacheSlot;
          if (slot === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors !== undefined || !cacheableOperation(operation ?? undefined)) return;
          // Field order and trailing newline as Apollo writes it, so a hit is byte-for-byte the miss.
          slot.body = `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`;
        },
      };
    },
  };
}
