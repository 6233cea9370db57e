/** The availability gate: refuse at once while Neo4j is known down, probe one call at a time. */
import { describe, expect, it } from 'vitest';
import { AvailabilityGate } from '../../../server/src/db/availability.js';
import { AtlasError, ErrorCode } from '../../../server/src/errors.js';

const unavailable = (): Promise<never> => Promise.reject(new AtlasError(ErrorCode.DATABASE_UNAVAILABLE, 'down', { retryable: true }));
const code = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'OK', (error: unknown) => (error instanceof AtlasError ? error.code : error));

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
    const probe = gate.run(() => new Promise<string>((resolve) => { release = resolve; }));
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
