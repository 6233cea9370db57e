/**
 * The seed's vocabularies (core/vocabulary.ts) against the GraphQL enums they become: a seed word
 * the API cannot express would load, then fail every query that returns it. Checked on every
 * validation, so `npm run seed -- --check` names the word and where the enum is declared.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CERTAINTIES, EVENT_KINDS, graphValue, LINK_TYPES, ROLES, SOURCE_FAMILIES, STATUS_KINDS, TIE_KINDS } from '../../../core/vocabulary.js';
import type { Issues } from './fields.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/** Each seed vocabulary and the GraphQL enum that exposes it. */
export const VOCABULARY_ENUMS: readonly { readonly enumName: string; readonly seedField: string; readonly words: readonly string[] }[] = [
  { enumName: 'EventKind', seedField: 'kind (events)', words: EVENT_KINDS },
  { enumName: 'ParticipantRole', seedField: 'role (participants)', words: ROLES },
  { enumName: 'TieKind', seedField: 'kind (ties)', words: TIE_KINDS },
  { enumName: 'EventLinkType', seedField: 'type (event links)', words: LINK_TYPES },
  { enumName: 'Certainty', seedField: 'certainty', words: CERTAINTIES },
  { enumName: 'StatusKind', seedField: '(derived statuses)', words: STATUS_KINDS },
  { enumName: 'SourceFamily', seedField: 'family (sources)', words: SOURCE_FAMILIES },
];

/**
 * The values of every enum in the schema, with the line each enum is declared on. Read from the
 * SDL text with a small scan rather than graphql-js: the seed CLI should not load the GraphQL
 * runtime, and in the test runner a second copy of it would clash with the server's.
 */
export function schemaEnums(source = readFileSync(SCHEMA_FILE, 'utf8')): Map<string, { values: Set<string>; line: number }> {
  const enums = new Map<string, { values: Set<string>; line: number }>();
  // Descriptions ("..." and """...""") may hold any word; blank them, keeping line breaks.
  const text = source.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
  for (const match of text.matchAll(/\benum\s+(\w+)[^{]*\{([^}]*)\}/g)) {
    const line = text.slice(0, match.index).split('\n').length;
    const values = (match[2] ?? '').split(/\s+/).filter((word) => /^[_A-Za-z]\w*$/.test(word));
    enums.set(match[1] ?? '', { values: new Set(values), line });
  }
  return enums;
}

export function checkVocabularies(issues: Issues): void {
  const enums = schemaEnums();
  for (const { enumName, seedField, words } of VOCABULARY_ENUMS) {
    const declared = enums.get(enumName);
    for (const word of words) {
      if (declared?.values.has(graphValue(word)) === true) continue;
      issues.errors.push({
        file: SCHEMA_FILE,
        line: declared?.line ?? 0,
        field: enumName,
        message: `the seed word "${word}" (${seedField}) has no value ${graphValue(word)} in the GraphQL enum ${enumName}: add it to the schema or remove it from core/vocabulary.ts`,
      });
    }
  }
}
