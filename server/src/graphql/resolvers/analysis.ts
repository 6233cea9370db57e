/**
 * centrality, communities, survival and exposure (docs/analysis.md). The first two run Neo4j
 * Graph Data Science on the network at a date (a projection kept per data revision, see
 * ../analysis.ts); survival and exposure are computed here from the time model in core/, and
 * work on any Neo4j.
 */
import { placeAt } from '../../../../core/span.js';
import { CERTAINTY_RANK } from '../../../../core/vocabulary.js';
import { analyticsUnavailable, isMissingGds, type Projection } from '../../db/graph-catalog.js';
import type { Row } from '../../db/database.js';
import { badInput, notFound } from '../../errors.js';
import { AGREEMENT_METHOD, normalisedMutualInformation } from '../../domain/agreement.js';
import { betweennessScores, degreeScores, pageRankScores } from '../../domain/centrality.js';
import { exposureAt } from '../../domain/exposure.js';
import { kaplanMeier, survivalSubject, type SurvivalSubject } from '../../domain/survival.js';
import { dateArg, factFilter, idArg, idListArg, intArg, optionalDateArg, periodOf, type FactFilter, type Period } from '../args.js';
import type { Context } from '../context.js';
import type { CentralityMeasure, QueryResolvers } from '../generated/resolvers-types.js';
import { asList, asProps, toEvent, toPerson, toPlacementOf, toTie } from '../mapping.js';
import type { CommunityModel, ExposureModel, PersonScoreModel, PlacementModel, TieModel } from '../domain-objects.js';
import { HOSTILE, readSmallNetwork, type SmallNetwork } from '../analysis-network.js';
import { changesFrom } from './fetch.js';

/** Betweenness is exact up to this many people in the network, else estimated from a sample. */
export const EXACT_BETWEENNESS_MAX = 2000;
/**
 * The estimate's budget, in units of (people + relationships) searched: each start point is one
 * breadth-first search over the network, so its start points are this budget divided by the
 * network's size (people plus the projection's relationships, TIE and BOND, counted both ways).
 * At 100k synthetic persons that is 29-44 start points (1962: 93k people, 1.0M relationships:
 * 32), about 1.5 s on one thread here, so a first call stays within 5 s; a network of 10k people
 * gets a few hundred (BENCHMARKS.md, session 10). Chosen with a fixed seed: the same data gives
 * the same answer.
 */
export const BETWEENNESS_BUDGET = 36_000_000;
/** The fewest start points an estimate is made from, whatever the network's size. */
export const BETWEENNESS_MIN_SAMPLE = 16;
/** The most a ranking holds (the largest `limit`): naming every person of a large network would cost more than ranking it. */
export const RANKING_MAX = 10_000;
const SAMPLE_SEED = 42;
/** Leiden's seed: the same data gives the same communities. */
export const LEIDEN_SEED = 42;
/** Beyond this many people in the network, label propagation instead of Leiden (a minute at 100k here). */
export const LEIDEN_MAX = 5_000;
const AGREEMENT = `agreement: ${AGREEMENT_METHOD} between communities and the factions their members were placed in`;
export const COMMUNITY_METHOD = `Leiden (Neo4j Graph Data Science; undirected, unweighted, bond ties only, seed ${LEIDEN_SEED}); ${AGREEMENT}`;
export const LARGE_COMMUNITY_METHOD = `label propagation (Neo4j Graph Data Science; undirected, unweighted, bond ties only, one thread, 10 iterations; used beyond ${LEIDEN_MAX.toLocaleString('en-US')} people, where Leiden is too slow); ${AGREEMENT}`;

/** A missing GDS becomes ANALYTICS_UNAVAILABLE naming the plugin; every other error passes. */
async function withGds<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isMissingGds(error) ? analyticsUnavailable(field, error) : error;
  }
}

function onNetwork<T>(
  ctx: Context,
  field: string,
  revision: string,
  period: Period,
  filter: FactFilter,
  work: (projection: Projection) => Promise<T>,
  small = false,
): Promise<T> {
  const key = { revision, atFrom: period.earliest, atTo: period.latest, minRank: filter.minRank, families: filter.families, hostileKinds: HOSTILE, small };
  return withGds(field, () => ctx.analysis.catalog.use(key, work));
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Appends to the list under `key` (in place: copying it each time is quadratic at 100k). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Best first (equal scores by person id); equal scores share a rank. */
export function rankScores(rows: readonly { personId: string; name: string; score: number }[]): PersonScoreModel[] {
  const sorted = rows
    .map((row) => ({ personId: row.personId, name: row.name, score: round(row.score) }))
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || row.score !== sorted[index - 1]!.score) rank = index + 1;
    return { ...row, rank };
  });
}

function scoreRows(rows: readonly Row[]): { personId: string; name: string; score: number }[] {
  return rows.flatMap((row) =>
    typeof row['personId'] === 'string' && typeof row['score'] === 'number'
      ? [{ personId: row['personId'], name: typeof row['name'] === 'string' ? row['name'] : row['personId'], score: row['score'] }]
      : [],
  );
}

async function centralityScores(ctx: Context, projection: Projection, measure: CentralityMeasure): Promise<PersonScoreModel[]> {
  if (projection.nodeCount === 0) return [];
  const graphName = projection.name;
  const keep = RANKING_MAX;
  if (measure === 'DEGREE') return rankScores(scoreRows(await ctx.db.read('analytics/degree', { graphName, keep })));
  if (measure === 'PAGERANK') return rankScores(scoreRows(await ctx.db.read('analytics/pagerank', { graphName, keep })));
  const samplingSize = betweennessSample(projection.nodeCount, projection.relationshipCount);
  // One thread for the estimate: with GDS's default 4 the same seed drew other start points from
  // run to run (two answers for one 100k network; BENCHMARKS.md, session 10).
  const sampled = samplingSize === null ? {} : { samplingSize, samplingSeed: SAMPLE_SEED, concurrency: 1 };
  // On an undirected projection GDS counts each unordered pair once (the star test pins this).
  return rankScores(scoreRows(await ctx.db.read('analytics/betweenness', { graphName, keep, config: { relationshipTypes: ['TIE'], ...sampled } })));
}

/**
 * How many start points betweenness is estimated from on a network of `people` and
 * `relationships` (BETWEENNESS_BUDGET), or null for the exact answer: up to EXACT_BETWEENNESS_MAX
 * people, or when the budget covers a search from everyone.
 */
export function betweennessSample(people: number, relationships: number): number | null {
  if (people <= EXACT_BETWEENNESS_MAX) return null;
  const affordable = Math.max(BETWEENNESS_MIN_SAMPLE, Math.floor(BETWEENNESS_BUDGET / (people + relationships)));
  return affordable >= people ? null : affordable;
}

/**
 * A ranking computed in the server (domain/centrality.ts, the answers GDS gives), for networks
 * of at most `inProcessMaxPairs` ties (ATLAS_ANALYSIS_IN_PROCESS_PAIRS) and EXACT_BETWEENNESS_MAX
 * people, kept by the network's content (analysis-network.ts): a GDS call's fixed cost
 * (projection, procedure, drop) is most of a first call at the curated size.
 */
function smallCentrality(ctx: Context, revision: string, network: SmallNetwork, filter: FactFilter, measure: CentralityMeasure): Promise<PersonScoreModel[]> {
  const key = JSON.stringify(['centrality-network', revision, filter.minRank, filter.families, measure, network.key]);
  return ctx.analysis.memo(
    key,
    () => {
      const scores = measure === 'DEGREE' ? degreeScores(network) : measure === 'PAGERANK' ? pageRankScores(network) : betweennessScores(network);
      return Promise.resolve(rankScores([...scores].map(([personId, score]) => ({ personId, name: network.names.get(personId) ?? personId, score }))));
    },
    (scores) => scores.length,
  );
}

/** The network at `period` when the server reads it whole (small enough), else null. */
function smallNetwork(ctx: Context, period: Period, filter: FactFilter): Promise<SmallNetwork | null> {
  return readSmallNetwork(ctx, period, filter, ctx.analysis.limits.inProcessMaxPairs);
}

interface CommunityAnswer {
  readonly communities: readonly CommunityModel[];
  readonly agreement: number;
  readonly method: string;
}

/**
 * The faction each person is placed in at `period` (core/span.ts placeAt); absent: none. One
 * read of what placement needs, then placeAt per person: linear in the memberships read.
 * `personIds` null: every person with a membership then (analytics/placements-at, one pass over
 * the memberships: for a large network's 93k members at 100k synthetic persons 1.3 s, against
 * 2.1-2.9 s looking each one up).
 */
async function placements(ctx: Context, personIds: readonly string[] | null, period: Period, filter: FactFilter): Promise<Map<string, string>> {
  const at = { atFrom: period.earliest, atTo: period.latest, ...filter };
  const rows =
    personIds === null ? await ctx.db.read('analytics/placements-at', at) : await ctx.db.read('analytics/placements', { personIds: [...personIds], ...at });
  const byPerson = new Map<string, PlacementModel[]>();
  for (const row of rows) {
    const { personId, placement } = toPlacementOf(row['m']);
    push(byPerson, personId, placement);
  }
  const placed = new Map<string, string>();
  for (const [personId, memberships] of byPerson) {
    const best = placeAt(memberships, period);
    if (best !== null) placed.set(personId, best.factionId);
  }
  return placed;
}

/** Communities as lists of member ids (each sorted, largest first), before they are placed in factions. */
export interface CommunityGroups {
  readonly lists: readonly (readonly string[])[];
  readonly names: ReadonlyMap<string, string>;
  /** Label propagation was used (a network beyond LEIDEN_MAX people). */
  readonly large: boolean;
}

const NO_GROUPS: CommunityGroups = { lists: [], names: new Map(), large: false };

async function detectGroups(ctx: Context, projection: Projection): Promise<CommunityGroups> {
  if (projection.bonds === 0) return NO_GROUPS;
  const large = projection.nodeCount > LEIDEN_MAX;
  const rows = large
    ? await ctx.db.read('analytics/label-propagation', { graphName: projection.name })
    : await ctx.db.read('analytics/leiden', { graphName: projection.name, seed: LEIDEN_SEED });
  const groups = new Map<number, string[]>();
  const names = new Map<string, string>();
  for (const row of rows) {
    const personId = row['personId'];
    const community = row['communityId'];
    if (typeof personId !== 'string' || typeof community !== 'number') continue;
    push(groups, community, personId);
    if (typeof row['name'] === 'string') names.set(personId, row['name']);
  }
  // A person with no bond at the date is alone: in no community.
  const lists = [...groups.values()].filter((members) => members.length >= 2).map((members) => members.sort());
  lists.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  return { lists, names, large };
}

/**
 * The communities of the network at `period`. A small network's are kept by its content
 * (analysis-network.ts), so every date with that network shares one GDS run (and the start-up
 * precompute, analysis-precompute.ts, can run it before anyone asks); a large one is projected
 * for the date.
 */
export async function communityGroups(ctx: Context, revision: string, period: Period, filter: FactFilter): Promise<CommunityGroups> {
  return groupsOf(ctx, revision, period, filter, await smallNetwork(ctx, period, filter));
}

/** `network`: the network at `period` when it is small (read whole), else null. */
function groupsOf(ctx: Context, revision: string, period: Period, filter: FactFilter, network: SmallNetwork | null): Promise<CommunityGroups> {
  if (network === null) return onNetwork(ctx, 'communities', revision, period, filter, (projection) => detectGroups(ctx, projection));
  if (network.bonds === 0) return Promise.resolve(NO_GROUPS);
  return ctx.analysis.memo(
    JSON.stringify(['communities-network', revision, filter.minRank, filter.families, network.key]),
    () => onNetwork(ctx, 'communities', revision, period, filter, (projection) => detectGroups(ctx, projection), true),
    (groups) => groups.lists.reduce((sum, list) => sum + list.length, 0),
  );
}

/**
 * The communities at `period`, each counted by the factions its members are placed in then. A
 * large network's members are placed from every membership at the date, read while GDS projects
 * the network and finds its communities (two reads side by side, not one after the other); a
 * small network's from its members' own memberships once they are known.
 */
async function communitiesAt(ctx: Context, revision: string, period: Period, filter: FactFilter): Promise<CommunityAnswer> {
  const network = await smallNetwork(ctx, period, filter);
  const everyPlacement = network === null ? placements(ctx, null, period, filter) : null;
  // Awaited below once the groups are known; should they fail first, its own outcome is moot.
  everyPlacement?.catch(() => undefined);
  const groups = await groupsOf(ctx, revision, period, filter, network);
  const method = groups.large ? LARGE_COMMUNITY_METHOD : COMMUNITY_METHOD;
  if (groups.lists.length === 0) return { communities: [], agreement: 0, method };
  return placeCommunities(groups, await (everyPlacement ?? placements(ctx, groups.lists.flat(), period, filter)), method);
}

/** Each community counted by the factions its members are placed in (`placed`), and the agreement. */
function placeCommunities(groups: CommunityGroups, placed: ReadonlyMap<string, string>, method: string): CommunityAnswer {
  const pairs: [string, string][] = [];
  const communities = groups.lists.map((memberIds, index): CommunityModel => {
    const id = String(index + 1);
    const counts = new Map<string, number>();
    for (const personId of memberIds) {
      const factionId = placed.get(personId);
      if (factionId === undefined) continue;
      counts.set(factionId, (counts.get(factionId) ?? 0) + 1);
      pairs.push([id, factionId]);
    }
    const factions = [...counts]
      .map(([factionId, count]) => ({ factionId, count }))
      .sort((a, b) => b.count - a.count || a.factionId.localeCompare(b.factionId));
    return { id, memberIds, names: new Map(memberIds.map((personId) => [personId, groups.names.get(personId) ?? personId])), factions };
  });
  return { communities, agreement: round(normalisedMutualInformation(pairs)), method };
}

/**
 * Per faction, the survival subjects of every faction (computed once per revision and filter,
 * whichever factions a call asks for: a subject depends on its own faction's memberships only).
 */
export function survivalSubjectsKept(ctx: Context, revision: string, filter: FactFilter): Promise<Map<string, SurvivalSubject[]>> {
  return ctx.analysis.memo(
    JSON.stringify(['survival-subjects', revision, filter.minRank, filter.families]),
    () => survivalSubjects(ctx, filter),
    (map) => [...map.values()].reduce((sum, list) => sum + list.length, 0),
  );
}

async function survivalSubjects(ctx: Context, filter: FactFilter): Promise<Map<string, SurvivalSubject[]>> {
  const { minRank } = filter;
  const rows = await ctx.db.read('analytics/survival-subjects', { factionIds: null, ...filter });
  const byFaction = new Map<string, SurvivalSubject[]>();
  for (const row of rows) {
    if (row['person'] === null || row['person'] === undefined) continue;
    const person = toPerson(asProps(row['person']));
    const targets = asList(row['targets']).map((e) => toEvent(asProps(e)));
    // Falls and deaths below the asked certainty are left out, like the memberships.
    const changes = changesFrom(person, targets).filter((change) => CERTAINTY_RANK[change.certainty] >= minRank);
    const spans = new Map<string, PlacementModel['span'][]>();
    for (const item of asList(row['memberships'])) {
      const { placement } = toPlacementOf(item);
      push(spans, placement.factionId, placement.span);
    }
    for (const [factionId, factionSpans] of spans) {
      const subject = survivalSubject(person.id, factionSpans, changes, person.evidence?.last.date.latest ?? null);
      if (subject !== null) push(byFaction, factionId, subject);
    }
  }
  return byFaction;
}

export const analysisResolvers: QueryResolvers = {
  centrality: async (_root, { at, measure, minCertainty, sourceFamilies, limit }, ctx) => {
    const period = periodOf(dateArg('at', at));
    const top = intArg('limit', limit, 25, 1, RANKING_MAX);
    const filter = factFilter(minCertainty, sourceFamilies);
    const chosen: CentralityMeasure = measure ?? 'BETWEENNESS';
    const revision = await ctx.analysis.revision();
    const key = JSON.stringify(['centrality', revision, period.earliest, period.latest, filter.minRank, filter.families, chosen]);
    const ranked = await ctx.analysis.memo(
      key,
      async () => {
        // The same answer with or without GDS doing the work, so GDS must be there either way.
        await withGds('centrality', () => ctx.analysis.catalog.available());
        const network = await smallNetwork(ctx, period, filter);
        return network !== null && network.nodes.length <= EXACT_BETWEENNESS_MAX
          ? smallCentrality(ctx, revision, network, filter, chosen)
          : onNetwork(ctx, 'centrality', revision, period, filter, (projection) => centralityScores(ctx, projection, chosen));
      },
      (scores) => scores.length,
    );
    return ranked.slice(0, top);
  },

  communities: async (_root, { at, minCertainty, sourceFamilies }, ctx) => {
    const atDate = dateArg('at', at);
    const period = periodOf(atDate);
    const filter = factFilter(minCertainty, sourceFamilies);
    const revision = await ctx.analysis.revision();
    await primeFactions(ctx, revision);
    const key = JSON.stringify(['communities', revision, period.earliest, period.latest, filter.minRank, filter.families]);
    const answer = await ctx.analysis.memo(
      key,
      async () => {
        // A network with no bond needs no GDS run, but the field answers alike on every Neo4j.
        await withGds('communities', () => ctx.analysis.catalog.available());
        return communitiesAt(ctx, revision, period, filter);
      },
      (result) => result.communities.reduce((sum, c) => sum + c.memberIds.length + c.factions.length, 0),
    );
    return { at: atDate.iso, communities: answer.communities, agreement: answer.agreement, method: answer.method };
  },

  survival: async (_root, { factionIds, from, to, minCertainty, sourceFamilies }, ctx) => {
    const ids = idListArg('factionIds', factionIds);
    const fromDate = optionalDateArg('from', from);
    const toDate = optionalDateArg('to', to);
    if (fromDate !== null && toDate !== null && toDate.latest < fromDate.earliest) throw badInput('to', 'must not be before `from`');
    const filter = factFilter(minCertainty, sourceFamilies);
    const revision = await ctx.analysis.revision();
    await primeFactions(ctx, revision);
    const wanted = ids === null ? null : [...new Set(ids)].sort();
    const window = [fromDate?.earliest ?? null, toDate?.latest ?? null] as const;
    // The subjects are kept per revision and filter; the tables per factions and window too (a sort of every subject each).
    return ctx.analysis.memo(
      JSON.stringify(['survival', revision, filter.minRank, filter.families, wanted, window]),
      async () => {
        const factions = await ctx.loaders.factions.all();
        const unknown = (wanted ?? []).filter((id) => !factions.has(id));
        if (unknown.length > 0) throw badInput('factionIds', `no faction with id ${unknown.map((id) => `"${id}"`).join(', ')}`);
        const subjects = await survivalSubjectsKept(ctx, revision, filter);
        const order = ids ?? [...subjects.keys()].sort((a, b) => (factions.get(a)?.name ?? a).localeCompare(factions.get(b)?.name ?? b));
        return [...new Set(order)].map((factionId) => ({ factionId, points: kaplanMeier(subjects.get(factionId) ?? [], window[0], window[1]) }));
      },
      (curves) => curves.reduce((sum, curve) => sum + curve.points.length, 0),
    );
  },

  exposure: async (_root, { personId, sourceFamilies }, ctx) => {
    const id = idArg('personId', personId);
    const { families } = factFilter(null, sourceFamilies);
    const revision = await ctx.analysis.revision();
    return exposureKept(ctx, revision, id, families);
  },
};

/**
 * The factions table (queries/factions, every faction without its memberships), kept per data
 * revision and handed to this request's loader: communities and survival name the factions they
 * count, and loading the table was most of a first call once the analysis itself was kept.
 */
export async function primeFactions(ctx: Context, revision: string): Promise<void> {
  const table = ctx.analysis.memo(
    JSON.stringify(['factions', revision]),
    () => ctx.loaders.factions.all(),
    (factions) => factions.size,
  );
  ctx.loaders.factions.prime(table);
  await table;
}

/** A person's exposure, kept per revision and source families (NOT_FOUND for an unknown person). */
export function exposureKept(ctx: Context, revision: string, id: string, families: FactFilter['families']): Promise<ExposureModel> {
  return ctx.analysis.memo(
    JSON.stringify(['exposure', revision, id, families]),
    () => exposureOf(ctx, id, id, families), // A tie with its two people and their citations is some kilobytes.
    (answer) => (answer.activeTies.length + 1) * 16,
  );
}

async function exposureOf(ctx: Context, id: string, personId: string, families: FactFilter['families']): Promise<ExposureModel> {
  const [row] = await ctx.db.read('analytics/exposure', { personId: id, families });
  if (row === undefined) throw notFound('personId', `No person with id "${personId}"`);
  const person = toPerson(asProps(row['person']));
  const changes = changesFrom(
    person,
    asList(row['targets']).map((e) => toEvent(asProps(e))),
  );
  const ties = asList(row['ties']).map((value) => {
    const item = asProps(value);
    const otherEnd = toPerson(asProps(item['other']));
    const plain = toTie(asProps(item['tie']));
    const tie: TieModel = plain.sourceId === person.id ? { ...plain, source: person, target: otherEnd } : { ...plain, source: otherEnd, target: person };
    const otherChanges = changesFrom(
      otherEnd,
      asList(item['otherTargets']).map((e) => toEvent(asProps(e))),
    );
    return { tie, span: tie.span, otherChanges };
  });
  const value = exposureAt(changes, ties);
  return {
    person,
    fall: value.fall?.event ?? null,
    fallState: value.fall?.state ?? null,
    share: round(value.share),
    ties: value.exposed,
    activeTies: value.active,
  };
}
