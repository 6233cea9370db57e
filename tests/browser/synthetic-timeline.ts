/**
 * The synthetic generator's dataset (the one `npm run seed:synthetic` loads) in the wire shape
 * of the API's `timeline` + `sources` response, with status changes, spans and evidence derived
 * by the same code as the loader's (core/, server/src/seed/derive.ts). The scale test serves it
 * to the real built app in place of the curated data, so the time-step cost at 1k and 5k people
 * is measured without a second Neo4j.
 */
import type { DerivedInterval } from '../../core/attestation.js';
import type { PartialDate } from '../../core/partial-date.js';
import { statusChanges } from '../../core/status.js';
import type { Citation } from '../../server/src/seed/dataset.js';
import { deriveTime, type PersonEvidence } from '../../server/src/seed/derive.js';
import { generateSyntheticDataset } from '../../server/src/seed/synthetic.js';

const wireBound = (b: DerivedInterval['start']) => ({ basis: b.basis, date: wireDate(b.date), fact: b.fact });
const wireSpanned = (x: DerivedInterval | undefined) => {
  if (x === undefined) throw new Error('internal: no derived span');
  return {
    span: {
      possibleFrom: x.span.possible?.earliest ?? null,
      possibleTo: x.span.possible?.latest ?? null,
      certainFrom: x.span.certain?.earliest ?? null,
      certainTo: x.span.certain?.latest ?? null,
    },
    start: wireBound(x.start),
    end: wireBound(x.end),
  };
};
const wireEvidence = (e: PersonEvidence | null | undefined) =>
  e === null || e === undefined
    ? null
    : { first: { date: wireDate(e.first.date), fact: e.first.ref }, last: { date: wireDate(e.last.date), fact: e.last.ref }, fadesAfter: e.fadesAfter };

const upper = (s: string): string => s.toUpperCase().replace(/-/g, '_');
const wireDate = (d: PartialDate | null) =>
  d === null ? null : { iso: d.iso, precision: d.precision, approximate: d.approximate, earliest: d.earliest, latest: d.latest };
const cites = (list: readonly Citation[]) => list.map((c) => ({ source: { id: c.source }, locator: c.at ?? '', note: c.note ?? null }));

export function syntheticTimelineResponse(persons: number): unknown {
  const data = generateSyntheticDataset({ persons, seed: 42 });
  const time = deriveTime(data);
  const targets = new Map<string, { eventId: string; kind: string; date: PartialDate; certainty: 'CERTAIN' | 'PROBABLE' | 'POSSIBLE' }[]>();
  for (const e of data.events) {
    if (e.date === null) continue;
    for (const p of e.participants) {
      if (p.role !== 'target') continue;
      const list = targets.get(p.person) ?? [];
      list.push({ eventId: e.id, kind: upper(e.kind), date: e.date, certainty: upper(e.certainty) as 'CERTAIN' });
      targets.set(p.person, list);
    }
  }
  let earliest = '9999-12-31';
  let latest = '0000-01-01';
  const widen = (d: PartialDate | null): void => {
    if (d === null) return;
    if (d.earliest < earliest) earliest = d.earliest;
    if (d.latest > latest) latest = d.latest;
  };
  for (const e of data.events) widen(e.date);
  for (const p of data.persons)
    for (const m of p.memberships) {
      widen(m.from);
      widen(m.to);
    }
  return {
    data: {
      timeline: {
        from: earliest,
        to: latest,
        factions: data.factions.map((f) => ({
          id: f.id,
          name: f.name,
          aliases: f.aliases,
          parent: f.parent === null ? null : { id: f.parent },
          lifespan: {
            formed: f.formed === null ? null : { date: wireDate(f.formed.date) },
            dissolved: f.dissolved === null ? null : { date: wireDate(f.dissolved.date) },
          },
        })),
        persons: data.persons.map((p) => ({
          person: { id: p.id, name: p.name, hangul: p.hangul, hanja: p.hanja, aliases: p.aliases.map((a) => a.form) },
          born: wireDate(p.born[0]?.date ?? null),
          died: wireDate(p.died[0]?.date ?? null),
          evidence: wireEvidence(time.evidence.get(p.id)),
          statusChanges: statusChanges<string, PartialDate>(targets.get(p.id) ?? [], p.died[0]?.date ?? null).map((c) => ({
            state: c.state,
            certainty: c.certainty,
            date: wireDate(c.date),
            event: c.eventId === null ? null : { id: c.eventId },
          })),
          memberships: p.memberships.map((m, i) => ({
            id: `${p.id}/member/${m.faction}/${i}`,
            faction: { id: m.faction },
            certainty: upper(m.certainty),
            from: wireDate(m.from),
            to: wireDate(m.to),
            ...wireSpanned(time.memberships.get(m)),
            citations: cites(m.cite),
          })),
        })),
        ties: data.ties.map((t) => ({
          id: t.id,
          kind: upper(t.kind),
          directed: t.directed,
          certainty: upper(t.certainty),
          summary: t.summary,
          source: { id: t.a },
          target: { id: t.b },
          from: wireDate(t.from),
          to: wireDate(t.to),
          ...wireSpanned(time.ties.get(t)),
          citations: cites(t.cite),
        })),
        events: data.events
          .filter((e) => e.date !== null)
          .map((e) => ({
            id: e.id,
            kind: upper(e.kind),
            title: e.title,
            certainty: upper(e.certainty),
            summary: e.summary,
            date: wireDate(e.date),
            participants: e.participants.map((p) => ({ role: upper(p.role), person: { id: p.person } })),
            links: e.links.map((l) => ({ type: upper(l.type), to: { id: l.event } })),
            citations: cites(e.cite),
          })),
      },
      sources: data.sources.map((s) => ({ id: s.id, title: s.title, author: s.author, year: s.year })),
    },
  };
}
