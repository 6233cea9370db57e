/**
 * The public error-code contract. Clients rely on these codes (in GraphQL `extensions.code`
 * and in CLI exit messages); messages may change, codes may not.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_REJECTED: 'QUERY_REJECTED',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** A GraphQL answer grew past its byte budget while it was built (ATLAS_RESPONSE_MAX_MB). */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** An analysis field needs Neo4j Graph Data Science, which the connected Neo4j lacks; the message names the plugin. */
  ANALYTICS_UNAVAILABLE: 'ANALYTICS_UNAVAILABLE',
  DATABASE_AUTH_FAILED: 'DATABASE_AUTH_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface AtlasErrorOptions {
  /** The argument, variable, file field or setting the error is about. */
  readonly field?: string;
  /** True when the same request may succeed later (the database came back, a lock cleared). */
  readonly retryable?: boolean;
  readonly cause?: unknown;
}

export class AtlasError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: AtlasErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AtlasError';
    this.code = code;
    this.field = options.field;
    this.retryable = options.retryable ?? false;
  }
}

export function badInput(field: string, message: string): AtlasError {
  return new AtlasError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
}

export function notFound(field: string, message: string): AtlasError {
  return new AtlasError(ErrorCode.NOT_FOUND, message, { field });
}
