/**
 * Fails fast while Neo4j is known to be down. Without it every request during an outage waits
 * for the driver's connection timeout and retries (seconds each) before it can say
 * DATABASE_UNAVAILABLE. After a failure that says the database is unavailable, calls are refused
 * at once for `coolDownMs`; then one call at a time is let through to find out whether Neo4j is
 * back, and the first success lets everyone through again.
 */
import { AtlasError, ErrorCode } from '../errors.js';

export class AvailabilityGate {
  private refuseUntil = 0;
  private down = false;
  private probing = false;

  constructor(private readonly coolDownMs: number, private readonly now: () => number = Date.now) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const probe = this.admit();
    try {
      const result = await work();
      this.down = false;
      return result;
    } catch (error) {
      if (error instanceof AtlasError && error.code === ErrorCode.DATABASE_UNAVAILABLE) {
        this.down = true;
        this.refuseUntil = this.now() + this.coolDownMs;
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  /** True when this call is the one probe of a down database. Throws when it must not run. */
  private admit(): boolean {
    if (!this.down) return false;
    if (this.now() < this.refuseUntil || this.probing) {
      throw new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; retry shortly', { retryable: true });
    }
    this.probing = true;
    return true;
  }
}
