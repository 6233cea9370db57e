import { describe, expect, it } from 'vitest';
import { endText } from '../../../client/src/ui/bounds.js';
import type { BoundView, Moment } from '../../../client/src/timeline-types.js';

const year1955: Moment = { iso: '1955', precision: 'YEAR', approximate: false, earliest: 0, latest: 364 };
const ended = (basis: BoundView['basis'], label: string): BoundView => ({ basis, fact: { kind: 'EVENT', id: 'e', label, date: year1955 } });

describe('the words for an inferred end', () => {
  it('names the custody and the event it was inferred from', () => {
    expect(endText(ended('CUSTODY', 'Trial of Pak Hon-yong before the Supreme Court'), null)).toBe(
      'until taken into custody, “Trial of Pak Hon-yong before the Supreme Court” (1955) (inferred)',
    );
  });
  it('says a fade-out is inferred from the last attestation', () => {
    expect(endText(ended('LAST_ATTESTATION', 'Pak Il-u removed from his post'), null)).toBe(
      'undated end; last attested 1955 by “Pak Il-u removed from his post” (1955), then fades out (inferred)',
    );
  });
});
