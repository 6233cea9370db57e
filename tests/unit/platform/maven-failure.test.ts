/** The reason shown when fetching Neo4j or Graph Data Science from Maven Central fails. */
import { describe, expect, it } from 'vitest';
import { mavenFailureReason } from '../../../server/src/embedded/jars.js';

describe('mavenFailureReason', () => {
  it("keeps Maven's error lines, the last six of them", () => {
    const tail = ['[INFO] Scanning', ...Array.from({ length: 8 }, (_, i) => `[ERROR] Could not resolve artifact ${i}`), '[INFO] BUILD FAILURE'];
    expect(mavenFailureReason(tail).split('\n')).toEqual(Array.from({ length: 6 }, (_, i) => `[ERROR] Could not resolve artifact ${i + 2}`));
  });

  it('falls back to the last six lines when none says what went wrong', () => {
    const tail = Array.from({ length: 9 }, (_, i) => `[INFO] line ${i}`);
    expect(mavenFailureReason(tail)).toBe(tail.slice(-6).join('\n'));
  });
});
