/** The availability gate: refuse at once while Neo4j is known down, probe one call at a time. */
import { describe, expect, it } from 'vitest';
import { AvailabilityGate, DatabaseHealth } from '../../../server/src/db/availability.js';
import { AtlasError, ErrorCode } from '../../../server/src/errors.js';

const unavailable = (): Promise<never> => Promise.reject(new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, 'down', { retryable: true }));
const code = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof AtlasError ? error.code : error),
  );

describe('AvailabilityGate', () => {
  it('refuses without calling during the cool-down after an unavailable error, then lets one probe through', async () => {
    let now = 0;
    const gate = new AvailabilityGate(1_000, () => now);
    let calls = 0;
    const counted = (): Promise<string> => {
      calls += 1;
      return Promise.resolve('rows');
    };
    expect(await code(gate.run(unavailable))).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    now = 999;
    expect(await code(gate.run(counted))).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect(calls).toBe(0);
    now = 1_000;
    let release: (value: string) => void = () => undefined;
    const probe = gate.run(
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    );
    // While the probe is out, others are refused rather than piling onto a dead server.
    expect(await code(gate.run(counted))).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    release('rows');
    expect(await probe).toBe('rows');
    expect(await gate.run(counted)).toBe('rows');
    expect(calls).toBe(1);
  });

  it('a failed probe starts a new cool-down', async () => {
    let now = 0;
    const gate = new AvailabilityGate(1_000, () => now);
    await code(gate.run(unavailable));
    now = 1_500;
    expect(await code(gate.run(unavailable))).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    now = 2_000;
    expect(await code(gate.run(() => Promise.resolve('never called')))).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    now = 2_500;
    expect(await gate.run(() => Promise.resolve('back'))).toBe('back');
  });

  it('other errors do not close the gate', async () => {
    const gate = new AvailabilityGate(1_000, () => 0);
    const rejected = new AtlasError(ErrorCode.QUERY_TIMEOUT, 'slow');
    await expect(gate.run(() => Promise.reject(rejected))).rejects.toBe(rejected);
    expect(await gate.run(() => Promise.resolve('fine'))).toBe('fine');
  });
});

describe('AvailabilityGate with a supervised Neo4j', () => {
  it("refuses at once with the supervisor's reason while it restarts or gave up, and opens the moment Neo4j is back", async () => {
    const health = new DatabaseHealth();
    const gate = new AvailabilityGate(60_000, () => 0, health);
    let calls = 0;
    const counted = (): Promise<string> => {
      calls += 1;
      return Promise.resolve('rows');
    };
    await code(gate.run(unavailable));
    health.set({ kind: 'restarting', reason: 'restarting now' });
    const restarting = await gate.run(counted).catch((error: unknown) => error);
    expect(restarting).toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true, message: 'restarting now' });
    health.set({ kind: 'failed', reason: 'crash loop; see the log' });
    const failed = await gate.run(counted).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE, retryable: false, message: 'crash loop; see the log' });
    expect(calls).toBe(0);
    // Back: no waiting for the 60 s cool-down of the failure before.
    health.set({ kind: 'up' });
    expect(await gate.run(counted)).toBe('rows');
  });

  it("gives a call that met the dying JVM the supervisor's word", async () => {
    const health = new DatabaseHealth();
    const gate = new AvailabilityGate(1_000, () => 0, health);
    const dying = (): Promise<never> => {
      health.set({ kind: 'failed', reason: 'given up' });
      return unavailable();
    };
    expect(await gate.run(dying).catch((error: unknown) => error)).toMatchObject({ retryable: false, message: 'given up' });
  });
});
