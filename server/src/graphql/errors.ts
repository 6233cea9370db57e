/**
 * The error contract on the wire: AtlasErrors keep their code and message (plus `field` and
 * `retryable`); GraphQL's own request errors keep theirs; abuse limits become QUERY_REJECTED;
 * anything else is masked as INTERNAL_SERVER_ERROR with no message detail and no stack.
 */
import type { GraphQLFormattedError } from 'graphql';
import { AtlasError, ErrorCode } from '../errors.js';
import { FAN_OUT_EXTENSION } from './fan-out.js';

/** Codes Apollo and graphql-js give to errors in the request itself (safe to show). */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js's execution refusals about the request itself (no resolver ran): asking for an
 * operation type the schema does not have. Safe to show; the client sent something unusable.
 */
const UNSUPPORTED_OPERATION = /^Schema is not configured to execute (mutation|subscription) operation\.$/;

/** graphql-armor reports its limits as "Syntax Error: ... limit ...". */
const ARMOR = /^Syntax Error: .*\blimit\b/i;

/**
 * The error a resolver threw, under GraphQL's (and Apollo's) wrappers. Duck-typed: a test
 * runner or bundler may load graphql twice, and then `instanceof GraphQLError` lies.
 */
function originalOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const inner = current instanceof Error ? (current as { originalError?: unknown }).originalError : undefined;
    if (!(inner instanceof Error) || inner === current) break;
    current = inner;
  }
  return current;
}

/**
 * What the client does not see, the server log must: the message names the cause (the id of a
 * dangling reference, say) and the error carries its stack and driver cause.
 */
function logMasked(original: unknown, path: GraphQLFormattedError['path']): void {
  const where = path === undefined ? '' : ` at ${path.join('.')}`;
  console.error(`[graphql] internal error${where}:`, original);
}

/** Echoed input is cut to this many characters per quoted run; a whole message to MAX_MESSAGE. */
const MAX_ECHO = 120;
const MAX_MESSAGE = 600;

/**
 * Messages quote the caller's input (a variable's value, an id, a search text): quoted runs
 * longer than MAX_ECHO are cut, and so is the message, so an error never echoes 100 KB back.
 */
export function clipMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  // Only the head is ever shown; the slack lets long quoted runs in it be shortened first.
  const clipped = message
    .slice(0, 10_000)
    .replace(/"((?:[^"\\]|\\.){121,})"/gs, (_match, inner: string) => `"${inner.slice(0, MAX_ECHO)}…" (${inner.length - MAX_ECHO} more characters)`);
  return clipped.length > MAX_MESSAGE ? `${clipped.slice(0, MAX_MESSAGE)}… (message cut)` : clipped;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const clipped = clipMessage(formatted.message);
  return formatErrorClipped(formatted.message === clipped ? formatted : { ...formatted, message: clipped }, error);
}

function formatErrorClipped(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (original instanceof AtlasError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.field !== undefined) extensions['field'] = original.field;
    if (original.retryable) extensions['retryable'] = true;
    // A masked internal error keeps its code but not its detail (it may name graph internals).
    const masked = original.code === ErrorCode.INTERNAL_SERVER_ERROR;
    if (masked) logMasked(original, formatted.path);
    const message = masked ? 'Internal server error' : clipMessage(original.message);
    return { message, ...base, extensions };
  }
  const code = formatted.extensions?.['code'];
  if (formatted.extensions?.[FAN_OUT_EXTENSION] === true) {
    return { message: formatted.message, ...base, extensions: { code: ErrorCode.QUERY_REJECTED } };
  }
  if (ARMOR.test(formatted.message)) {
    return { message: formatted.message.replace(/^Syntax Error: /, ''), ...base, extensions: { code: ErrorCode.QUERY_REJECTED } };
  }
  if (UNSUPPORTED_OPERATION.test(formatted.message)) {
    return { message: `${formatted.message.replace(/\.$/, '')}: this API is read-only`, ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    return { message: formatted.message, ...base, extensions: { code } };
  }
  logMasked(original, formatted.path);
  return { message: 'Internal server error', ...base, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
