/** A start-up fault with a message meant for the person at the terminal, not a stack trace. */
export class StartupError extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message);
    this.name = 'StartupError';
  }
}
