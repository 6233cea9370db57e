import { describe, expect, it } from 'vitest';
import { atEnd, chainFailed, chainLoaded, chainLoading, highlight, selectPath, stepChain, type ChainPath } from '../../../client/src/state/chain.js';
import { chartSeries } from '../../../client/src/state/chart-data.js';
import { compareFrame, compareFrames } from '../../../client/src/state/compare.js';
import { dayOf, isoOf } from '../../../client/src/state/dates.js';
import { bibliography, bibliographyText, subgraphGraphml, subgraphJson, visibleFacts } from '../../../client/src/state/visible-subgraph.js';
import { isDefault, NO_FILTERS, setHideGone, setMinCertainty, toggleFaction, toggleSource } from '../../../client/src/state/filters.js';
import { computeFrame, prepare } from '../../../client/src/state/frame.js';
import { spanBar, statusLane } from '../../../client/src/state/lane.js';
import { factionColours, OKABE_ITO } from '../../../client/src/state/palette.js';
import { decode, EMPTY_LINK, encode } from '../../../client/src/state/permalink.js';
import { NO_SELECTION, select, setMode } from '../../../client/src/state/selection.js';
import { cite, m, timeline } from './fixtures/timeline.js';

const frameAt = (iso: string) => computeFrame(prepare(timeline, NO_FILTERS), dayOf(iso));

describe('filters', () => {
  it('toggle on and off and know the default', () => {
    expect(isDefault(NO_FILTERS)).toBe(true);
    const f = toggleFaction(NO_FILTERS, 'yanan');
    expect(f.hiddenFactions).toEqual(['yanan']);
    expect(toggleFaction(f, 'yanan').hiddenFactions).toEqual([]);
    expect(isDefault(setMinCertainty(NO_FILTERS, 'PROBABLE'))).toBe(false);
    expect(isDefault(setHideGone(NO_FILTERS, true))).toBe(false);
  });
});

describe('selection', () => {
  it('needs a person for chain mode and leaves it when the person is dropped', () => {
    expect(setMode(NO_SELECTION, 'chain')).toBe(NO_SELECTION);
    const chain = setMode(select(NO_SELECTION, 'pak-hon-yong'), 'chain');
    expect(chain.mode).toBe('chain');
    expect(select(chain, null)).toEqual({ personId: null, eventId: null, mode: 'network' });
    expect(select(setMode(NO_SELECTION, 'compare'), null).mode).toBe('compare');
  });
});

describe('compare', () => {
  it('tells who fell from who fell silent, who joined, rose, moved and vanished', () => {
    const c = compareFrames(frameAt('1947-06-01'), frameAt('1957-06-01'));
    expect(c.fell).toEqual(expect.arrayContaining(['choe-chang-ik', 'pak-hon-yong']));
    expect(c.moved).toEqual(['turncoat']);
    expect(c.marks.get('kim-il-sung')).toBe('same');
    // Kim is last attested in 1960: by mid-1963 the sources are silent, which is not a fall...
    const silent = compareFrames(frameAt('1950-06-01'), frameAt('1963-06-01'));
    expect(silent.unattested).toContain('kim-il-sung');
    // ...but Choe, silent by then too, was last known arrested: that is a fall.
    expect(silent.fell).toContain('choe-chang-ik');
    expect(compareFrames(frameAt('1945-06-01'), frameAt('1947-06-01')).joined).toContain('turncoat');
    const hidden = computeFrame(prepare(timeline, toggleFaction(NO_FILTERS, 'guerrilla')), dayOf('1957-06-01'));
    const v = compareFrames(frameAt('1947-06-01'), hidden);
    expect(v.vanished).toContain('kim-il-sung');
    expect(compareFrame(frameAt('1947-06-01'), hidden).persons.has('kim-il-sung')).toBe(true);
  });

  it('runs forward in time whichever date comes first: a purge read backwards is no rehabilitation', () => {
    const early = frameAt('1947-06-01');
    const late = frameAt('1957-06-01');
    const backwards = compareFrames(late, early);
    expect(backwards.rose).toEqual([]);
    expect(backwards.fell).toEqual(compareFrames(early, late).fell);
    expect(backwards.joined).toEqual(compareFrames(early, late).joined);
    // The slider before the second date: only the slider's people are drawn, none from later.
    const drawn = compareFrame(late, frameAt('1945-06-01'));
    expect([...drawn.persons.keys()].sort()).toEqual([...frameAt('1945-06-01').persons.keys()].sort());
  });
});

const path: ChainPath = {
  rank: 1,
  score: 0.8,
  from: m('1953-03'),
  to: m('1956-08-30'),
  personIds: ['pak-hon-yong', 'choe-chang-ik'],
  weakestCertainty: 'POSSIBLE',
  holdsWithCertainOnly: false,
  steps: [
    {
      kind: 'ASSOCIATION',
      from: { personId: 'pak-hon-yong', personName: 'Pak Hon-yong', eventId: 'e-arrest-pak', eventTitle: 'Arrest', role: 'TARGET' },
      to: { personId: 'choe-chang-ik', personName: 'Choe Chang-ik', eventId: 'e-expel-choe', eventTitle: 'Expulsion', role: 'TARGET' },
      linkType: null,
      tieId: 'tie-choe-pak-alliance',
      date: m('1956-08-30'),
      certainty: 'POSSIBLE',
      citations: [cite('shen2008')],
    },
  ],
};

describe('chain mode', () => {
  it('loads, steps within bounds and highlights what has been revealed', () => {
    let s = chainLoaded(chainLoading('pak-hon-yong', 0, 5), [path]);
    expect(s.step).toBe(1);
    s = stepChain(s, -1);
    expect(highlight(s).persons).toEqual(new Set(['pak-hon-yong']));
    expect(highlight(s).day).toBe(dayOf('1953-03-01'));
    s = stepChain(s, 1);
    expect(atEnd(s)).toBe(true);
    expect(stepChain(s, 1)).toBe(s);
    const h = highlight(s);
    expect([...h.persons].sort()).toEqual(['choe-chang-ik', 'pak-hon-yong']);
    expect(h.ties.has('tie-choe-pak-alliance')).toBe(true);
    expect(h.links).toEqual([{ from: 'pak-hon-yong', to: 'choe-chang-ik', current: true, label: '1956-08-30' }]);
    expect(h.day).toBe(dayOf('1956-08-30'));
    expect(selectPath(s, 3)).toBe(s);
    expect(chainFailed(s, 'boom')).toMatchObject({ status: 'error', error: 'boom' });
  });
});

describe('permalink', () => {
  it('round-trips date, selection, mode, chain position and filters', () => {
    const state = {
      day: dayOf('1956-08-30'),
      personId: 'pak-hon-yong',
      eventId: null,
      mode: 'chain' as const,
      compareDay: null,
      chainPath: 2,
      chainStep: 3,
      filters: {
        ...toggleSource(toggleFaction(NO_FILTERS, 'yanan'), 'shen2008'),
        minCertainty: 'PROBABLE' as const,
        hiddenTieKinds: ['RIVALRY' as const],
        hiddenEventKinds: ['MEETING'],
        hideGone: true,
      },
      analysis: { sizeBy: 'BETWEENNESS' as const, colourBy: 'community' as const, certainChains: true },
    };
    const text = encode(state);
    expect(text).toContain('at=1956-08-30');
    expect(text).toContain('size=betweenness');
    expect(text).toContain('colour=community');
    expect(text).toContain('certain=1');
    expect(decode(text)).toEqual(state);
    const compare = { ...EMPTY_LINK, day: dayOf('1957-01-01'), mode: 'compare' as const, compareDay: dayOf('1950-06-01') };
    expect(decode(encode(compare))).toEqual(compare);
  });

  it('is forgiving with hand-edited links', () => {
    expect(encode(EMPTY_LINK)).toBe('');
    const d = decode('?at=nonsense&mode=chain&min=MAYBE&ht=RIVALRY,BOGUS&step=-3');
    expect(d.day).toBeNull();
    expect(d.mode).toBe('network');
    expect(d.filters.minCertainty).toBe('POSSIBLE');
    expect(d.filters.hiddenTieKinds).toEqual(['RIVALRY']);
    expect(d.chainStep).toBe(0);
    expect(decode('?size=loudness&colour=mood&certain=yes').analysis).toEqual(EMPTY_LINK.analysis);
    expect(decode('?size=PageRank').analysis.sizeBy).toBe('PAGERANK');
  });
});

describe('exports', () => {
  const frame = frameAt('1952-06-01');
  it('writes the visible subgraph as JSON and GraphML', () => {
    const json = subgraphJson(timeline, frame);
    expect(json.date).toBe('1952-06-01');
    expect(json.persons.map((p) => p.id).sort()).toEqual(['choe-chang-ik', 'kim-il-sung', 'pak-hon-yong', 'turncoat']);
    expect(json.ties.find((t) => t.id === 'tie-kim-denounces-pak')?.directed).toBe(true);
    const xml = subgraphGraphml(timeline, frame);
    expect(xml).toContain('<data key="n_faction">yanan</data>');
    expect(xml).toContain('<edge id="tie-kim-denounces-pak" source="kim-il-sung" target="pak-hon-yong">');
  });

  it('lists the sources behind the visible facts', () => {
    const facts = visibleFacts(timeline, frameAt('1954-01-01'));
    expect(facts.supports).toContain('event: Arrest of Pak Hon-yong (1953-03)');
    const bib = bibliography(timeline.sources, facts.citations);
    expect(bib.map((b) => b.source.id)).toEqual(['lankov2002', 'shen2008']);
    expect(bib[0]?.locators).toContain('ch. 4');
    const text = bibliographyText(bib, dayOf('1954-01-01'));
    expect(text).toContain('Andrei Lankov. 2002. “From Stalin to Kim Il Sung.” Rutgers University Press.');
    expect(text).toContain('Shen Zhihua. 2008. “Tooth and Lips.”\n');
    expect(text).toMatch(/Passages cited\n\nAndrei Lankov 2002: .*ch\. 4/);
  });
});

describe('chart series', () => {
  it('counts free members per faction per year and purges per year', () => {
    const s = chartSeries(timeline, prepare(timeline, NO_FILTERS));
    expect(s.years[0]).toBe(1945);
    const yanan = s.members.find((x) => x.faction.id === 'yanan');
    expect(yanan?.known[s.years.indexOf(1947)]).toBe(2);
    expect(yanan?.possible[s.years.indexOf(1947)]).toBe(2);
    expect(yanan?.known[s.years.indexOf(1957)]).toBe(0);
    // Turncoat's guerrilla membership is only possible: in the band, not among the known.
    const guerrilla = s.members.find((x) => x.faction.id === 'guerrilla');
    expect(guerrilla?.known[s.years.indexOf(1952)]).toBe(1);
    expect(guerrilla?.possible[s.years.indexOf(1952)]).toBe(2);
    for (const series of s.members) series.known.forEach((k, i) => expect(k).toBeLessThanOrEqual(series.possible[i] ?? 0));
    expect(s.purges[s.years.indexOf(1953)]).toBe(1);
    expect(s.purges[s.years.indexOf(1956)]).toBe(1);
    expect(chartSeries(timeline, prepare(timeline, toggleFaction(NO_FILTERS, 'yanan'))).members.map((x) => x.faction.id)).not.toContain('yanan');
  });
});

describe('status lane and bars', () => {
  it('splits a life into status segments with uncertain stretches', () => {
    const p = timeline.persons.find((x) => x.id === 'pak-hon-yong');
    const changes = (p?.statusChanges ?? []).map((c) => ({ ...c, date: { earliest: c.date.earliest, latest: c.date.latest } }));
    const lane = statusLane(changes, p?.evidence ?? null, timeline.start, timeline.end);
    // Not attested before 1946; then active; arrested (first uncertain within March 1953); possibly
    // executed; after the evidence ends, the possible execution stays visible, never certain.
    expect(lane.map((s) => `${s.group}${s.uncertain ? '?' : ''}`)).toEqual(['unattested', 'active?', 'active', 'imprisoned?', 'imprisoned', 'dead?']);
    expect(lane[0]?.start).toBe(0);
    expect(lane[lane.length - 1]?.end).toBe(1);
    const membership = timeline.memberships.find((x) => x.id === 'pak/member/southern/0');
    const bar = spanBar(membership?.span ?? { possible: null, certain: null }, timeline.start, timeline.end);
    // Undated start: the bar begins at the first attestation (1946), not at the left edge.
    expect(bar.possible?.start).toBeGreaterThan(0);
    expect(bar.possible?.end).toBeLessThan(0.6);
  });
});

describe('palette', () => {
  it("gives the main factions fixed Okabe-Ito colours and sub-groups their parent's", () => {
    const extra = { aliases: [], formed: null, dissolved: null };
    const colours = factionColours([
      ...timeline.factions,
      { id: 'kapsan', name: 'Kapsan', parentId: 'guerrilla', ...extra },
      { id: 'other', name: 'Other', parentId: null, ...extra },
    ]);
    expect(colours.get('yanan')).toBe('#E69F00');
    expect(colours.get('kapsan')).toBe(colours.get('guerrilla'));
    expect(OKABE_ITO).toContain(colours.get('other'));
    expect(isoOf(dayOf('1945'))).toBe('1945-01-01');
  });
});
