import { configDefaults, defineConfig } from 'vitest/config';
import { CorpusNotice } from './tests/setup/corpus-notice.js';
import { configuredSourcesDir, CORPUS_TESTS } from './tests/setup/corpus.js';
import { startingWith } from './tests/setup/sequencer.js';

// Checks that read the source corpus exist only when ATLAS_SOURCES_DIR names it: without the
// corpus they are not collected (never skipped, never counted), and CorpusNotice says so.
const corpusExcluded = configuredSourcesDir() === undefined ? CORPUS_TESTS : [];

/**
 * Integration files that start a Neo4j of their own (kill it, restart it, load it with other data),
 * or other JVMs (class-data-recording), and never touch the suite's shared one: they need no
 * global set-up, and `npm test` (scripts/test-all.ts) runs them after the shared-database files,
 * two at a time.
 */
const OWN_NEO4J_TESTS: readonly string[] = [
  // Longest first (a quiet fresh clone's file times, 2026-12-07: 80, 73, 63, 59, 43, 36, 30 and
  // 3 s): they run two at a time in this order (tests/setup/sequencer.ts).
  'tests/integration/resilience/crash-restart.test.ts',
  'tests/integration/platform/lifecycle.test.ts',
  'tests/integration/resilience/supervision.test.ts',
  'tests/integration/resilience/outage.test.ts',
  'tests/integration/resilience/interrupted-seed.test.ts',
  'tests/integration/seed/synthetic-load.test.ts',
  'tests/integration/platform/no-gds.test.ts',
  'tests/integration/platform/class-data-recording.test.ts',
];

// Three projects, so the fast tier never waits for a JVM:
// - unit: pure code, no Java, no Neo4j, no browser; files run in parallel (`npm run test:unit`).
// - neo4j: tests/integration and tests/browser on one real Neo4j for the whole run
//   (tests/setup/global-setup.ts).
// - own-neo4j: the integration files that start their own Neo4j (OWN_NEO4J_TESTS).
// `npm run test:integration` runs both integration projects, `npm run test:browser` the browser
// files; `npm test` runs every project, each in a vitest process of its own, side by side.
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, ...corpusExcluded],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
    reporters: ['default', new CorpusNotice()],
    sequence: { sequencer: startingWith(OWN_NEO4J_TESTS) },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...corpusExcluded, ...OWN_NEO4J_TESTS],
          globalSetup: ['tests/setup/global-setup.ts'],
          // These files share that database and some of them reload it, so they run one at a
          // time; the machines have two cores, so parallel files would gain little anyway.
          fileParallelism: false,
          // One worker's module cache for all of them: each file importing the server, the client
          // and vitest afresh took 36 s of this tier's 563 s in a quiet fresh clone. The files
          // share no mutable module state (each starts its own app; caches are keyed by content).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'own-neo4j',
          include: [...OWN_NEO4J_TESTS],
          // Two files at a time (issue 13). Each starts JVMs of its own, but between starts it
          // mostly waits (on a restart, a crash, a load, a sleep of its own), and its limits allow
          // for a loaded machine; two at a time took 432 s against 643 s one at a time (load 5-9, BENCHMARKS.md).
          maxWorkers: 2,
        },
      },
    ],
  },
});
