import { describe, expect, it } from 'vitest';
import { graphValue } from '../../../core/vocabulary.js';
import { schemaEnums, VOCABULARY_ENUMS } from '../../../server/src/seed/vocabulary-check.js';

describe('the seed vocabularies equal the GraphQL enums', () => {
  const enums = schemaEnums();
  it.each(VOCABULARY_ENUMS)('$enumName', ({ enumName, words }) => {
    expect(enums.get(enumName)?.values, `enum ${enumName} in server/schema.graphql`).toEqual(new Set(words.map(graphValue)));
  });
  it('detects a word the schema lacks', () => {
    const source = 'enum TieKind { ALLIANCE }';
    expect(schemaEnums(source).get('TieKind')?.values.has(graphValue('rivalry'))).toBe(false);
  });
});
