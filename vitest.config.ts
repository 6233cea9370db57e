import { configDefaults, defineConfig } from 'vitest/config';
import { CorpusNotice } from './tests/setup/corpus-notice.js';
import { configuredSourcesDir, CORPUS_TESTS } from './tests/setup/corpus.js';

// Checks that read the source corpus exist only when ATLAS_SOURCES_DIR names it: without the
// corpus they are not collected (never skipped, never counted), and CorpusNotice says so.
const corpusExcluded = configuredSourcesDir() === undefined ? CORPUS_TESTS : [];

// Two tiers (projects), so the fast one never waits for a JVM:
// - unit: pure code, no Java, no Neo4j, no browser; files run in parallel (`npm run test:unit`).
// - neo4j: tests/integration and tests/browser, on one real Neo4j for the whole run
//   (tests/setup/global-setup.ts); `npm run test:integration` and `npm run test:browser` pick
//   their folder. `npm test` runs both projects.
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, ...corpusExcluded],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
    reporters: ['default', new CorpusNotice()],
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
          globalSetup: ['tests/setup/global-setup.ts'],
          // These files share that database and some of them reload it, so they run one at a
          // time; the machines have two cores, so parallel files would gain little anyway.
          fileParallelism: false,
        },
      },
    ],
  },
});
