/** The Neo4j supervisor, with stand-in JVMs: restarts with backoff, the crash loop, stopping. */
import { describe, expect, it } from 'vitest';
import type { SupervisionSettings } from '../../../server/src/config.js';
import { unavailableError } from '../../../server/src/db/availability.js';
import type { JvmExit, ManagedNeo4j } from '../../../server/src/embedded/process.js';
import { StartupError } from '../../../server/src/embedded/startup-error.js';
import { restartDelay, superviseNeo4j } from '../../../server/src/embedded/supervisor.js';

const SETTINGS: SupervisionSettings = { restartDelayMs: 5, restartDelayMaxMs: 20, crashLoopExits: 3, crashLoopWindowMs: 60_000 };

interface FakeJvm extends ManagedNeo4j {
  exit(how: Partial<JvmExit>): void;
  readonly stopped: boolean;
}

let nextPid = 100;
function fakeJvm(): FakeJvm {
  const pid = (nextPid += 1);
  let settle: (exit: JvmExit) => void = () => undefined;
  const exited = new Promise<JvmExit>((resolve) => {
    settle = resolve;
  });
  let stopped = false;
  return {
    uri: 'bolt://127.0.0.1:1',
    pid,
    exited,
    writesClassDataOnStop: false,
    get stopped() {
      return stopped;
    },
    exit: (how) => settle({ pid, code: null, signal: 'SIGKILL', expected: false, tail: [], upMs: 1000, afterStopMs: null, ...how }),
    async stop() {
      stopped = true;
      settle({ pid, code: 0, signal: null, expected: true, tail: [], upMs: 1000, afterStopMs: 0 });
    },
  };
}

/** A start() that hands out fresh stand-ins (or fails as told) and remembers them. */
function starter(failures = new Set<number>()) {
  const jvms: FakeJvm[] = [];
  let calls = 0;
  const start = async (): Promise<ManagedNeo4j> => {
    calls += 1;
    if (failures.has(calls))
      throw new StartupError('Neo4j exited during start-up (exit code 1).', 'ATLAS-ERROR java.io.IOException: disk full', 'NEO4J_EXITED');
    const jvm = fakeJvm();
    jvms.push(jvm);
    return jvm;
  };
  return { start, jvms, calls: () => calls };
}

const until = async (condition: () => boolean, timeoutMs = 2_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

const options = (lines: string[], settings: SupervisionSettings = SETTINGS) => ({
  settings,
  childLogFile: '/data/neo4j/logs/neo4j-child.log',
  childLogHint: 'neo4j/logs/neo4j-child.log in the data folder (ATLAS_DATA_DIR)',
  log: (line: string) => lines.push(line),
});

describe('superviseNeo4j', () => {
  it('logs an unexpected exit with its code and last output, marks the database down, and restarts it', async () => {
    const lines: string[] = [];
    const jvms = starter();
    const supervised = await superviseNeo4j(jvms.start, options(lines));
    const states: string[] = [];
    supervised.health.onChange((state) => states.push(state.kind));
    jvms.jvms[0]!.exit({ code: 137, signal: null, tail: ['WARN something', 'last words'] });
    await until(() => supervised.health.state.kind === 'restarting');
    await until(() => supervised.health.state.kind === 'up');
    expect(states).toEqual(['restarting', 'up']);
    expect(jvms.calls()).toBe(2);
    expect(supervised.current()).toBe(jvms.jvms[1]);
    const text = lines.join('\n');
    expect(text).toMatch(/JVM pid \d+\) exited unexpectedly .*exit code 137/);
    expect(text).toContain('  | last words');
    expect(text).toContain('/data/neo4j/logs/neo4j-child.log');
    expect(text).toMatch(/Restarting Neo4j on the same data in/);
    expect(text).toMatch(/Neo4j is back \(JVM pid \d+\)/);
    await supervised.stop();
    expect(jvms.jvms[1]!.stopped).toBe(true);
  });

  it('stops restarting after crashLoopExits exits in the window, and says why in the error', async () => {
    const lines: string[] = [];
    // The second start fails: failed restarts count too.
    const jvms = starter(new Set([2]));
    const supervised = await superviseNeo4j(jvms.start, options(lines));
    jvms.jvms[0]!.exit({});
    await until(() => jvms.calls() === 3 && supervised.health.state.kind === 'up');
    jvms.jvms[1]!.exit({ code: 1, signal: null });
    await until(() => supervised.health.state.kind === 'failed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(jvms.calls()).toBe(3);
    expect(supervised.current()).toBeNull();
    const state = supervised.health.state;
    const error = unavailableError(state);
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/crash loop/);
    expect(error.message).toContain('neo4j-child.log');
    // No absolute server path in what API callers see.
    expect(error.message).not.toContain('/data/neo4j');
    expect(lines.join('\n')).toMatch(/could not be started again: Neo4j exited during start-up[\s\S]*disk full/);
    expect(lines.join('\n')).toMatch(/exited 3 times within 60 s .*crash loop, so it is not restarted again/);
    await supervised.stop();
  });

  it('restarts a JVM that ran out of heap while serving without counting it towards the crash loop', async () => {
    const lines: string[] = [];
    const jvms = starter();
    const supervised = await superviseNeo4j(jvms.start, options(lines));
    for (let i = 0; i < 5; i += 1) {
      jvms.jvms[i]!.exit({ code: 3, signal: null, tail: ['Terminating due to java.lang.OutOfMemoryError: Java heap space'] });
      await until(() => jvms.calls() === i + 2 && supervised.health.state.kind === 'up');
    }
    expect(lines.join('\n')).toContain('exit code 3, out of heap memory');
    expect(lines.join('\n')).not.toContain('crash loop');
    await supervised.stop();
  });

  it('doubles the delay with each recent exit, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => restartDelay({ ...SETTINGS, restartDelayMs: 1_000, restartDelayMaxMs: 8_000 }, n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it('does not restart a JVM it was asked to stop, nor one whose restart was pending', async () => {
    const jvms = starter();
    const supervised = await superviseNeo4j(jvms.start, options([], { ...SETTINGS, restartDelayMs: 200, restartDelayMaxMs: 200 }));
    jvms.jvms[0]!.exit({});
    await until(() => supervised.health.state.kind === 'restarting');
    await supervised.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jvms.calls()).toBe(1);

    const clean = starter();
    const second = await superviseNeo4j(clean.start, options([]));
    await second.stop();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clean.calls()).toBe(1);
    expect(second.health.state.kind).toBe('up');
  });

  it('abandons a restart under way when it is stopped', async () => {
    let calls = 0;
    let abandoned = false;
    const first = fakeJvm();
    const start = (signal: AbortSignal): Promise<ManagedNeo4j> => {
      calls += 1;
      if (calls === 1) return Promise.resolve(first);
      // A start that takes minutes unless abandoned.
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          abandoned = true;
          reject(new StartupError('Neo4j exited during start-up (exit code signal).'));
        });
      });
    };
    const lines: string[] = [];
    const supervised = await superviseNeo4j(start, options(lines));
    first.exit({});
    await until(() => calls === 2);
    const began = Date.now();
    await supervised.stop();
    expect(Date.now() - began).toBeLessThan(1_000);
    expect(abandoned).toBe(true);
    expect(lines.join('\n')).not.toContain('could not be started again');
  });
});
