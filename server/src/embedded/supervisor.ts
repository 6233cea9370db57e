/**
 * Keeps the managed Neo4j running. When its JVM exits without being asked to (a crash, a kill,
 * a heap exhausted by a query), the app's log gets the exit code and the JVM's last words, the
 * database is marked down (callers get DATABASE_UNAVAILABLE, retryable, at once: db/availability.ts),
 * and Neo4j is started again on the same data and port after a delay that doubles with each
 * recent exit. The driver reconnects by itself once Bolt answers again.
 *
 * A crash loop ends the restarts: crashLoopExits exits within crashLoopWindowMs. Then every call
 * gets DATABASE_UNAVAILABLE, not retryable, with a message that says why and where the output is.
 * A JVM that ran out of heap after it had become ready is restarted but does not count towards
 * the crash loop: a query can cause that, and a few such queries must not stop the service for
 * good. Failed restarts and every other exit count.
 */
import type { SupervisionSettings } from '../config.js';
import { DatabaseHealth } from '../db/availability.js';
import type { JvmExit, ManagedNeo4j } from './process.js';
import { StartupError } from './startup-error.js';

export interface SupervisorOptions {
  readonly settings: SupervisionSettings;
  /** Absolute path of the JVM's output log, for the app's own log. */
  readonly childLogFile: string;
  /** The same file as API callers are told about it (no absolute server paths in public errors). */
  readonly childLogHint: string;
  readonly log: (line: string) => void;
}

export interface SupervisedNeo4j {
  /** Hand this to Database.connect, so calls know at once what the supervisor knows. */
  readonly health: DatabaseHealth;
  /** The JVM running now; null while restarting, after a crash loop, or once stopped. */
  current(): ManagedNeo4j | null;
  /** Stops restarting (a start under way is abandoned), then stops the JVM. */
  readonly stop: () => Promise<void>;
}

export const RESTARTING_MESSAGE = 'The database stopped unexpectedly and is being restarted; retry shortly';

/** -XX:+ExitOnOutOfMemoryError ends the JVM with exit code 3 after saying why. */
export function ranOutOfHeap(exit: JvmExit): boolean {
  return exit.code === 3 && exit.tail.some((line) => line.includes('OutOfMemoryError'));
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

function howItEnded(exit: JvmExit): string {
  const how = exit.code === null ? `killed by ${exit.signal ?? 'a signal'} (no exit code)` : `exit code ${exit.code}`;
  return ranOutOfHeap(exit) ? `${how}, out of heap memory` : how;
}

/** The delay before restart number `recentExits` (1 for the first exit in the window). */
export function restartDelay(settings: SupervisionSettings, recentExits: number): number {
  return Math.min(settings.restartDelayMs * 2 ** Math.max(0, recentExits - 1), settings.restartDelayMaxMs);
}

/** `start` runs one start of Neo4j; the supervisor aborts `signal` when it is stopped during a restart. */
export async function superviseNeo4j(start: (signal: AbortSignal) => Promise<ManagedNeo4j>, options: SupervisorOptions): Promise<SupervisedNeo4j> {
  const { settings, log } = options;
  const health = new DatabaseHealth();
  const stopping = new AbortController();
  let current: ManagedNeo4j | null = await start(stopping.signal);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  let downSince = 0;
  /** Unexpected exits and failed restarts within the crash-loop window; `counts` towards the loop. */
  const exits: { at: number; counts: boolean }[] = [];

  const giveUp = (counted: number): void => {
    const window = seconds(settings.crashLoopWindowMs);
    health.set({
      kind: 'failed',
      reason: `The database is down: Neo4j exited ${counted} times within ${window} (a crash loop), so it is no longer restarted. Its output is in ${options.childLogHint}; fix the cause, then restart Faction Atlas.`,
    });
    log(
      `Neo4j exited ${counted} times within ${window} (ATLAS_NEO4J_CRASH_LOOP_EXITS=${settings.crashLoopExits}, ATLAS_NEO4J_CRASH_LOOP_WINDOW_SECONDS=${settings.crashLoopWindowMs / 1000}): a crash loop, so it is not restarted again. ` +
        `Requests get DATABASE_UNAVAILABLE (not retryable) until Faction Atlas is restarted. Neo4j's output: ${options.childLogFile}`,
    );
  };

  const onDown = (what: string, lines: readonly string[], counts: boolean): void => {
    const at = Date.now();
    if (health.state.kind === 'up') downSince = at;
    exits.push({ at, counts });
    while (exits.length > 0 && exits[0]!.at <= at - settings.crashLoopWindowMs) exits.shift();
    log(
      [
        `${what}. ${lines.length > 0 ? `Its last output (all of it in ${options.childLogFile}):` : `It printed nothing more (see ${options.childLogFile}).`}`,
        ...lines.map((line) => `  | ${line}`),
      ].join('\n'),
    );
    const counted = exits.filter((exit) => exit.counts).length;
    if (counted >= settings.crashLoopExits) {
      giveUp(counted);
      return;
    }
    const delay = restartDelay(settings, exits.length);
    health.set({ kind: 'restarting', reason: RESTARTING_MESSAGE });
    log(
      `Restarting Neo4j on the same data in ${seconds(delay)}; requests get DATABASE_UNAVAILABLE (retryable) meanwhile. ` +
        `Crash-loop count: ${counted} of ${settings.crashLoopExits} exits within ${seconds(settings.crashLoopWindowMs)}${counts ? '' : ' (running out of heap while serving is not counted)'}.`,
    );
    timer = setTimeout(() => {
      timer = undefined;
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    }, delay);
  };

  const watch = (jvm: ManagedNeo4j): void => {
    void jvm.exited.then((exit) => {
      if (stopped || exit.expected || current !== jvm) return;
      current = null;
      onDown(`Neo4j (JVM pid ${exit.pid}) exited unexpectedly after running ${seconds(exit.upMs)}: ${howItEnded(exit)}`, exit.tail, !ranOutOfHeap(exit));
    });
  };

  const restart = async (): Promise<void> => {
    let jvm: ManagedNeo4j;
    try {
      jvm = await start(stopping.signal);
    } catch (error) {
      if (stopped) return;
      const detail = error instanceof StartupError && error.detail !== undefined ? error.detail.split('\n').slice(-12) : [];
      onDown(`Neo4j could not be started again: ${error instanceof Error ? error.message : String(error)}`, detail, true);
      return;
    }
    if (stopped) {
      await jvm.stop();
      return;
    }
    current = jvm;
    health.set({ kind: 'up' });
    log(`Neo4j is back (JVM pid ${jvm.pid}), ${seconds(Date.now() - downSince)} after it went down; requests are served again.`);
    watch(jvm);
  };

  watch(current);
  return {
    health,
    current: () => current,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      stopping.abort();
      await restarting;
      await current?.stop();
      current = null;
    },
  };
}
