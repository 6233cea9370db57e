import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../client/src/state/dates.js';
import { chartSeries } from '../../../client/src/state/chart-data.js';
import {
  hidesNoFaction,
  NO_FILTERS,
  onlyFaction,
  setMinCertainty,
  toggleEventKind,
  toggleFaction,
  toggleFamily,
  toggleNoFaction,
  toggleSource,
  toggleTieKind,
  type Filters,
} from '../../../client/src/state/filters.js';
import { decode, EMPTY_LINK, encode } from '../../../client/src/state/permalink.js';
import { overviewCount } from '../../../client/src/ui/overview.js';
import { boxOf, computeFrame, prepare } from '../../../client/src/state/frame.js';
import { timeline } from './fixtures/timeline.js';

const frameAt = (iso: string, filters = NO_FILTERS) => computeFrame(prepare(timeline, filters), dayOf(iso));

describe('computeFrame', () => {
  it('places each person in their faction at the date', () => {
    const f = frameAt('1947-06-01');
    expect(f.persons.get('kim-il-sung')?.parent).toBe('guerrilla');
    expect(f.persons.get('choe-chang-ik')?.parent).toBe('yanan');
    expect(f.persons.get('turncoat')?.parent).toBe('yanan');
  });

  it('moves a person whose faction changes', () => {
    expect(frameAt('1948-06-01').persons.get('turncoat')?.parent).toBe('yanan');
    const later = frameAt('1952-06-01').persons.get('turncoat');
    expect(later?.parent).toBe('guerrilla');
    // The later membership is only POSSIBLE, so it is drawn as uncertain.
    expect(later?.membershipCertain).toBe(false);
  });

  it('leaves out people before their first known fact', () => {
    expect(frameAt('1945-06-01').persons.has('turncoat')).toBe(false);
    expect(frameAt('1945-06-01').persons.has('kim-il-sung')).toBe(true);
  });

  it('shows someone with no recorded start from their first attestation, not "always"', () => {
    expect(frameAt('1945-06-01').persons.has('pak-hon-yong')).toBe(false);
    expect(frameAt('1947-06-01').persons.get('pak-hon-yong')).toMatchObject({ parent: 'southern', membershipCertain: true });
  });

  it('says no longer attested, rather than carrying a status on, long after the last fact', () => {
    expect(frameAt('1960-06-01').persons.get('choe-chang-ik')).toMatchObject({ state: 'NOT_ATTESTED', parent: null });
    expect(frameAt('1958-06-01').persons.get('choe-chang-ik')?.statusCertain).toBe(false);
  });

  it('keeps a membership without recorded start inside its span only', () => {
    expect(frameAt('1953-06-01').persons.get('pak-hon-yong')?.former).toBe(true);
  });

  it('derives status from the last change that may have happened', () => {
    expect(frameAt('1952-01-01').persons.get('pak-hon-yong')?.state).toBe('ACTIVE');
    const arrested = frameAt('1954-01-01').persons.get('pak-hon-yong');
    expect(arrested?.state).toBe('ARRESTED');
    expect(arrested?.statusCertain).toBe(true);
    // After the membership ended, the person keeps the old faction, marked former, and is
    // drawn outside every box: a box holds only the members at the date.
    expect(arrested?.former).toBe(true);
    expect(arrested?.parent).toBe('southern');
    expect(arrested === undefined ? 'absent' : boxOf(arrested)).toBeNull();
    expect(boxOf({ parent: 'southern', former: false })).toBe('southern');
  });

  it("marks a status uncertain inside the date's precision window", () => {
    const during = frameAt('1953-03-15').persons.get('pak-hon-yong');
    expect(during?.state).toBe('ARRESTED');
    expect(during?.statusCertain).toBe(false);
  });

  it('marks a status from a possible event uncertain even after its date', () => {
    const p = frameAt('1958-01-01').persons.get('pak-hon-yong');
    expect(p?.group).toBe('dead');
    expect(p?.statusCertain).toBe(false);
  });

  it('shows ties active at the date, with direction', () => {
    const f = frameAt('1952-06-01');
    const denunciation = f.ties.find((t) => t.id === 'tie-kim-denounces-pak');
    expect(denunciation?.directed).toBe(true);
    expect(denunciation?.certain).toBe(true);
    expect(f.ties.find((t) => t.id === 'tie-choe-pak-alliance')?.certain).toBe(false);
    expect(frameAt('1950-06-01').ties.map((t) => t.id)).toEqual(['tie-choe-pak-alliance']);
  });

  it('lets a tie without a recorded end fade out after the last fact about either person', () => {
    // Pak is last attested in December 1955: the alliance may hold for 24 months more, then not.
    expect(frameAt('1957-06-01').ties.find((t) => t.id === 'tie-choe-pak-alliance')?.certain).toBe(false);
    expect(frameAt('1958-06-01').ties.find((t) => t.id === 'tie-choe-pak-alliance')).toBeUndefined();
  });

  describe('filters', () => {
    it("hides a faction's members", () => {
      const f = frameAt('1947-06-01', toggleFaction(NO_FILTERS, 'yanan'));
      expect(f.persons.has('choe-chang-ik')).toBe(false);
      expect(f.persons.has('kim-il-sung')).toBe(true);
    });

    it('hides a tie kind', () => {
      expect(frameAt('1952-06-01', toggleTieKind(NO_FILTERS, 'DENUNCIATION')).ties.map((t) => t.id)).toEqual(['tie-choe-pak-alliance']);
    });

    it('"hide possible facts" drops possible ties, memberships and status changes', () => {
      const f = frameAt('1956-01-01', setMinCertainty(NO_FILTERS, 'PROBABLE'));
      expect(f.ties).toEqual([]);
      expect(f.persons.get('pak-hon-yong')?.state).toBe('ARRESTED');
      expect(f.persons.get('turncoat')?.parent).toBe('yanan');
      expect(f.persons.get('turncoat')?.former).toBe(true);
    });

    it('ignores the status changes of a hidden event kind', () => {
      expect(frameAt('1958-01-01', toggleEventKind(NO_FILTERS, 'ARREST')).persons.get('choe-chang-ik')?.state).toBe('EXPELLED');
    });

    it('keeps only facts citing a chosen source', () => {
      const f = frameAt('1952-06-01', toggleSource(NO_FILTERS, 'shen2008'));
      expect(f.ties.map((t) => t.id)).toEqual(['tie-choe-pak-alliance']);
      // Nobody is shown without a fact from the chosen sources.
      expect(f.persons.has('kim-il-sung')).toBe(false);
    });

    it('keeps only facts cited by a source of a chosen family, as the source filter does', () => {
      const f = frameAt('1952-06-01', toggleFamily(NO_FILTERS, 'CHINESE_ARCHIVES_AS_READ'));
      expect(f.ties.map((t) => t.id)).toEqual(['tie-choe-pak-alliance']);
      expect(f.persons.has('kim-il-sung')).toBe(false);
      // Ticking every family cited is no filter at all.
      const both = toggleFamily(toggleFamily(NO_FILTERS, 'CHINESE_ARCHIVES_AS_READ'), 'SOVIET_ARCHIVES_AS_READ');
      expect([...frameAt('1952-06-01', both).persons.keys()].sort()).toEqual([...frameAt('1952-06-01').persons.keys()].sort());
    });

    it('hides the dead and departed on request', () => {
      const f = frameAt('1958-01-01', { ...NO_FILTERS, hideGone: true });
      // Uncertain deaths stay visible: hiding them would assert what the sources do not.
      expect(f.persons.has('pak-hon-yong')).toBe(true);
    });
  });
});

describe('filters hold for people in no faction', () => {
  // Without memberships, turncoat belongs to no faction at any date.
  const loose = { ...timeline, memberships: timeline.memberships.filter((m) => m.personId !== 'turncoat') };
  const at = (filters: Filters) => computeFrame(prepare(loose, filters), dayOf('1947-06-01'));

  it('shows them while every faction is shown', () => {
    expect(at(NO_FILTERS).persons.get('turncoat')?.parent).toBeNull();
  });

  it('"only the Yan\'an faction" shows only its members', () => {
    const only = onlyFaction(
      NO_FILTERS,
      'yanan',
      loose.factions.map((f) => f.id),
    );
    const frame = at(only);
    expect([...frame.persons.values()].every((p) => p.parent === 'yanan')).toBe(true);
    expect(frame.persons.has('choe-chang-ik')).toBe(true);
    expect(frame.persons.has('turncoat')).toBe(false);
    expect(frame.hidden).toBeGreaterThan(0);
    // Hiding one faction by hand hides the unaffiliated too: the box follows the factions.
    expect(at(toggleFaction(NO_FILTERS, 'guerrilla')).persons.has('turncoat')).toBe(false);
  });

  it('an explicit choice overrides that, and survives "only"', () => {
    const shown = toggleNoFaction(toggleFaction(NO_FILTERS, 'guerrilla'));
    expect(shown.noFaction).toBe('show');
    expect(at(shown).persons.has('turncoat')).toBe(true);
    expect(at(onlyFaction(shown, 'yanan', ['yanan', 'guerrilla', 'southern'])).persons.has('turncoat')).toBe(true);
    const hidden = toggleNoFaction(NO_FILTERS);
    expect(hidesNoFaction(hidden)).toBe(true);
    expect(at(hidden).persons.has('turncoat')).toBe(false);
    expect(at(hidden).persons.has('kim-il-sung')).toBe(true);
  });

  it('the purge bars follow the faction filters', () => {
    const all = chartSeries(timeline, prepare(timeline, NO_FILTERS));
    const noSouthern = chartSeries(timeline, prepare(timeline, toggleFaction(NO_FILTERS, 'southern')));
    const y1953 = all.years.indexOf(1953);
    expect(all.purges[y1953]).toBe(1);
    // Pak Hon-yong's 1953 arrest is a southern member's fall.
    expect(noSouthern.purges[y1953]).toBe(0);
    expect(noSouthern.purges[all.years.indexOf(1956)]).toBe(all.purges[all.years.indexOf(1956)]);
    // An event kind filtered out takes its falls off the bars too.
    expect(chartSeries(timeline, prepare(timeline, toggleEventKind(NO_FILTERS, 'ARREST'))).purges[y1953]).toBe(0);
  });

  it('the overview count says how many the filters hide', () => {
    expect(
      overviewCount(
        at(
          onlyFaction(
            NO_FILTERS,
            'yanan',
            loose.factions.map((f) => f.id),
          ),
        ),
      ),
    ).toMatch(/more (people are|person is) hidden by the filters/);
    expect(overviewCount(at(NO_FILTERS))).not.toContain('hidden by the filters');
  });

  it('the source families survive a permalink; an unknown family in a hand-edited link is dropped', () => {
    const link = { ...EMPTY_LINK, filters: toggleFamily(NO_FILTERS, 'DPRK_OFFICIAL') };
    expect(encode(link)).toBe('?fam=DPRK_OFFICIAL');
    expect(decode(encode(link)).filters.families).toEqual(['DPRK_OFFICIAL']);
    expect(decode('?fam=RUMOUR,JOURNALISM').filters.families).toEqual(['JOURNALISM']);
  });

  it('the no-faction choice survives a permalink', () => {
    for (const noFaction of ['show', 'hide', 'follow'] as const) {
      const link = { ...EMPTY_LINK, filters: { ...NO_FILTERS, noFaction } };
      expect(decode(encode(link)).filters.noFaction).toBe(noFaction);
    }
  });
});
