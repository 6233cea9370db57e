/**
 * Time checks across files (docs/seed-format.md, "Validation rules"): nothing may be dated where
 * the time model says it cannot be. A membership outside its faction's lifespan, or anything
 * dated after the person's recorded death, is an error naming the field. "Outside" means
 * certainly outside: even the most generous reading of both vague dates does not overlap.
 */
import type { PartialDate } from '../../../core/partial-date.js';
import { formatPartialDate } from '../../../core/partial-date.js';
import type { Dataset, Location } from './dataset.js';
import type { Issues } from './fields.js';
import { preferredClaim } from './parse.js';

const at = (loc: Location, field: string): Location => ({ file: loc.file, path: [...loc.path, field] });
const written = (date: PartialDate): string => `"${formatPartialDate(date)}"`;

export function checkTime(issues: Issues, dataset: Dataset): void {
  const factions = new Map(dataset.factions.map((f) => [f.id, f]));
  const deaths = new Map<string, PartialDate>();
  for (const person of dataset.persons) {
    const died = preferredClaim(person.died);
    if (died !== null) deaths.set(person.id, died.date);
  }
  const afterDeath = (personId: string, date: PartialDate | null, loc: Location, field: string, what: string): void => {
    const died = deaths.get(personId);
    if (date === null || died === undefined || date.earliest <= died.latest) return;
    issues.add(at(loc, field), `${what} is dated ${written(date)}, after ${personId}'s recorded death (${written(died)})`);
  };

  for (const person of dataset.persons) {
    for (const m of person.memberships) {
      const faction = factions.get(m.faction);
      const formed = faction?.formed?.date;
      const dissolved = faction?.dissolved?.date;
      const start = m.from ?? m.to;
      if (formed !== undefined && start !== null && start.latest < formed.earliest) {
        issues.add(
          at(m.loc, m.from !== null ? 'from' : 'to'),
          `membership of "${m.faction}" is dated ${written(start)}, before the faction formed (${written(formed)})`,
        );
      }
      const end = m.to ?? m.from;
      if (dissolved !== undefined && end !== null && end.earliest > dissolved.latest) {
        issues.add(
          at(m.loc, m.to !== null ? 'to' : 'from'),
          `membership of "${m.faction}" is dated ${written(end)}, after the faction ceased to act as a group (${written(dissolved)})`,
        );
      }
      afterDeath(person.id, m.from, m.loc, 'from', 'the membership');
      afterDeath(person.id, m.to, m.loc, 'to', 'the membership');
    }
    for (const o of person.offices) {
      afterDeath(person.id, o.from, o.loc, 'from', `the office "${o.title}"`);
      afterDeath(person.id, o.to, o.loc, 'to', `the office "${o.title}"`);
    }
  }
  for (const event of dataset.events) {
    if (event.date === null) continue;
    for (const p of event.participants) {
      // The dead can still be the target of an act: a posthumous rehabilitation or denunciation.
      if (p.role !== 'target') afterDeath(p.person, event.date, p.loc, 'person', `taking part as ${p.role} in "${event.id}"`);
    }
  }
  for (const tie of dataset.ties) {
    // The dead can be denounced (the target of a directed tie), as they can be an event's target.
    const ends = tie.directed
      ? ([[tie.a, 'a']] as const)
      : ([
          [tie.a, 'a'],
          [tie.b, 'b'],
        ] as const);
    for (const [person, field] of ends) {
      afterDeath(person, tie.from, tie.loc, field, `the tie "${tie.id}" (from)`);
      afterDeath(person, tie.to, tie.loc, field, `the tie "${tie.id}" (to)`);
    }
  }
}
