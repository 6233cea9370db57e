/**
 * Gathers, for every person, the dated facts that attest them and their departures, and hands
 * them to the time rules in core/attestation.ts: the inferred bounds of every membership,
 * office and tie, and each person's span of evidence. Run once per seed load (curated or
 * synthetic); the results are stored beside the recorded dates (dataset-to-rows.ts).
 */
import { deriveInterval, evidenceOf, type DatedFact, type Departure, type DerivedInterval, type FactRef, type Lifespan } from '../../../core/attestation.js';
import type { PartialDate } from '../../../core/partial-date.js';
import { affectsStatus } from '../../../core/status.js';
import { DEPARTURE_STATUSES, STATUS_BY_EVENT_KIND, graphValue } from '../../../core/vocabulary.js';
import type { Dataset, FactionRecord, MembershipRecord, OfficeRecord, PersonRecord, TieRecord } from './dataset.js';
import { preferredClaim } from './parse.js';

export interface PersonEvidence {
  readonly first: DatedFact;
  readonly last: DatedFact;
  readonly fadesAfter: string;
}

export interface DerivedTime {
  readonly evidence: ReadonlyMap<string, PersonEvidence | null>;
  readonly memberships: ReadonlyMap<MembershipRecord, DerivedInterval>;
  readonly offices: ReadonlyMap<OfficeRecord, DerivedInterval>;
  readonly ties: ReadonlyMap<TieRecord, DerivedInterval>;
}

interface PersonFacts {
  /** Facts that show the person active (departures excluded: a death attests no membership). */
  readonly attesting: DatedFact[];
  readonly departures: Departure[];
  /** Every dated fact, departures included: the span of the person's evidence. */
  readonly all: DatedFact[];
}

const fact = (ref: FactRef, date: PartialDate | null): DatedFact[] => (date === null ? [] : [{ ref, date }]);

export const membershipId = (personId: string, factionId: string, n: number): string => `${personId}/member/${factionId}/${n}`;
export const heldId = (personId: string, index: number): string => `${personId}/office/${index}`;

export function lifespanOf(faction: FactionRecord): Lifespan | null {
  if (faction.formed === null) return null;
  return { formed: faction.formed.date, dissolved: faction.dissolved?.date ?? null, fact: { kind: 'FACTION', id: faction.id, label: faction.name } };
}

function collectFacts(dataset: Dataset, factionNames: ReadonlyMap<string, string>): Map<string, PersonFacts> {
  const facts = new Map<string, PersonFacts>();
  const of = (id: string): PersonFacts => {
    let entry = facts.get(id);
    if (entry === undefined) facts.set(id, (entry = { attesting: [], departures: [], all: [] }));
    return entry;
  };
  const attest = (id: string, dated: DatedFact[]): void => {
    of(id).attesting.push(...dated);
    of(id).all.push(...dated);
  };
  for (const person of dataset.persons) {
    of(person.id);
    eachMembership(person, (m, id) =>
      attest(person.id, [
        ...fact({ kind: 'MEMBERSHIP', id, label: `member of the ${factionNames.get(m.faction) ?? m.faction}` }, m.from),
        ...fact({ kind: 'MEMBERSHIP', id, label: `member of the ${factionNames.get(m.faction) ?? m.faction}` }, m.to),
      ]),
    );
    person.offices.forEach((o, index) => {
      const ref: FactRef = { kind: 'OFFICE', id: heldId(person.id, index), label: o.title };
      attest(person.id, [...fact(ref, o.from), ...fact(ref, o.to)]);
    });
    const died = preferredClaim(person.died);
    if (died !== null) {
      const ref: FactRef = { kind: 'DEATH_DATE', id: person.id, label: 'recorded death date' };
      of(person.id).all.push({ ref, date: died.date });
      of(person.id).departures.push({ state: 'DEAD', date: died.date, certainty: graphValue(died.certainty), fact: ref });
    }
  }
  for (const event of dataset.events) {
    if (event.date === null) continue;
    const ref: FactRef = { kind: 'EVENT', id: event.id, label: event.title };
    const kind = graphValue(event.kind);
    const state = STATUS_BY_EVENT_KIND[kind];
    for (const p of event.participants) {
      const dated = { ref, date: event.date };
      if (state !== undefined && DEPARTURE_STATUSES.has(state) && affectsStatus(graphValue(p.role), kind)) {
        of(p.person).all.push(dated);
        of(p.person).departures.push({ state, date: event.date, certainty: graphValue(event.certainty), fact: ref });
      } else {
        attest(p.person, [dated]);
      }
    }
  }
  for (const tie of dataset.ties) {
    const ref = tieRef(tie);
    for (const id of [tie.a, tie.b]) attest(id, [...fact(ref, tie.from), ...fact(ref, tie.to)]);
  }
  return facts;
}

function tieRef(tie: TieRecord): FactRef {
  return { kind: 'TIE', id: tie.id, label: `${tie.kind} tie ${tie.a} – ${tie.b}` };
}

/** Memberships with the per-faction counter their ids carry (dataset-to-rows.ts builds the same ids). */
export function eachMembership(person: PersonRecord, visit: (m: MembershipRecord, id: string) => void): void {
  const perFaction = new Map<string, number>();
  for (const m of person.memberships) {
    const n = perFaction.get(m.faction) ?? 0;
    perFaction.set(m.faction, n + 1);
    visit(m, membershipId(person.id, m.faction, n));
  }
}

export function deriveTime(dataset: Dataset): DerivedTime {
  const factionNames = new Map(dataset.factions.map((f) => [f.id, f.name]));
  const lifespans = new Map(dataset.factions.map((f) => [f.id, lifespanOf(f)]));
  const facts = collectFacts(dataset, factionNames);
  const none: PersonFacts = { attesting: [], departures: [], all: [] };
  const evidence = new Map<string, PersonEvidence | null>();
  const memberships = new Map<MembershipRecord, DerivedInterval>();
  const offices = new Map<OfficeRecord, DerivedInterval>();
  for (const person of dataset.persons) {
    const own = facts.get(person.id) ?? none;
    const span = evidenceOf(own.all);
    evidence.set(person.id, span === null ? null : { first: span.first, last: span.last, fadesAfter: span.evidence.fadesAfter });
    eachMembership(person, (m, id) => {
      memberships.set(
        m,
        deriveInterval({
          from: m.from,
          to: m.to,
          certainty: graphValue(m.certainty),
          self: { kind: 'MEMBERSHIP', id, label: `member of the ${factionNames.get(m.faction) ?? m.faction}` },
          attesting: [own.attesting],
          departures: own.departures,
          within: lifespans.get(m.faction) ?? null,
        }),
      );
    });
    person.offices.forEach((o, index) => {
      offices.set(
        o,
        deriveInterval({
          from: o.from,
          to: o.to,
          certainty: graphValue(o.certainty),
          self: { kind: 'OFFICE', id: heldId(person.id, index), label: o.title },
          attesting: [],
          departures: own.departures,
          within: null,
        }),
      );
    });
  }
  const ties = new Map<TieRecord, DerivedInterval>();
  for (const tie of dataset.ties) {
    const a = facts.get(tie.a) ?? none;
    const b = facts.get(tie.b) ?? none;
    ties.set(
      tie,
      deriveInterval({
        from: tie.from,
        to: tie.to,
        certainty: graphValue(tie.certainty),
        self: tieRef(tie),
        attesting: [a.attesting, b.attesting],
        departures: [...a.departures, ...b.departures],
        within: null,
      }),
    );
  }
  return { evidence, memberships, offices, ties };
}
