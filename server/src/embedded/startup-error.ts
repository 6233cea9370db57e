/**
 * Why the managed Neo4j did not start, for code that decides what to do about it (a retry, a
 * test); people read the message instead.
 */
export type StartupErrorCode =
  | 'NEO4J_EXITED' // the JVM ended during start-up
  | 'NEO4J_STORE_LOCKED' // another process holds the data folder's store lock
  | 'NEO4J_PORT_IN_USE' // something else listens on the Bolt port
  | 'NEO4J_START_TIMEOUT'; // Bolt did not open within ATLAS_NEO4J_START_TIMEOUT_SECONDS

/** The tool's own words (Neo4j's log, Maven's or javac's output) behind a StartupError. */
export class StartupDetail extends Error {
  constructor(text: string) {
    super(text);
    this.name = 'StartupDetail';
  }
}

/**
 * A start-up fault with a message meant for the person at the terminal, not a stack trace.
 * `npm start` prints the detail under the message; the detail is also the error's `cause`, so
 * that test runners and other callers, which print causes but not custom fields, show it too.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    readonly code?: StartupErrorCode,
  ) {
    super(message, detail === undefined || detail === '' ? undefined : { cause: new StartupDetail(detail) });
    this.name = 'StartupError';
  }
}
