import { describe, expect, it } from 'vitest';
import { familiesDisagree, membershipsByFamily } from '../../../server/src/domain/source-families.js';
import type { SourceFamily } from '../../../core/vocabulary.js';

const FAMILY: Readonly<Record<string, SourceFamily>> = { lankov: 'SOVIET_ARCHIVES_AS_READ', shen: 'CHINESE_ARCHIVES_AS_READ', kcna: 'DPRK_OFFICIAL' };
const familyOf = (sourceId: string): SourceFamily | undefined => FAMILY[sourceId];
const membership = (factionId: string, ...sources: string[]) => ({ factionId, citations: sources.map((sourceId) => ({ sourceId })) });

describe('memberships by source family', () => {
  it('groups memberships under each family citing them, in the vocabulary order', () => {
    const yanan = membership('yanan', 'kcna', 'shen');
    const soviet = membership('soviet', 'lankov');
    const records = membershipsByFamily([yanan, soviet], familyOf);
    expect(records.map((r) => [r.family, r.memberships.map((m) => m.factionId)])).toEqual([
      ['SOVIET_ARCHIVES_AS_READ', ['soviet']],
      ['CHINESE_ARCHIVES_AS_READ', ['yanan']],
      ['DPRK_OFFICIAL', ['yanan']],
    ]);
    expect(familiesDisagree(records)).toBe(true);
  });

  it('agrees when every family names the same factions, and counts no unknown source', () => {
    const records = membershipsByFamily([membership('yanan', 'shen', 'kcna', 'unknown-source')], familyOf);
    expect(records.map((r) => r.family)).toEqual(['CHINESE_ARCHIVES_AS_READ', 'DPRK_OFFICIAL']);
    expect(familiesDisagree(records)).toBe(false);
    expect(membershipsByFamily([], familyOf)).toEqual([]);
    expect(familiesDisagree([])).toBe(false);
  });
});
