/** The chain and the panels follow the filter's source families (pure state, no browser). */
import { describe, expect, it } from 'vitest';
import { answersChain, chainForFamilies, chainLoaded, chainLoading, type ChainPath } from '../../../client/src/state/chain.js';
import { familiesChanged, familiesKey, NO_FILTERS, panelKey, toggleFamily } from '../../../client/src/state/filters.js';
import { chainFollowsFamilies, initialState } from '../../../client/src/state/store.js';
import { initialTime } from '../../../client/src/state/time.js';
import { dayOf } from '../../../client/src/state/dates.js';
import { m } from './fixtures/timeline.js';

const path: ChainPath = {
  rank: 1,
  score: 1,
  personIds: ['a', 'b'],
  from: m('1956-08-30'),
  to: m('1957-01-01'),
  weakestCertainty: 'CERTAIN',
  holdsWithCertainOnly: true,
  steps: [
    {
      kind: 'ACCUSATION',
      from: { personId: 'a', personName: 'A', eventId: 'e1', eventTitle: 'E1', role: 'ACCUSER' },
      to: { personId: 'b', personName: 'B', eventId: 'e1', eventTitle: 'E1', role: 'TARGET' },
      linkType: null,
      tieId: null,
      date: m('1956-08-30'),
      certainty: 'CERTAIN',
      citations: [],
    },
  ],
};

describe('source-family keys', () => {
  it('are the same for any order or repeat, and differ for other families', () => {
    expect(familiesKey(['JOURNALISM', 'DPRK_OFFICIAL'])).toBe(familiesKey(['DPRK_OFFICIAL', 'JOURNALISM', 'JOURNALISM']));
    expect(familiesKey([])).toBe('');
    expect(familiesChanged(['DPRK_OFFICIAL', 'JOURNALISM'], ['JOURNALISM', 'DPRK_OFFICIAL'])).toBe(false);
    expect(familiesChanged([], ['JOURNALISM'])).toBe(true);
  });

  it('key a panel by the person or event and the families it was fetched for', () => {
    expect(panelKey('kang-kon', [])).not.toBe(panelKey('kang-kon', ['WESTERN_SCHOLARSHIP']));
    expect(panelKey('kang-kon', ['A', 'B'])).toBe(panelKey('kang-kon', ['B', 'A']));
    expect(panelKey('kang-kon', [])).not.toBe(panelKey('ho-ka-i', []));
  });
});

describe('the chain under a family filter', () => {
  it('keeps its state while the families stay, and loads again from the start when they change', () => {
    const ready = chainLoaded(chainLoading('a', 0, 1, false, ['WESTERN_SCHOLARSHIP']), [path]);
    expect(chainForFamilies(ready, ['WESTERN_SCHOLARSHIP'])).toBe(ready);
    const again = chainForFamilies(ready, ['WESTERN_SCHOLARSHIP', 'DPRK_OFFICIAL']);
    expect(again).toMatchObject({ personId: 'a', status: 'loading', paths: [], pathIndex: 0, step: 0, families: ['WESTERN_SCHOLARSHIP', 'DPRK_OFFICIAL'] });
    expect(chainForFamilies(ready, [])).toMatchObject({ status: 'loading', families: [] });
  });

  it('keeps the certain-only choice across a change of families', () => {
    const ready = chainLoaded(chainLoading('a', 0, 0, true, []), [path]);
    expect(chainForFamilies(ready, ['JOURNALISM']).certainOnly).toBe(true);
  });

  it('takes an answer only for the person and families it now asks for', () => {
    const loading = chainLoading('a', 0, 0, false, ['JOURNALISM']);
    expect(answersChain(loading, 'a', ['JOURNALISM'])).toBe(true);
    expect(answersChain(loading, 'a', [])).toBe(false);
    expect(answersChain(loading, 'b', ['JOURNALISM'])).toBe(false);
    expect(answersChain(null, 'a', [])).toBe(false);
  });

  it('follows a filter change in the app state, and leaves a state without a chain alone', () => {
    const base = initialState(initialTime(dayOf('1945-01-01'), dayOf('1970-12-31'), dayOf('1956-08-30')));
    expect(chainFollowsFamilies(base)).toBe(base);
    const withChain = { ...base, chain: chainLoaded(chainLoading('a', 0, 1), [path]) };
    expect(chainFollowsFamilies(withChain)).toBe(withChain);
    const filtered = { ...withChain, filters: toggleFamily(NO_FILTERS, 'SOVIET_ARCHIVES_AS_READ') };
    const followed = chainFollowsFamilies(filtered);
    expect(followed.chain).toMatchObject({ status: 'loading', families: ['SOVIET_ARCHIVES_AS_READ'], step: 0 });
    expect(followed.filters).toBe(filtered.filters);
  });
});
