/** The chain panel's words: option labels and step sentences (pure, no browser). */
import { describe, expect, it } from 'vitest';
import { pathLabels, stepSentence, type ChainEnd, type ChainPath, type ChainStep } from '../../../client/src/state/chain.js';
import { m } from './fixtures/timeline.js';

const end = (personId: string, eventId: string, role = 'TARGET'): ChainEnd => ({
  personId,
  personName: personId.toUpperCase(),
  eventId,
  eventTitle: `Event ${eventId}`,
  role,
});
const step = (kind: ChainStep['kind'], from: ChainEnd, to: ChainEnd, date: string, linkType: string | null = null): ChainStep => ({
  kind,
  from,
  to,
  linkType,
  tieId: null,
  date: m(date),
  certainty: 'CERTAIN',
  citations: [],
});
const path = (rank: number, steps: ChainStep[], from: string, to: string): ChainPath => ({
  rank,
  score: 1,
  steps,
  personIds: [],
  from: m(from),
  to: m(to),
  weakestCertainty: 'CERTAIN',
  holdsWithCertainOnly: true,
});

describe('chain option labels', () => {
  it('name the people, the dates and the number of steps', () => {
    const p = path(
      1,
      [
        step('ACCUSATION', end('kim', 'plenum', 'INSTIGATOR'), end('choe', 'plenum'), '1956-08'),
        step('ASSOCIATION', end('choe', 'plenum'), end('pak', 'trial'), '1957'),
      ],
      '1956-08',
      '1957',
    );
    expect(pathLabels([p])).toEqual(['KIM → CHOE → PAK (1956-08 – 1957, 2 steps)']);
  });

  it('are distinct when people and dates repeat, naming the events that differ', () => {
    const a = path(1, [step('EVENT_LINK', end('choe', 'e1'), end('pak', 'e2'), '1957', 'LED_TO')], '1956', '1957');
    const b = path(2, [step('EVENT_LINK', end('choe', 'e3'), end('pak', 'e2'), '1957', 'LED_TO')], '1956', '1957');
    const c = path(3, [step('EVENT_LINK', end('choe', 'e3'), end('pak', 'e2'), '1957', 'LED_TO')], '1956', '1957');
    const labels = pathLabels([a, b, c]);
    expect(new Set(labels).size).toBe(3);
    expect(labels[0]).toContain('via Event e1');
  });

  it('shorten long paths to first, second, …, last', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const steps = names.slice(1).map((to, i) => step('ACCUSATION', end(names[i]!, `e${i}`, 'ACCUSER'), end(to, `e${i}`), '1958'));
    expect(pathLabels([path(1, steps, '1958', '1958')])[0]).toBe('A → B → … → F (1958, 5 steps)');
  });
});

describe('chain step sentences', () => {
  it('say the link once, and keep an instigator an instigator', () => {
    const linked = stepSentence(step('EVENT_LINK', end('kim', 'plenum', 'INSTIGATOR'), end('choe', 'expel'), '1956-08', 'LED_TO'));
    expect(linked).toBe("KIM's instigation at Event plenum led to Event expel (the fall of CHOE)");
    expect(linked.match(/led to/g)).toHaveLength(1);
    expect(stepSentence(step('ACCUSATION', end('kim', 'plenum', 'INSTIGATOR'), end('choe', 'plenum'), '1956-08'))).toBe(
      'KIM instigated the fall of CHOE at Event plenum',
    );
    expect(stepSentence(step('ASSOCIATION', end('choe', 'e1'), end('pak', 'e2'), '1957'))).toContain('PAK, tied to CHOE');
  });
});
