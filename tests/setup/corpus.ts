/**
 * The source corpus (the texts the seed is built from) is not part of the project: it sits in
 * shared/sources beside a clone, and a clone alone does not have it. The checks that read it
 * (no copied text, shen2008 locators) therefore take its folder from ATLAS_SOURCES_DIR, and are
 * only collected when that variable is set (see vitest.config.ts and corpus-notice.ts), so a
 * fresh clone passes without counting them as passed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SOURCES_VARIABLE = 'ATLAS_SOURCES_DIR';

/** The test files that need the corpus, relative to the repository root. */
export const CORPUS_TESTS: readonly string[] = ['tests/unit/data/no-copied-text.test.ts', 'tests/unit/data/locators.test.ts'];

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The folder named by ATLAS_SOURCES_DIR (a relative path counts from the repository root), or undefined when unset. */
export function configuredSourcesDir(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const value = env[SOURCES_VARIABLE]?.trim();
  return value === undefined || value === '' ? undefined : path.resolve(ROOT, value);
}

/** Why the named folder cannot serve as the corpus, or undefined when it holds source texts. */
export function sourcesDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return `${SOURCES_VARIABLE} names ${dir}, which does not exist.`;
  if (!readdirSync(dir).some((name) => name.endsWith('.txt'))) return `${SOURCES_VARIABLE} names ${dir}, which holds no .txt source texts.`;
  return undefined;
}

export const CORPUS_NOT_RUN =
  `Corpus checks NOT run (${CORPUS_TESTS.join(', ')}): ${SOURCES_VARIABLE} is not set, so they are not among the tests counted above. ` +
  `Set ${SOURCES_VARIABLE} to the folder of the source texts (CI sets ../shared/sources) to run them.`;
