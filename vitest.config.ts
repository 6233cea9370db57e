import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j for the whole run (see tests/setup/global-setup.ts).
    globalSetup: ['tests/setup/global-setup.ts'],
    // Integration tests share that database and some of them reload it, so files run one at a
    // time; the machines have two cores, so parallel files would gain little anyway.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
    reporters: ['default'],
  },
});
