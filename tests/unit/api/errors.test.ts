import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AtlasError, ErrorCode, badInput } from '../../../server/src/errors.js';
import { formatError } from '../../../server/src/graphql/errors.js';

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
    const out = formatError({ message: 'secret at /home/x', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } }, wrap(new TypeError('secret at /home/x')));
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  it('masks the detail of internal AtlasErrors too', () => {
    const out = formatError({ message: 'x' }, wrap(new AtlasError(ErrorCode.INTERNAL_SERVER_ERROR, 'The graph refers to a missing person "x"')));
    expect(out.message).toBe('Internal server error');
  });
  it('reports abuse limits as QUERY_REJECTED and keeps GraphQL request errors', () => {
    const limit = formatError({ message: 'Syntax Error: Query depth limit of 10 exceeded, found 12.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x'));
    expect(limit.extensions?.['code']).toBe('QUERY_REJECTED');
    const invalid = formatError({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x'));
    expect(invalid.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
