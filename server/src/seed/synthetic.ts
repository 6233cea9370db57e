/**
 * A synthetic graph for scale benchmarks, generated deterministically from a seed number: four
 * factions with sub-groups, persons with memberships over decades, ~10 ties per person, and
 * purge cascades (meetings with accusers and targets LED_TO removals, expulsions, arrests,
 * trials). It is built as a validated Dataset and goes through the same datasetToRows as the
 * curated seed, so synthetic nodes carry exactly the curated labels and properties.
 */
import { LineCounter, parseDocument } from 'yaml';
import { parsePartialDate, type PartialDate } from '../../../core/partial-date.js';
import type { Citation, Dataset, EventRecord, FactionRecord, Location, MembershipRecord, PersonRecord, TieRecord } from './dataset.js';
import { datasetToRows } from './dataset-to-rows.js';
import type { SeedFile } from './read.js';
import type { GraphRows } from './rows.js';
import type { SeedCertainty as Certainty, SeedEventKind as EventKind, SeedRole as Role, SeedTieKind as TieKind } from '../../../core/vocabulary.js';

export interface SyntheticOptions {
  readonly persons: number;
  readonly seed?: number;
}

/** Records need a location for error messages; synthetic ones all point at this placeholder. */
const SYNTHETIC_FILE: SeedFile = {
  kind: 'events',
  absolute: '<synthetic>',
  display: '<synthetic>',
  data: null,
  document: parseDocument(''),
  lineCounter: new LineCounter(),
};
const LOC: Location = { file: SYNTHETIC_FILE, path: [] };
const SOURCE_ID = 'synthetic';

/** mulberry32: small, fast and the same on every platform, so a seed always gives the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const FAMILY = ['kim', 'pak', 'ri', 'choe', 'chong', 'kang', 'cho', 'yun', 'chang', 'im', 'han', 'o', 'so', 'sin', 'kwon', 'hwang', 'an', 'song', 'ho', 'mun'];
const SYLLABLES = [
  'il',
  'song',
  'chang',
  'hon',
  'yong',
  'tu',
  'bong',
  'ik',
  'chol',
  'ho',
  'kwang',
  'sik',
  'man',
  'hyop',
  'gon',
  'su',
  'chun',
  'nam',
  'hui',
  'ok',
];
const FACTIONS = [
  { id: 'yanan', name: "Yan'an faction", subgroups: ['yanan-north-china-league', 'yanan-volunteer-army'] },
  { id: 'soviet', name: 'Soviet faction', subgroups: ['soviet-koreans-tashkent', 'soviet-military-advisers'] },
  { id: 'guerrilla', name: 'Guerrilla faction', subgroups: ['guerrilla-northeast-army', 'guerrilla-88th-brigade'] },
  { id: 'southern', name: 'Southern faction', subgroups: ['southern-seoul-group', 'southern-workers-party'] },
] as const;
const OFFICES = [
  'Minister of Industry',
  'Minister of Trade',
  'Vice-Premier',
  'Chairman of the Standing Committee',
  'Director of the Organisation Department',
  'Minister of Culture',
  'Chief of the General Staff',
  'Minister of the Interior',
];
const SAME_FACTION_TIES: readonly TieKind[] = ['comrades', 'association', 'alliance', 'patronage', 'kinship', 'protection'];
const CROSS_FACTION_TIES: readonly TieKind[] = ['rivalry', 'denunciation', 'association', 'alliance'];
const CASCADE: readonly EventKind[] = ['removal', 'expulsion', 'arrest', 'trial', 'sentence', 'execution'];
const CERTAINTY_MIX: readonly Certainty[] = ['certain', 'certain', 'certain', 'probable', 'possible'];

function cite(dice: Dice): Citation[] {
  return [{ source: SOURCE_ID, at: `p. ${dice.int(1, 600)}`, note: 'Synthetic.', loc: LOC }];
}

function date(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function yearMonth(year: number, dice: Dice): PartialDate {
  return dice.chance(0.5) ? date(String(year)) : date(`${year}-${String(dice.int(1, 12)).padStart(2, '0')}`);
}

function day(year: number, month: number, dayOfMonth: number): PartialDate {
  return date(`${year}-${String(month).padStart(2, '0')}-${String(Math.min(dayOfMonth, 28)).padStart(2, '0')}`);
}

interface SyntheticPerson {
  readonly record: PersonRecord;
  readonly faction: number;
  readonly joined: number;
  /** Year of the purge that ends the person's career, or null. */
  purged: number | null;
}

function makePerson(index: number, dice: Dice): SyntheticPerson {
  const id = `syn-p${index}`;
  const given = `${dice.pick(SYLLABLES)}-${dice.pick(SYLLABLES)}`;
  const name = `${dice.pick(FAMILY)} ${given}`.replace(/\b\w/g, (c) => c.toUpperCase());
  const faction = dice.int(0, FACTIONS.length - 1);
  const bornYear = dice.int(1890, 1930);
  const joined = Math.max(bornYear + 17, dice.int(1925, 1955));
  const group = FACTIONS[faction]!;
  const memberships: MembershipRecord[] = [
    { faction: group.id, from: yearMonth(joined, dice), to: null, certainty: dice.pick(CERTAINTY_MIX), cite: cite(dice), loc: LOC },
  ];
  if (dice.chance(0.4)) {
    const subFrom = joined + dice.int(0, 5);
    memberships.push({
      faction: dice.pick(group.subgroups),
      from: yearMonth(subFrom, dice),
      to: null,
      certainty: dice.pick(CERTAINTY_MIX),
      cite: cite(dice),
      loc: LOC,
    });
  }
  const offices = dice.chance(0.3)
    ? [{ title: dice.pick(OFFICES), from: yearMonth(Math.max(joined, 1948), dice), to: null, certainty: 'certain' as const, cite: cite(dice), loc: LOC }]
    : [];
  const record: PersonRecord = {
    id,
    name: `${name} ${index}`,
    hangul: null,
    hanja: null,
    aliases: [{ form: `${name.replace(/-/g, ' ')} ${index}`, system: 'dprk' }],
    born: [{ date: date(String(bornYear)), certainty: 'certain', cite: cite(dice) }],
    died: [],
    summary: 'Synthetic person.',
    disambiguation: null,
    cite: cite(dice),
    namesCite: [],
    memberships,
    offices,
    loc: LOC,
  };
  return { record, faction, joined, purged: null };
}

function makeTies(people: readonly SyntheticPerson[], dice: Dice): TieRecord[] {
  const byFaction = FACTIONS.map((_, f) => people.filter((p) => p.faction === f));
  const ties: TieRecord[] = [];
  // Five ties started per person gives each person about ten on average.
  for (const person of people) {
    for (let k = 0; k < 5; k += 1) {
      const sameFaction = dice.chance(0.7);
      const pool = sameFaction ? byFaction[person.faction]! : people;
      const other = dice.pick(pool);
      if (other === person) continue;
      const kind = dice.pick(sameFaction ? SAME_FACTION_TIES : CROSS_FACTION_TIES);
      const from = Math.max(person.joined, other.joined) + dice.int(0, 8);
      const to = dice.chance(0.6) ? from + dice.int(1, 15) : null;
      ties.push({
        id: `tie-syn-${ties.length}`,
        kind,
        a: person.record.id,
        b: other.record.id,
        directed: kind === 'denunciation' || kind === 'patronage',
        from: date(String(from)),
        to: to === null ? null : date(String(to)),
        certainty: dice.pick(CERTAINTY_MIX),
        summary: null,
        cite: cite(dice),
        loc: LOC,
      });
    }
  }
  return ties;
}

/** Meetings where accusers denounce targets, each target's fall a LED_TO chain of removal, expulsion, arrest... */
function makePurges(people: SyntheticPerson[], dice: Dice): EventRecord[] {
  const events: EventRecord[] = [];
  const meetings = Math.max(1, Math.round(people.length / 40));
  for (let m = 0; m < meetings; m += 1) {
    const year = dice.int(1945, 1969);
    const month = dice.int(1, 12);
    const meetingId = `${year}-syn-meeting-${m}`;
    const participants: EventRecord['participants'] = [];
    const chosen = new Set<SyntheticPerson>();
    const roles: readonly Role[] = ['decider', 'speaker', 'accuser', 'accuser', 'participant', 'participant', 'supporter', 'defender'];
    const size = dice.int(6, 20);
    for (let i = 0; i < size; i += 1) chosen.add(dice.pick(people));
    const targets = [...chosen].filter((p) => p.purged === null).slice(0, dice.int(1, 4));
    for (const person of chosen) {
      const role: Role = targets.includes(person) ? 'target' : dice.pick(roles);
      participants.push({ person: person.record.id, role, cite: cite(dice), loc: LOC });
    }
    const links: EventRecord['links'] = [];
    for (const [t, target] of targets.entries()) {
      target.purged = year;
      const depth = dice.int(1, CASCADE.length);
      let previousLinks = links;
      for (let step = 0; step < depth; step += 1) {
        const kind = CASCADE[step]!;
        const eventYear = Math.min(1970, year + Math.floor(step / 2));
        const id = `${eventYear}-syn-${kind}-${m}-${t}`;
        previousLinks.push({ type: 'led-to', event: id, cite: cite(dice), loc: LOC });
        const ownLinks: EventRecord['links'] = [];
        events.push({
          id,
          kind,
          title: `Synthetic ${kind} ${m}-${t}`,
          date: day(eventYear, month, dice.int(1, 28)),
          place: null,
          certainty: dice.pick(CERTAINTY_MIX),
          summary: null,
          cite: cite(dice),
          participants: [{ person: target.record.id, role: 'target', cite: cite(dice), loc: LOC }],
          links: ownLinks,
          loc: LOC,
        });
        previousLinks = ownLinks;
      }
    }
    events.push({
      id: meetingId,
      kind: 'meeting',
      title: `Synthetic plenum ${m}`,
      date: day(year, month, dice.int(1, 28)),
      place: 'Pyongyang',
      certainty: 'certain',
      summary: null,
      cite: cite(dice),
      participants,
      links,
      loc: LOC,
    });
  }
  return events;
}

/** Ends the memberships of purged persons in their purge year, so timelines show the fall. */
function closeMemberships(people: readonly SyntheticPerson[]): PersonRecord[] {
  return people.map((person) => {
    if (person.purged === null) return person.record;
    const end = date(String(person.purged));
    return {
      ...person.record,
      memberships: person.record.memberships.map((m) => (m.from !== null && m.from.earliest <= end.latest ? { ...m, to: end } : m)),
    };
  });
}

export function generateSyntheticDataset(options: SyntheticOptions): Dataset {
  const dice = new Dice(random(options.seed ?? 42));
  const factions: FactionRecord[] = [];
  // Every synthetic faction exists before anyone joins (memberships start in 1925 at the earliest).
  const lifespan = { formed: { date: date('1920'), certainty: 'certain' as const, cite: cite(dice) }, dissolved: null };
  for (const group of FACTIONS) {
    factions.push({ id: group.id, name: group.name, aliases: [], parent: null, description: 'Synthetic faction.', ...lifespan, cite: cite(dice), loc: LOC });
    for (const sub of group.subgroups) {
      factions.push({
        id: sub,
        name: sub.replace(/-/g, ' '),
        aliases: [],
        parent: group.id,
        description: 'Synthetic sub-group.',
        ...lifespan,
        cite: cite(dice),
        loc: LOC,
      });
    }
  }
  const people = Array.from({ length: options.persons }, (_, index) => makePerson(index, dice));
  const ties = makeTies(people, dice);
  const events = makePurges(people, dice);
  return {
    sources: [
      {
        id: SOURCE_ID,
        title: 'Synthetic benchmark data (not history)',
        author: null,
        year: null,
        publication: null,
        file: null,
        kind: 'editorial',
        family: 'editorial',
        loc: LOC,
      },
    ],
    factions,
    persons: closeMemberships(people),
    events,
    ties,
  };
}

export function generateSyntheticRows(options: SyntheticOptions): GraphRows {
  return datasetToRows(generateSyntheticDataset(options));
}
