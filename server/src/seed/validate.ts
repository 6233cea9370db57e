/**
 * Validates a seed folder: reads every file, checks each one's shape, then checks references
 * across files. Reports every error (sorted by file and line), never just the first.
 */
import type { Dataset } from './dataset.js';
import { sortSeedErrors, type SeedError } from './errors.js';
import { Issues } from './fields.js';
import { parseEvents, parseFactions, parsePerson, parseSources, parseTies } from './parse.js';
import { readSeedDir, type SeedFile } from './read.js';
import { checkReferences } from './references.js';
import { checkTime } from './time-checks.js';
import { checkVocabularies } from './vocabulary-check.js';

export type ValidationResult =
  { readonly ok: true; readonly dataset: Dataset; readonly files: number } | { readonly ok: false; readonly errors: SeedError[]; readonly files: number };

function parseAll(issues: Issues, files: readonly SeedFile[]): Dataset {
  const dataset: Dataset = { sources: [], factions: [], persons: [], events: [], ties: [] };
  for (const file of files) {
    // A file with YAML syntax errors was already reported and holds no data.
    if (file.document.errors.length > 0) continue;
    switch (file.kind) {
      case 'sources':
        dataset.sources.push(...parseSources(issues, file));
        break;
      case 'factions':
        dataset.factions.push(...parseFactions(issues, file));
        break;
      case 'person': {
        const person = parsePerson(issues, file);
        if (person !== null) dataset.persons.push(person);
        break;
      }
      case 'events':
        dataset.events.push(...parseEvents(issues, file));
        break;
      case 'ties':
        dataset.ties.push(...parseTies(issues, file));
        break;
    }
  }
  return dataset;
}

export function validateSeedDir(dir: string): ValidationResult {
  const read = readSeedDir(dir);
  const issues = new Issues();
  const dataset = parseAll(issues, read.files);
  checkReferences(issues, dataset);
  checkTime(issues, dataset);
  checkVocabularies(issues);
  const errors = sortSeedErrors([...read.errors, ...issues.errors]);
  if (errors.length > 0) return { ok: false, errors, files: read.files.length };
  return { ok: true, dataset, files: read.files.length };
}
