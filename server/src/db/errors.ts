/** Maps Neo4j driver and server errors to the public error contract. */
import { Neo4jError } from 'neo4j-driver';
import { AtlasError, ErrorCode } from '../errors.js';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Neo4j's own first line: it names the problem; the rest may be a Java stack or plan detail. */
function firstLine(error: Neo4jError): string {
  return error.message.split('\n')[0] || error.code;
}

/**
 * Driver and server errors become AtlasErrors; anything else (an error thrown by our own code
 * inside a transaction function) passes through unchanged, so its message is not lost.
 */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code;
  // Before the transient check: Neo4j calls a memory-cap hit a retriable TransientError, but
  // the same query would hit the same cap again, so it is refused, not "unavailable".
  if (code.startsWith('Neo.TransientError.General.MemoryPoolOutOfMemoryError') || code.includes('MemoryLimit')) {
    return new AtlasError(ErrorCode.QUERY_REJECTED, 'The query exceeded its memory limit and was stopped', { cause: error });
  }
  if (UNAVAILABLE_CODES.has(code) || (error.retriable && code.startsWith('Neo.TransientError.General'))) {
    return new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; retry shortly', { retryable: true, cause: error });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new AtlasError(ErrorCode.DATABASE_AUTH_FAILED, 'Neo4j rejected the user name or password (check NEO4J_USER and NEO4J_PASSWORD)', { cause: error });
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    (code === 'Neo.TransientError.Transaction.LockClientStopped' && /timed? ?out/i.test(error.message))
  ) {
    return new AtlasError(ErrorCode.QUERY_TIMEOUT, 'The query exceeded its time limit and was stopped', { cause: error });
  }
  if (
    code.startsWith('Neo.ClientError.Security') ||
    code === 'Neo.ClientError.Procedure.ProcedureNotFound' ||
    code === 'Neo.ClientError.Statement.AccessMode'
  ) {
    return new AtlasError(ErrorCode.QUERY_REJECTED, `Refused by the database: ${firstLine(error)}`, { cause: error });
  }
  // The statement itself is wrong (syntax, types, / by zero, a bad argument to a procedure such
  // as a missing fulltext index): the query's author can fix it, so say what Neo4j said.
  if (code.startsWith('Neo.ClientError.Statement.') || code === 'Neo.ClientError.Procedure.ProcedureCallFailed') {
    return new AtlasError(ErrorCode.BAD_USER_INPUT, `Cypher error: ${firstLine(error)}`, { cause: error });
  }
  return new AtlasError(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected database error', { cause: error });
}
