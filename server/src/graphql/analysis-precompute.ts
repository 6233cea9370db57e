/**
 * Readies the analysis answers of the data in the background, once the server listens and again
 * after every new data revision (AnalysisService.keepReady), so that a first call at a new date
 * finds the costly part kept:
 * - the factions table that communities and survival name (resolvers/analysis.ts primeFactions);
 * - survival: the subjects of every faction, at each minimum certainty (one query each);
 * - exposure: every person's, when there are at most `maxDates` persons;
 * - communities: the GDS run of every distinct network (analysis-network.ts: answers are kept by
 *   the network's content), at each minimum certainty, when the data holds at most
 *   ATLAS_ANALYSIS_IN_PROCESS_PAIRS ties in all (every network is then read whole; a larger
 *   one would cost a projection per date, not per network), found by asking at the days on which the
 *   network may change (a tie's span starts, or ends the day before) and at the months and years
 *   holding such a day. Any other date's network is one of these: between two such days nothing
 *   changes, and a month or year without one is the network of any of its days.
 * All for every source family (no family filter, the explorer's default). Bounded: at most
 * `maxDates` dates per certainty; what it computes lives in the analysis cache like any answer
 * (ATLAS_ANALYSIS_CACHE_MB, least recently used out first). Sequential: one query at a time.
 */
import { parseExactDate } from '../../../core/partial-date.js';
import { factFilter, periodOf } from './args.js';
import type { Context } from './context.js';
import { communityGroups, exposureKept, primeFactions, survivalSubjectsKept } from './resolvers/analysis.js';

export interface PrecomputeReport {
  readonly revision: string;
  readonly dates: number;
  readonly persons: number;
  /** False when a newer revision (or the app stopping) cut the run short. */
  readonly complete: boolean;
}

const texts = (rows: readonly Record<string, unknown>[], column: string): string[] =>
  rows.flatMap((row) => (typeof row[column] === 'string' ? [row[column]] : []));

/** The dates to ask at: change days, then the months and years holding one (each once, in order). */
export function precomputeDates(changeDays: readonly string[]): string[] {
  const months = new Set(changeDays.map((day) => day.slice(0, 7)));
  const years = new Set(changeDays.map((day) => day.slice(0, 4)));
  return [...changeDays, ...[...months].sort(), ...[...years].sort()];
}

export async function precomputeAnalysis(ctx: Context, maxDates: number, isCurrent: (revision: string) => boolean): Promise<PrecomputeReport> {
  const revision = await ctx.analysis.revision();
  const report = (dates: number, persons: number, complete: boolean): PrecomputeReport => ({ revision, dates, persons, complete });
  if (maxDates === 0) return report(0, 0, true);
  // The explorer's default first: every certainty from POSSIBLE up, then the stricter ones.
  await primeFactions(ctx, revision);
  const filters = (['POSSIBLE', 'PROBABLE', 'CERTAIN'] as const).map((certainty) => factFilter(certainty, null));
  for (const filter of filters) {
    if (!isCurrent(revision)) return report(0, 0, false);
    await survivalSubjectsKept(ctx, revision, filter);
  }
  const personRows = await ctx.db.read('analytics/person-ids', { max: maxDates });
  let persons = 0;
  if (personRows.length <= maxDates) {
    for (const id of texts(personRows, 'id')) {
      if (!isCurrent(revision)) return report(0, persons, false);
      await exposureKept(ctx, revision, id, null);
      persons += 1;
    }
  }
  const [count] = await ctx.db.read('analytics/tie-count');
  const ties = typeof count?.['ties'] === 'number' ? count['ties'] : Infinity;
  if (ties > ctx.analysis.limits.inProcessMaxPairs) return report(0, persons, true);
  const dayRows = await ctx.db.read('analytics/network-dates', { max: maxDates });
  const dates = precomputeDates(texts(dayRows, 'day').slice(0, maxDates)).slice(0, maxDates);
  let asked = 0;
  for (const filter of filters) {
    for (const date of dates) {
      if (!isCurrent(revision)) return report(asked, persons, false);
      const parsed = parseExactDate(date);
      if (!parsed.ok) continue;
      await communityGroups(ctx, revision, periodOf(parsed.value), filter);
      asked += 1;
    }
  }
  return report(asked, persons, true);
}
