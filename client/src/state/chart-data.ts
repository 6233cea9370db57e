/**
 * Series for the factions-over-time chart: free members per faction at mid-year as a band (those
 * known to be members and free, up to those who may be), and people purged per year. Computed
 * from the same prepared frames the network draws, so chart and network always agree under the
 * same filters and the same time rules.
 */
import type { Faction, Timeline } from '../model.js';
import { dayOf } from '../../../core/partial-date.js';
import { yearOf } from './dates.js';
import { computeFrame, type Prepared } from './frame.js';
import { PURGE_STATES } from './status.js';

export interface ChartSeries {
  readonly years: readonly number[];
  readonly members: readonly {
    readonly faction: Faction;
    /** Certainly members then, and certainly free (active or rehabilitated). */
    readonly known: readonly number[];
    /** Possibly members and possibly free: the top of the band (never below `known`). */
    readonly possible: readonly number[];
  }[];
  readonly purges: readonly number[];
}

export function chartSeries(timeline: Timeline, prepared: Prepared, hiddenFactions: readonly string[]): ChartSeries {
  const first = yearOf(timeline.start);
  const last = yearOf(timeline.end);
  const years: number[] = [];
  for (let y = first; y <= last; y += 1) years.push(y);
  const factions = timeline.factions.filter((f) => !hiddenFactions.includes(f.id));
  const index = new Map(factions.map((f, i) => [f.id, i]));
  const known = factions.map(() => years.map(() => 0));
  const possible = factions.map(() => years.map(() => 0));
  years.forEach((year, yi) => {
    const frame = computeFrame(prepared, dayOf(`${year}-07-01`));
    for (const p of frame.persons.values()) {
      if (p.parent === null || p.former || (p.group !== 'active' && p.group !== 'rehabilitated')) continue;
      const fi = index.get(p.parent);
      if (fi === undefined) continue;
      (possible[fi] as number[])[yi] += 1;
      if (p.membershipCertain && p.statusCertain) (known[fi] as number[])[yi] += 1;
    }
  });
  const purges = years.map(() => 0);
  const visible = new Set(prepared.persons.map((p) => p.id));
  for (const person of timeline.persons) {
    if (!visible.has(person.id)) continue;
    for (const change of person.statusChanges) {
      if (!PURGE_STATES.has(change.state)) continue;
      const yi = yearOf(change.date.earliest) - first;
      if (yi >= 0 && yi < purges.length) purges[yi] += 1;
    }
  }
  return { years, members: factions.map((faction, i) => ({ faction, known: known[i] as number[], possible: possible[i] as number[] })), purges };
}
