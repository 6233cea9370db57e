/**
 * Checks on the raw request, before the response cache and Apollo see it, each answered with a
 * 400 and a GraphQL-shaped error:
 * - JSON nested deeper than MAX_JSON_DEPTH in `variables` or `extensions` (deeper JSON overflowed
 *   the stack of every later JSON.stringify, the cache key's first);
 * - a persisted-query hash that is malformed or does not match the query text sent with it;
 * - a query with more tokens than the limit: counted by the lexer alone, which stops at the
 *   limit, so a 1 MB document is never parsed.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';

export const MAX_JSON_DEPTH = 64;

function refuse(res: Response, code: string, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

/** True when `value` nests deeper than `max` (arrays and objects); iterative, so depth cannot overflow it. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(next)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Counts tokens up to `max + 1` without building a syntax tree; a lexing error counts as within the limit (the parser reports it). */
export function tokensOver(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; count <= max; count += 1) {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    }
    return true;
  } catch {
    return false;
  }
}

interface PersistedQuery {
  readonly version?: unknown;
  readonly sha256Hash?: unknown;
}

function persistedQueryOf(extensions: unknown): PersistedQuery | undefined {
  if (extensions === null || typeof extensions !== 'object') return undefined;
  const persisted: unknown = (extensions as { persistedQuery?: unknown }).persistedQuery;
  return persisted !== null && typeof persisted === 'object' ? persisted : undefined;
}

/** Why the persisted-query extension is unusable, or null. */
export function persistedQueryProblem(query: unknown, extensions: unknown): string | null {
  const persisted = persistedQueryOf(extensions);
  if (persisted === undefined) return null;
  if (persisted.version !== 1) return 'persistedQuery.version must be 1';
  if (typeof persisted.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/i.test(persisted.sha256Hash))
    return 'persistedQuery.sha256Hash must be a SHA-256 hash in hex';
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== persisted.sha256Hash.toLowerCase()) {
    return 'persistedQuery.sha256Hash does not match the query sent with it';
  }
  return null;
}

function parsedJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function requestGuards(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.method === 'POST' ? req.body : req.query;
    if (body === null || typeof body !== 'object') {
      next();
      return;
    }
    const { query, variables, extensions } = body as { query?: unknown; variables?: unknown; extensions?: unknown };
    // A GET carries variables and extensions as JSON text.
    const vars = parsedJson(variables);
    const exts = parsedJson(extensions);
    if (nestsDeeperThan(vars, MAX_JSON_DEPTH) || nestsDeeperThan(exts, MAX_JSON_DEPTH)) {
      refuse(res, 'BAD_REQUEST', `variables and extensions may nest at most ${MAX_JSON_DEPTH} levels deep`);
      return;
    }
    const problem = persistedQueryProblem(query, exts);
    if (problem !== null) {
      refuse(res, 'BAD_REQUEST', problem);
      return;
    }
    if (typeof query === 'string' && tokensOver(query, maxTokens)) {
      refuse(res, 'QUERY_REJECTED', `Token limit of ${maxTokens} exceeded.`);
      return;
    }
    next();
  };
}
