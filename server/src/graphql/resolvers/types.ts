/**
 * Field resolvers of the object types. Each returns what the parent already carries and falls
 * back to the batch loaders otherwise (see fetch.ts), so nesting never costs a query per item.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { spanActivity } from '../../../../core/span.js';
import { weakestCertainty } from '../../../../core/vocabulary.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { EventModel, FactionModel, FamilyMembershipsModel, MembershipModel, ParticipationModel, PersonModel, SourceModel } from '../domain-objects.js';
import type { SourceFamily } from '../../../../core/vocabulary.js';
import { citedByFamilies, familiesDisagree, membershipsByFamily } from '../../domain/source-families.js';
import { dateArg, factFilter, periodOf } from '../args.js';
import { changesOf, collectionOf, eventById, factionById, personById, sourceById, statusFrom } from './fetch.js';
import type { Context } from '../context.js';
import { THIN_END_FIELDS } from '../person-projection.js';
import { selectsOnly } from './selection.js';
import { unexpectedData } from '../mapping.js';

/**
 * A tie end, or a person in an analysis answer. When the query fetched only its id and name (persons-full for a selection that
 * asks no more, see person-projection.ts) and this field asks no more either, those answer it;
 * anything else comes from the end's full projection (batched).
 */
export function tieEnd(ctx: Context, info: GraphQLResolveInfo, id: string, name: string | undefined): PersonModel | Promise<PersonModel> {
  if (name === undefined || !selectsOnly(info, THIN_END_FIELDS)) return personById(ctx, id);
  return {
    id,
    name,
    hangul: null,
    hanja: null,
    aliases: [],
    born: null,
    died: null,
    diedCertainty: 'CERTAIN',
    summary: null,
    disambiguation: null,
    citations: [],
    evidence: null,
  };
}

async function participantsOf(ctx: Context, event: EventModel) {
  return event.participants ?? (await eventById(ctx, event.id)).participants ?? [];
}

/** The faction's memberships, read for this request in one batch (the factions table has none). */
async function membershipsOf(ctx: Context, faction: FactionModel): Promise<readonly MembershipModel[]> {
  return (await ctx.loaders.factionMemberships.load(faction.id)) ?? [];
}

async function linksOf(ctx: Context, event: EventModel, direction: 'links' | 'linkedFrom') {
  return event[direction] ?? (await eventById(ctx, event.id))[direction] ?? [];
}

/** The person's memberships grouped by the families of the sources that cite them. */
async function familyRecordsOf(ctx: Context, person: PersonModel): Promise<FamilyMembershipsModel[]> {
  const [memberships, sources] = await Promise.all([collectionOf(ctx, person, 'memberships'), ctx.loaders.sources.all()]);
  return membershipsByFamily(memberships, (sourceId) => sources.get(sourceId)?.family);
}

/**
 * The facts some source of `sourceFamilies` cites (domain/source-families.ts citedByFamilies);
 * without the argument the facts as they are, synchronously when they came so.
 */
export function citedBy<F extends { readonly citations: readonly { readonly sourceId: string }[] }>(
  ctx: Context,
  facts: readonly F[] | Promise<readonly F[]>,
  sourceFamilies: readonly SourceFamily[] | null | undefined,
): readonly F[] | Promise<readonly F[]> {
  const { families } = factFilter(null, sourceFamilies);
  if (families === null) return facts;
  return Promise.all([facts, ctx.loaders.sources.all()]).then(([list, sources]) => citedByFamilies(list, families, (id) => sources.get(id)?.family));
}

/**
 * The participations a person's status is computed from under `sourceFamilies` (those the
 * families cite, as `network` reads them); null without the argument (changesOf then uses
 * whatever the parent carries).
 */
function familyParticipations(
  ctx: Context,
  person: PersonModel,
  sourceFamilies: readonly SourceFamily[] | null | undefined,
): readonly ParticipationModel[] | Promise<readonly ParticipationModel[]> | null {
  return sourceFamilies === null || sourceFamilies === undefined ? null : citedBy(ctx, collectionOf(ctx, person, 'participations'), sourceFamilies);
}

export const typeResolvers: Resolvers = {
  Person: {
    memberships: (person, { sourceFamilies }, ctx) => citedBy(ctx, collectionOf(ctx, person, 'memberships'), sourceFamilies),
    offices: (person, { sourceFamilies }, ctx) => citedBy(ctx, collectionOf(ctx, person, 'offices'), sourceFamilies),
    participations: (person, { sourceFamilies }, ctx) => citedBy(ctx, collectionOf(ctx, person, 'participations'), sourceFamilies),
    ties: (person, { sourceFamilies }, ctx) => citedBy(ctx, collectionOf(ctx, person, 'ties'), sourceFamilies),
    statusChanges: (person, { sourceFamilies }, ctx) => changesOf(ctx, person, familyParticipations(ctx, person, sourceFamilies)),
    evidence: (person) => person.evidence,
    factionsByFamily: (person, _args, ctx) => familyRecordsOf(ctx, person),
    factionsDisagree: async (person, _args, ctx) => familiesDisagree(await familyRecordsOf(ctx, person)),
    status: (person, { at, sourceFamilies }, ctx) => {
      const period = periodOf(dateArg('at', at));
      const changes = changesOf(ctx, person, familyParticipations(ctx, person, sourceFamilies));
      return changes instanceof Promise
        ? changes.then((loaded) => statusFrom(loaded, person.evidence, at, period))
        : statusFrom(changes, person.evidence, at, period);
    },
  },
  PersonStatus: {
    // NOT_ATTESTED was set by no event: silence has no date of its own (see `lastKnown`, `evidence`).
    event: (status, _args, ctx) => {
      const change = status.state === 'NOT_ATTESTED' ? null : status.change;
      if (change === null || change.eventId === null) return null;
      return change.event ?? eventById(ctx, change.eventId);
    },
    since: (status) => (status.state === 'NOT_ATTESTED' ? null : (status.change?.date ?? null)),
  },
  StatusChange: {
    event: (change, _args, ctx) => (change.eventId === null ? null : (change.event ?? eventById(ctx, change.eventId))),
  },
  FamilyMemberships: {
    factions: async (records, _args, ctx) => {
      const all = await ctx.loaders.factions.all();
      const ids = [...new Set(records.memberships.map((m) => m.factionId))];
      return ids.flatMap((id) => all.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    },
  },
  Faction: {
    parent: (faction, _args, ctx) => (faction.parentId === null ? null : factionById(ctx, faction.parentId)),
    subgroups: async (faction, _args, ctx) => {
      const all = await ctx.loaders.factions.all();
      const ids = faction.subgroupIds ?? all.get(faction.id)?.subgroupIds ?? [];
      return ids.flatMap((id) => all.get(id) ?? []);
    },
    memberships: async (faction, { sourceFamilies }, ctx) => citedBy(ctx, await membershipsOf(ctx, faction), sourceFamilies),
    members: async (faction, { at, sourceFamilies }, ctx) => {
      const recorded = await membershipsOf(ctx, faction);
      const memberships = await citedBy(ctx, recorded, sourceFamilies);
      const period = at === null || at === undefined ? null : periodOf(dateArg('at', at));
      const seen = new Set<string>();
      const active = memberships.filter((m) => {
        if (seen.has(m.personId)) return false;
        if (period !== null && spanActivity(m.span, period) === 'NO') return false;
        seen.add(m.personId);
        return true;
      });
      return Promise.all(active.map((m) => m.person ?? personById(ctx, m.personId)));
    },
  },
  Membership: {
    person: (m, _args, ctx) => m.person ?? personById(ctx, m.personId),
    faction: (m, _args, ctx) => m.faction ?? factionById(ctx, m.factionId),
    activeAt: (m, { at }) => spanActivity(m.span, periodOf(dateArg('at', at))),
  },
  Office: {
    activeAt: (office, { at }) => spanActivity(office.span, periodOf(dateArg('at', at))),
  },
  Bound: {
    inferred: (bound) => bound.basis !== 'RECORDED',
  },
  Span: {
    possibleFrom: (span) => span.possible?.earliest ?? null,
    possibleTo: (span) => span.possible?.latest ?? null,
    certainFrom: (span) => span.certain?.earliest ?? null,
    certainTo: (span) => span.certain?.latest ?? null,
  },
  Event: {
    participants: (event, { sourceFamilies }, ctx) => citedBy(ctx, participantsOf(ctx, event), sourceFamilies),
    links: (event, { sourceFamilies }, ctx) => citedBy(ctx, linksOf(ctx, event, 'links'), sourceFamilies),
    linkedFrom: (event, { sourceFamilies }, ctx) => citedBy(ctx, linksOf(ctx, event, 'linkedFrom'), sourceFamilies),
    ledTo: async (event, _args, ctx) => {
      const links = (await linksOf(ctx, event, 'links')).filter((link) => link.type === 'LED_TO');
      return Promise.all(links.map((link) => link.other ?? eventById(ctx, link.toId)));
    },
  },
  EventLink: {
    from: (link, _args, ctx) => (link.other?.id === link.fromId ? link.other : eventById(ctx, link.fromId)),
    to: (link, _args, ctx) => (link.other?.id === link.toId ? link.other : eventById(ctx, link.toId)),
  },
  Participation: {
    person: (p, _args, ctx) => p.person ?? personById(ctx, p.personId),
    event: (p, _args, ctx) => p.event ?? eventById(ctx, p.eventId),
  },
  Tie: {
    source: (tie, _args, ctx, info) => tie.source ?? tieEnd(ctx, info, tie.sourceId, tie.sourceName),
    target: (tie, _args, ctx, info) => tie.target ?? tieEnd(ctx, info, tie.targetId, tie.targetName),
    activeAt: (tie, { at }) => spanActivity(tie.span, periodOf(dateArg('at', at))),
  },
  Citation: {
    // Most clients ask only for the source's id (they list sources once): then no fetch at all.
    // Synchronous when nothing is fetched: a person carries hundreds of citations.
    source: (citation, _args, ctx, info): SourceModel | Promise<SourceModel> => {
      // Only `id` is read from the stub; its other fields are placeholders no answer shows.
      const stub: SourceModel = {
        id: citation.sourceId,
        title: citation.sourceId,
        author: null,
        year: null,
        publication: null,
        kind: null,
        family: 'EDITORIAL',
      };
      // A source the graph lacks is a dangling reference (sourceById throws), not a stub to show.
      return selectsOnly(info, ['id']) ? stub : sourceById(ctx, citation.sourceId);
    },
  },
  NetworkPerson: {
    // network fetches memberships in full whenever its selection names them (resolvers/frames.ts);
    // null here means that check missed a way of selecting them: fail loudly, never answer [].
    memberships: (p) => {
      if (p.memberships === null) throw unexpectedData('network person', p.person.id, 'was fetched without its memberships although they were selected');
      return p.memberships;
    },
  },
  ChainPath: {
    weakestCertainty: (path) => weakestCertainty(path.steps.map((step) => step.certainty)),
    holdsWithCertainOnly: (path) => weakestCertainty(path.steps.map((step) => step.certainty)) === 'CERTAIN',
  },
  // Like a tie end: `person { id name }` is answered from the analysis row, more is fetched (batched).
  PersonScore: {
    person: (score, _args, ctx, info) => tieEnd(ctx, info, score.personId, score.name),
  },
  Community: {
    members: (community, _args, ctx, info) => Promise.all(community.memberIds.map((id) => tieEnd(ctx, info, id, community.names.get(id)))),
  },
  FactionCount: {
    faction: (count, _args, ctx) => factionById(ctx, count.factionId),
  },
  SurvivalCurve: {
    faction: (curve, _args, ctx) => factionById(ctx, curve.factionId),
  },
  TimelinePerson: {
    born: (p) => p.person.born,
    died: (p) => p.person.died,
    evidence: (p) => p.person.evidence,
  },
};
