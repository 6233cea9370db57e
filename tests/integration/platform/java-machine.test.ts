/** The machine's own Java (integration tier: the unit tier runs without Java on the PATH). */
import { describe, expect, it } from 'vitest';
import { findJava } from '../../../server/src/embedded/java.js';

describe('Java detection on this machine', () => {
  it('accepts the machine Java', () => {
    expect(findJava(undefined).version).toBeGreaterThanOrEqual(17);
  });
});
