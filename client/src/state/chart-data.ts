/**
 * Series for the factions-over-time chart: free members per faction at mid-year as a band (those
 * known to be members and free, up to those who may be), and people purged per year. Computed
 * from the same prepared frames the network draws, so chart and network always agree under the
 * same filters and the same time rules.
 */
import type { Faction, Timeline } from '../timeline-types.js';
import { dayOf } from '../../../core/partial-date.js';
import { yearOf } from './dates.js';
import { computeFrame, factionShown, personAt, type Prepared } from './frame.js';
import { PURGE_STATES } from './status-groups.js';

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

export function chartSeries(timeline: Timeline, prepared: Prepared): ChartSeries {
  const first = yearOf(timeline.start);
  const last = yearOf(timeline.end);
  const years: number[] = [];
  for (let y = first; y <= last; y += 1) years.push(y);
  const factions = timeline.factions.filter((f) => !prepared.hiddenFactions.has(f.id));
  const index = new Map(factions.map((f, i) => [f.id, i]));
  const known = factions.map(() => years.map(() => 0));
  const possible = factions.map(() => years.map(() => 0));
  years.forEach((year, yi) => {
    const frame = computeFrame(prepared, dayOf(`${year}-07-01`));
    for (const p of frame.persons.values()) {
      if (p.parent === null || p.former || (p.group !== 'active' && p.group !== 'rehabilitated')) continue;
      const fi = index.get(p.parent);
      if (fi === undefined) continue;
      const possibleRow = possible[fi];
      const knownRow = known[fi];
      if (possibleRow === undefined || knownRow === undefined) continue;
      possibleRow[yi] = (possibleRow[yi] ?? 0) + 1;
      if (p.membershipCertain && p.statusCertain) knownRow[yi] = (knownRow[yi] ?? 0) + 1;
    }
  });
  // A fall counts when the filters let its event through (prepared changes) and would show the
  // person on that day: same faction and no-faction filters and the same core/ placement as the
  // network. "Hide the dead" is not applied, since the fall is what makes them gone.
  const purges = years.map(() => 0);
  for (const person of prepared.persons) {
    for (const change of person.changes) {
      if (!PURGE_STATES.has(change.state)) continue;
      const seen = personAt(person, change.date.earliest, prepared.factionEnds);
      if (seen === null || !factionShown(prepared, seen)) continue;
      const yi = yearOf(change.date.earliest) - first;
      if (yi >= 0 && yi < purges.length) purges[yi] = (purges[yi] ?? 0) + 1;
    }
  }
  return { years, members: factions.map((faction, i) => ({ faction, known: known[i] as number[], possible: possible[i] as number[] })), purges };
}

export interface ChartTable {
  readonly headers: readonly string[];
  /** One row per year: the year, then each faction's free members, then people purged. */
  readonly rows: readonly { readonly year: number; readonly cells: readonly string[] }[];
}

/**
 * The chart as a table, the same series in words: a band reads "3–5" (3 known, up to 5
 * possible), a certain count reads "4".
 */
export function chartTable(series: ChartSeries): ChartTable {
  const headers = ['Year', ...series.members.map((m) => `${m.faction.name}, free members`), 'People purged'];
  const rows = series.years.map((year, yi) => ({
    year,
    cells: [
      String(year),
      ...series.members.map((m) => {
        const known = m.known[yi] ?? 0;
        const possible = m.possible[yi] ?? 0;
        return possible > known ? `${known}–${possible}` : String(known);
      }),
      String(series.purges[yi] ?? 0),
    ],
  }));
  return { headers, rows };
}
