/**
 * Says at the end of a run, after the summary, that the corpus checks were left out because
 * ATLAS_SOURCES_DIR is unset: a run without them must not read as if they had passed.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { configuredSourcesDir, CORPUS_NOT_RUN } from './corpus.js';

export class CorpusNotice implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    if (configuredSourcesDir() !== undefined) return;
    // Only runs that would have held them: unit tests, or a filter that matched no file at all
    // (for instance a corpus test named on the command line).
    const relevant = testModules.length === 0 || testModules.some((module) => module.moduleId.includes('/tests/unit/'));
    if (relevant) process.stdout.write(`\n ${CORPUS_NOT_RUN}\n\n`);
  }
}
