/**
 * A Node-side deadline for user-written Cypher. Neo4j's own transaction timeout is checked
 * between rows, so a loop inside one expression (or a parser that never returns) outlives it.
 * At the deadline the caller gets QUERY_TIMEOUT at once, whatever Neo4j does; in the background
 * the transaction is terminated by its marker (TERMINATE TRANSACTIONS) and the session closed
 * (a Bolt RESET), and the connection is returned to the pool once Neo4j lets go of it.
 */
import type { Session } from 'neo4j-driver';
import { AtlasError, ErrorCode } from '../errors.js';
import { mapNeo4jError } from './errors.js';

export interface DeadlineHooks {
  /** Stops the server-side work (TERMINATE TRANSACTIONS); failures are ignored. */
  readonly terminate: () => Promise<void>;
  /** Told when the deadline fired (for logs and tests). */
  readonly onExpired?: (ms: number) => void;
}

export function timedOut(ms: number): AtlasError {
  return new AtlasError(ErrorCode.QUERY_TIMEOUT, `The query exceeded its time limit (${ms} ms) and was stopped`);
}

export async function withDeadline<T>(session: Session, deadlineMs: number, work: (session: Session) => Promise<T>, hooks: DeadlineHooks): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const running = work(session);
  // Once the deadline has answered, a late failure of the abandoned work must not surface.
  running.catch(() => undefined);
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        expired = true;
        reject(timedOut(deadlineMs));
      },
      Math.max(0, deadlineMs),
    );
  });
  try {
    return await Promise.race([running, deadline]);
  } catch (error) {
    throw mapNeo4jError(error);
  } finally {
    clearTimeout(timer);
    if (expired) {
      hooks.onExpired?.(deadlineMs);
      // Not awaited: the slot is free now; Neo4j lets go of the connection when it can.
      void hooks
        .terminate()
        .catch(() => undefined)
        .finally(() => session.close().catch(() => undefined));
    } else {
      await session.close().catch(() => undefined);
    }
  }
}
