/**
 * Fails fast while Neo4j is known to be down. Without it every request during an outage waits
 * for the driver's connection timeout and retries (seconds each) before it can say
 * DATABASE_UNAVAILABLE. After a failure that says the database is unavailable, calls are refused
 * at once for `coolDownMs`; then one call at a time is let through to find out whether Neo4j is
 * back, and the first success lets everyone through again.
 *
 * When the app supervises its own Neo4j (server/src/embedded/supervisor.ts), the supervisor's
 * word comes first: while it restarts Neo4j every call is refused at once (retryable), once it
 * gave up on a crash loop every call is refused with its reason (not retryable), and the moment
 * Neo4j is back the gate opens without waiting for a probe.
 */
import { AtlasError, ErrorCode } from '../errors.js';

export type DatabaseState =
  | { readonly kind: 'up' }
  /** Neo4j exited and will be started again; `reason` says so to callers. */
  | { readonly kind: 'restarting'; readonly reason: string }
  /** Neo4j will not be started again without a restart of the app; `reason` says why and where to look. */
  | { readonly kind: 'failed'; readonly reason: string };

/** What the process that runs Neo4j knows about it; one per managed Neo4j. */
export class DatabaseHealth {
  private current: DatabaseState = { kind: 'up' };
  private readonly listeners = new Set<(state: DatabaseState) => void>();

  get state(): DatabaseState {
    return this.current;
  }

  set(state: DatabaseState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  onChange(listener: (state: DatabaseState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The error a caller gets while the database is down, in the words of `state` when one is known. */
export function unavailableError(state?: DatabaseState): AtlasError {
  if (state?.kind === 'failed') return new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, state.reason, { retryable: false });
  const message = state?.kind === 'restarting' ? state.reason : 'The database is unavailable; retry shortly';
  return new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, message, { retryable: true });
}

export class AvailabilityGate {
  private refuseUntil = 0;
  private down = false;
  private probing = false;

  constructor(
    private readonly coolDownMs: number,
    private readonly now: () => number = Date.now,
    private readonly health?: DatabaseHealth,
  ) {
    health?.onChange((state) => {
      if (state.kind === 'up') {
        this.down = false;
        this.refuseUntil = 0;
      }
    });
  }

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
        // A call that met the dying JVM before the supervisor saw it go gets the supervisor's word.
        const state = this.health?.state;
        if (state !== undefined && state.kind !== 'up') throw unavailableError(state);
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  /** True when this call is the one probe of a down database. Throws when it must not run. */
  private admit(): boolean {
    const state = this.health?.state;
    if (state !== undefined && state.kind !== 'up') throw unavailableError(state);
    if (!this.down) return false;
    if (this.now() < this.refuseUntil || this.probing) throw unavailableError();
    this.probing = true;
    return true;
  }
}
