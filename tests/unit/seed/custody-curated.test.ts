/**
 * The custody rule (core/attestation.ts heldFrom) on the curated seed, where a historian would
 * look: Pak Il-u, held in 1956 and not freed after the September plenum, and Pak Hon-yong,
 * tried and sentenced in 1955, then denounced at the party's meetings of 1956.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DerivedInterval } from '../../../core/attestation.js';
import { spanActivity } from '../../../core/span.js';
import { deriveTime } from '../../../server/src/seed/derive.js';
import { validateSeedDir } from '../../../server/src/seed/validate.js';
import { at } from '../core/support.js';

const result = validateSeedDir(path.resolve(import.meta.dirname, '../../../seed'));
if (!result.ok) throw new Error('the curated seed must be valid');
const dataset = result.dataset;
const time = deriveTime(dataset);
const tie = (id: string): DerivedInterval => {
  const record = dataset.ties.find((t) => t.id === id);
  if (record === undefined) throw new Error(`no tie ${id}`);
  return time.ties.get(record)!;
};

describe('custody on the curated data', () => {
  it("Pak Il-u's old ties are over before his 1956 detention: the debate about his release carries none of them", () => {
    for (const id of [
      'tie-kim-il-sung-pak-il-u-association',
      'tie-pak-il-u-peng-dehuai-association',
      'tie-zhu-li-zhi-pak-il-u-association',
      'tie-pak-hyo-sam-pak-il-u-comrades',
    ]) {
      const t = tie(id);
      expect(spanActivity(t.span, at('1956-08-30')), id).toBe('NO');
      expect(t.end.fact?.id, id).not.toMatch(/^1956/);
    }
  });
  it('the ties sources record for 1956 about the prisoner stay as recorded', () => {
    for (const id of ['tie-kim-tu-bong-protects-pak-il-u', 'tie-choe-yong-gon-against-pak-il-u']) {
      expect(tie(id).end.basis).toBe('RECORDED');
      expect(spanActivity(tie(id).span, at('1956-08-30'))).toBe('POSSIBLE');
    }
  });
  it('Ri Sung-yop, known only from his 1953 trial, is a member of the southern faction when he is tried, and not after', () => {
    const [membership] = [...time.memberships.entries()]
      .filter(([m]) => dataset.persons.find((p) => p.id === 'ri-sung-yop')?.memberships.includes(m))
      .map(([, d]) => d);
    expect(membership?.end).toMatchObject({ basis: 'CUSTODY' });
    expect(spanActivity(membership!.span, at('1953-08'))).toBe('POSSIBLE');
    expect(spanActivity(membership!.span, at('1954-06'))).toBe('NO');
  });
  it("Pak Hon-yong's open ties end at his 1955 trial, not faded out to 1958 by the 1956 denunciations", () => {
    const alliance = tie('tie-kim-il-sung-pak-hon-yong-alliance');
    expect(alliance.end).toMatchObject({ basis: 'CUSTODY', fact: { id: '1955-pak-hon-yong-trial' } });
    expect(alliance.span.possible?.latest).toBe('1955-12-31');
    expect(spanActivity(alliance.span, at('1956-03'))).toBe('NO');
  });
});
