import { configDefaults, defineConfig } from 'vitest/config';
import { CorpusNotice } from './tests/setup/corpus-notice.js';
import { configuredSourcesDir, CORPUS_TESTS } from './tests/setup/corpus.js';

// Checks that read the source corpus exist only when ATLAS_SOURCES_DIR names it: without the
// corpus they are not collected (never skipped, never counted), and CorpusNotice says so.
const corpusExcluded = configuredSourcesDir() === undefined ? CORPUS_TESTS : [];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...corpusExcluded],
    // One real Neo4j for the whole run (see tests/setup/global-setup.ts).
    globalSetup: ['tests/setup/global-setup.ts'],
    // Integration tests share that database and some of them reload it, so files run one at a
    // time; the machines have two cores, so parallel files would gain little anyway.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
    reporters: ['default', new CorpusNotice()],
  },
});
