import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it, vi } from 'vitest';
import { mapNeo4jError } from '../../../server/src/db/errors.js';
import { AtlasError, ErrorCode, badInput } from '../../../server/src/errors.js';
import type { Context } from '../../../server/src/graphql/context.js';
import { formatError } from '../../../server/src/graphql/errors.js';
import { certaintyOf, danglingReference } from '../../../server/src/graphql/mapping.js';
import { sourceById } from '../../../server/src/graphql/resolvers/fetch.js';

const wrap = (original: Error): GraphQLError => new GraphQLError(original.message, { originalError: original, path: ['person'] });

describe('formatError', () => {
  it('keeps AtlasError codes, messages, the argument and retryability', () => {
    const out = formatError({ message: 'x' }, wrap(badInput('maxSteps', 'must be 1..8')));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'maxSteps' });
    expect(out.message).toContain('maxSteps');
    const down = formatError({ message: 'x' }, wrap(new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, 'down', { retryable: true })));
    expect(down.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  });
  it('masks everything unexpected, without stack or detail', () => {
    const out = formatError(
      { message: 'secret at /home/x', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } },
      wrap(new TypeError('secret at /home/x')),
    );
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  it('masks the detail of internal AtlasErrors too', () => {
    const out = formatError({ message: 'x' }, wrap(new AtlasError(ErrorCode.INTERNAL_SERVER_ERROR, 'The graph refers to a missing person "x"')));
    expect(out.message).toBe('Internal server error');
  });
  it('reports abuse limits as QUERY_REJECTED and keeps GraphQL request errors', () => {
    const limit = formatError(
      { message: 'Syntax Error: Query depth limit of 10 exceeded, found 12.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(limit.extensions?.['code']).toBe('QUERY_REJECTED');
    const invalid = formatError(
      { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(invalid.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
  it('answers a mutation, which this read-only API has none of, as bad input', () => {
    const message = 'Schema is not configured to execute mutation operation.';
    const out = formatError({ message }, new GraphQLError(message));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(out.message).toContain('read-only');
  });
});

describe('mapNeo4jError', () => {
  const neo4jError = (code: string, message = 'first line\n\tat org.neo4j.Secret(Stack.java:1)'): Neo4jError =>
    new Neo4jError(message, code, '50N42', 'error: general processing exception');
  const mapped = (code: string, message?: string): AtlasError => mapNeo4jError(neo4jError(code, message)) as AtlasError;

  it('a memory-cap hit is QUERY_REJECTED and not retryable, although Neo4j calls it transient', () => {
    const error = mapped('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    expect([error.code, error.retryable]).toEqual(['QUERY_REJECTED', false]);
    expect(mapped('Neo.TransientError.General.DatabaseUnavailable')).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  });

  it.each([
    'Neo.ClientError.Statement.ArithmeticError',
    'Neo.ClientError.Statement.SyntaxError',
    'Neo.ClientError.Statement.TypeError',
    'Neo.ClientError.Statement.EntityNotFound',
    'Neo.ClientError.Procedure.ProcedureCallFailed',
  ])("%s is the user's to fix: BAD_USER_INPUT with only the first line", (code) => {
    const error = mapped(code);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).not.toContain('Stack.java');
  });

  it('AccessMode (a write in a read transaction) is QUERY_REJECTED', () => {
    expect(mapped('Neo.ClientError.Statement.AccessMode').code).toBe('QUERY_REJECTED');
  });
});

describe('unexpected data', () => {
  it('a missing or unknown certainty is an internal data error naming the element', () => {
    expect(certaintyOf('probable', 'event', 'e1')).toBe('PROBABLE');
    for (const value of [undefined, null, '', 'LIKELY']) {
      let thrown: unknown;
      try {
        certaintyOf(value, 'event', 'e1');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AtlasError);
      expect((thrown as AtlasError).code).toBe('INTERNAL_SERVER_ERROR');
      expect((thrown as AtlasError).message).toContain('"e1"');
    }
  });

  it('a missing source is a dangling reference, like a missing person', async () => {
    const ctx = { loaders: { sources: { get: async () => null } } } as unknown as Context;
    await expect(sourceById(ctx, 'src-x')).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: expect.stringContaining('"src-x"') });
  });

  it('is masked on the wire but logged server-side with the id', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const out = formatError({ message: 'x' }, wrap(danglingReference('source', 'src-x')));
      expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(log).toHaveBeenCalledTimes(1);
      expect((log.mock.calls[0]![1] as Error).message).toContain('"src-x"');
    } finally {
      log.mockRestore();
    }
  });
});
