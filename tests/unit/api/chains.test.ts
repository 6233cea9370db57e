import { describe, expect, it } from 'vitest';
import { buildSteps, findChains, purgerFall, type ChainEventInput, type ChainTieInput } from '../../../server/src/domain/chains.js';
import { parsePartialDate, type PartialDate } from '../../../core/partial-date.js';

const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
type Cite = string;
const event = (id: string, date: string, participants: [string, string][], links: [string, string][] = []): ChainEventInput<Cite> => ({
  id,
  kind: 'EXPULSION',
  date: d(date),
  certainty: 'CERTAIN',
  participants: participants.map(([personId, role]) => ({ personId, role, citations: [`${id}/${personId}`] })),
  links: links.map(([type, toId]) => ({ type, toId, citations: [`${id}->${toId}`] })),
});
/** A tie whose span (as core/attestation.ts would infer it) runs from `from` to `to`; certain inside. */
const tie = (id: string, a: string, b: string, kind = 'ALLIANCE', from = '1950', to = '1970'): ChainTieInput<Cite> => ({
  id,
  kind,
  sourceId: a,
  targetId: b,
  span: { possible: { earliest: d(from).earliest, latest: d(to).latest }, certain: { earliest: d(from).latest, latest: d(to).earliest } },
  certainty: 'CERTAIN',
  citations: [id],
});

// kim accuses pak at the plenum; the plenum led to pak's expulsion; pak's ally lee falls a year later;
// lee's rival choe falls too (a rivalry is not guilt by association).
const events = [
  event(
    'plenum',
    '1956-08-30',
    [
      ['kim', 'ACCUSER'],
      ['pak', 'TARGET'],
    ],
    [['LED_TO', 'expel-pak']],
  ),
  event('expel-pak', '1956-08-31', [['pak', 'TARGET']]),
  event('expel-lee', '1957-09', [['lee', 'TARGET']]),
  event('expel-choe', '1957-10', [['choe', 'TARGET']]),
  event('expel-kim', '1960', [
    ['kim', 'TARGET'],
    ['lee', 'ACCUSER'],
  ]),
];
const ties = [tie('t-pak-lee', 'pak', 'lee'), tie('t-lee-choe', 'lee', 'choe', 'RIVALRY')];

describe('purge chain steps', () => {
  const steps = buildSteps(events, ties, 24);
  it('builds the three kinds of step with their citations', () => {
    expect(steps.find((s) => s.kind === 'ACCUSATION' && s.from.personId === 'kim' && s.to.personId === 'pak')?.citations).toEqual(['plenum/kim', 'plenum/pak']);
    expect(steps.find((s) => s.kind === 'EVENT_LINK')).toMatchObject({
      linkType: 'LED_TO',
      from: { eventId: 'plenum' },
      to: { eventId: 'expel-pak' },
      citations: ['plenum->expel-pak'],
    });
    expect(steps.find((s) => s.kind === 'ASSOCIATION' && s.to.personId === 'lee')).toMatchObject({ tieId: 't-pak-lee', citations: ['t-pak-lee'] });
  });
  it('is not guilt by association through a rivalry', () => {
    expect(steps.some((s) => s.tieId === 't-lee-choe')).toBe(false);
  });
  it('respects the window', () => {
    expect(buildSteps(events, ties, 6).some((s) => s.kind === 'ASSOCIATION')).toBe(false);
  });
  it('never runs an association backwards in time', () => {
    expect(steps.some((s) => s.kind === 'ASSOCIATION' && s.from.personId === 'lee' && s.to.personId === 'pak')).toBe(false);
  });
});

describe('the chain rule', () => {
  // pak falls twice (the second fall linked from the first); a link runs back from 1958 to 1957;
  // a witness of the plenum is no link in a chain of falls.
  const rule = [
    event(
      'plenum',
      '1956-08-30',
      [
        ['kim', 'ACCUSER'],
        ['pak', 'TARGET'],
        ['so', 'WITNESS'],
      ],
      [['LED_TO', 'expel-pak']],
    ),
    event('expel-pak', '1956-08-31', [['pak', 'TARGET']], [['LED_TO', 'trial-pak']]),
    event(
      'trial-pak',
      '1958',
      [
        ['pak', 'TARGET'],
        ['kim', 'INSTIGATOR'],
      ],
      [['LED_TO', 'expel-lee']],
    ),
    event('expel-lee', '1957-09', [['lee', 'TARGET']]),
    event('expel-yun', '1956', [['yun', 'TARGET']]),
  ];
  const plenumToYun = { ...rule[0]!, links: [{ type: 'LED_TO', toId: 'expel-yun', citations: [] }] };
  const steps = buildSteps([plenumToYun, ...rule.slice(1)], [], 24);
  it('no step joins a person to themself', () => {
    expect(steps.filter((s) => s.from.personId === s.to.personId)).toEqual([]);
  });
  it('no step goes back in time, not even possibly (a year is not after a day in it)', () => {
    expect(steps.some((s) => s.to.eventId === 'expel-lee')).toBe(false);
    expect(steps.some((s) => s.to.eventId === 'expel-yun')).toBe(false);
  });
  it('a step starts at a fall or an act, never at a witness', () => {
    expect(steps.some((s) => s.from.personId === 'so')).toBe(false);
    expect(steps.every((s) => ['TARGET', 'ACCUSER', 'INSTIGATOR'].includes(s.from.role) && s.to.role === 'TARGET')).toBe(true);
  });
  it('a path through a person continues from no earlier node of theirs', () => {
    const tied = buildSteps(rule, [tie('t-pak-lee', 'pak', 'lee', 'ALLIANCE', '1950', '1970')], 24);
    for (const path of findChains(tied, { personId: 'kim', direction: 'BOTH', maxSteps: 4, limit: 20 })) {
      for (let i = 1; i < path.steps.length; i += 1) {
        const reached = path.steps[i - 1]!.to.date;
        const next = path.steps[i]!.from.date;
        expect(next.earliest >= reached.earliest && next.latest >= reached.latest).toBe(true);
      }
    }
  });
});

describe('findChains', () => {
  const steps = buildSteps(events, ties, 24);
  it('downstream from the accuser reaches the associate, in time order', () => {
    const paths = findChains(steps, { personId: 'kim', direction: 'DOWNSTREAM', maxSteps: 4, limit: 10 });
    const best = paths.find((p) => p.persons.includes('lee'));
    expect(best?.persons).toEqual(['kim', 'pak', 'lee']);
    for (const path of paths) {
      for (let i = 1; i < path.steps.length; i += 1) expect(path.steps[i]!.from.date.earliest >= path.steps[i - 1]!.to.date.earliest).toBe(true);
    }
  });
  it('upstream to a fall finds who caused it', () => {
    const paths = findChains(steps, { personId: 'lee', direction: 'UPSTREAM', maxSteps: 4, limit: 10 });
    expect(paths[0]?.persons[0]).toBe('kim');
    expect(paths.every((p) => p.steps[p.steps.length - 1]!.to.personId === 'lee')).toBe(true);
  });
  it('ranks paths by score, best first, and obeys maxSteps and limit', () => {
    const paths = findChains(steps, { personId: 'kim', direction: 'BOTH', maxSteps: 1, limit: 2 });
    expect(paths.length).toBeLessThanOrEqual(2);
    expect(paths.every((p) => p.steps.length === 1)).toBe(true);
    const all = findChains(steps, { personId: 'pak', direction: 'BOTH', maxSteps: 4, limit: 50 });
    const others = all.filter((p) => p.persons.length > 1);
    for (let i = 1; i < others.length; i += 1) expect(others[i - 1]!.score).toBeGreaterThanOrEqual(others[i]!.score);
  });
});

describe('purgers purged', () => {
  const f = (eventId: string, date: string, kind = 'EXPULSION') => ({ eventId, kind, date: d(date), item: eventId });
  it('finds the first fall after an act, with the acts before it', () => {
    expect(purgerFall([f('plenum', '1956-08-30'), f('trial', '1962')], [f('expel', '1960')])).toEqual({ acts: ['plenum'], fall: 'expel' });
  });
  it('a fall before any act, or a rehabilitation, does not count', () => {
    expect(purgerFall([f('plenum', '1956-08-30')], [f('old', '1950'), f('rehab', '1957', 'REHABILITATION')])).toBeNull();
  });
});
