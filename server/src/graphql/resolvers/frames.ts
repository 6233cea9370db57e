/**
 * network (one frame) and timeline (every element with its interval, for local animation).
 * Each is one Cypher round trip; status and faction-at-date are computed here from the rows.
 */
import { badInput } from '../../errors.js';
import { shiftMonths } from '../../../../core/partial-date.js';
import { byPlacement, spanActivity } from '../../../../core/span.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { asList, asProps, toEvent, toFaction, toFullEvent, toMembership, toPerson, toPlacement, toTie, type Props } from '../mapping.js';
import type { Row } from '../../db/database.js';
import type { EventModel, FactionModel, MembershipModel, PersonModel, PlacementModel, TieModel } from '../domain-objects.js';
import { subfields } from './selection.js';
import { dateArg, factFilter, idArg, idListArg, intArg, optionalDateArg, periodOf } from '../args.js';
import { changesFrom, statusFrom } from './fetch.js';

interface FrameRows<M> {
  readonly persons: { person: PersonModel; memberships: M[] }[];
  readonly ties: TieModel[];
  readonly events: EventModel[];
  readonly factions: FactionModel[];
}

/**
 * Shared by network and timeline: both queries return the same row shape. `toMembershipOf` reads
 * a membership map: in full (toMembership) or, for a network that does not select memberships,
 * only what placement needs (toPlacement).
 */
function frameRows<M extends PlacementModel>(row: Row | undefined, factionIdsArg: readonly string[] | null, toMembershipOf: (props: Props) => M): FrameRows<M> {
  const unknown = asList(row?.['unknownFactionIds']).filter((id): id is string => typeof id === 'string');
  if (row === undefined || unknown.length > 0)
    throw badInput('factionIds', `no faction with id ${unknown.map((id) => `"${id}"`).join(', ') || String(factionIdsArg)}`);
  const factions = asList(row['factions']).map((f) => toFaction(asProps(f)));
  const factionById = new Map(factions.map((f) => [f.id, f]));
  const persons = asList(row['persons']).map((item) => {
    const props = asProps(item);
    const targets = asList(props['targets']).map((t) => toEvent(asProps(asProps(t)['event'])));
    const person: PersonModel = { ...toPerson(asProps(props['person'])), targets };
    const memberships = asList(props['memberships']).map((m) => {
      const membership = toMembershipOf(asProps(m));
      const faction = factionById.get(membership.factionId);
      return { ...membership, person, ...(faction === undefined ? {} : { faction }) };
    });
    return { person, memberships };
  });
  const personById = new Map(persons.map((p) => [p.person.id, p.person]));
  const ties = asList(row['ties']).map((t) => {
    const tie = toTie(asProps(t));
    return { ...tie, source: personById.get(tie.sourceId) ?? tie.source, target: personById.get(tie.targetId) ?? tie.target };
  });
  const events = asList(row['events']).map((e) => {
    const props = asProps(e);
    const event = toFullEvent({ event: props, participants: props['participants'] ?? [] });
    // The query leaves out participants already in `persons`; fill them in from there.
    const participants = event.participants?.map((p) => (p.person !== undefined ? p : { ...p, ...withPerson(personById.get(p.personId)) }));
    return participants === undefined ? event : { ...event, participants };
  });
  return { persons, ties, events, factions };
}

const isMembership = (m: PlacementModel | MembershipModel): m is MembershipModel => 'citations' in m;

function withPerson(person: PersonModel | undefined): { person?: PersonModel } {
  return person === undefined ? {} : { person };
}

/** network's page size: the default `first` (as in server/schema.graphql) and the largest allowed. */
export const NETWORK_PAGE = { first: 100, max: 2000 } as const;

export const frameResolvers: QueryResolvers = {
  network: async (_root, { at, factionIds, minCertainty, sourceFamilies, windowMonths, first, after }, ctx, info) => {
    const atDate = dateArg('at', at);
    const period = periodOf(atDate);
    const window = intArg('windowMonths', windowMonths, 6, 0, 120);
    const ids = idListArg('factionIds', factionIds);
    const pageSize = intArg('first', first, NETWORK_PAGE.first, 1, NETWORK_PAGE.max);
    // The cursor is the last person id of the previous page; '' starts at the beginning.
    const afterId = after === null || after === undefined ? '' : idArg('after', after);
    const windowFrom = shiftMonths(period.earliest, -window);
    const windowTo = shiftMonths(period.latest, window);
    // Memberships in full (bounds, dates, citations) only when the answer shows them: placing a
    // person in a faction reads a fraction of each, and the rest doubled what Neo4j sent.
    const fullMemberships = subfields(info.fragments, subfields(info.fragments, info.fieldNodes).get('persons') ?? []).has('memberships');
    const [row] = await ctx.db.read('queries/network', {
      atFrom: period.earliest,
      atTo: period.latest,
      factionIds: ids,
      ...factFilter(minCertainty, sourceFamilies),
      windowFrom,
      windowTo,
      after: afterId,
      first: pageSize,
      fullMemberships,
    });
    const frame = fullMemberships
      ? frameRows<PlacementModel | MembershipModel>(row, ids, toMembership)
      : frameRows<PlacementModel | MembershipModel>(row, ids, toPlacement);
    if (row?.['afterKnown'] !== true) throw badInput('after', `no person with id "${afterId}" (pass pageInfo.endCursor of the previous page)`);
    return {
      at: atDate.iso,
      windowFrom,
      windowTo,
      persons: frame.persons.map(({ person, memberships }) => {
        // Only memberships active at `at` (the query may return more), ranked as core/span.ts placeAt ranks them.
        const sorted = memberships.filter((m) => spanActivity(m.span, period) !== 'NO').sort(byPlacement<string, PlacementModel | MembershipModel>(period));
        return {
          person,
          status: statusFrom(changesFrom(person, person.targets ?? []), person.evidence, atDate.iso, period),
          faction: sorted[0]?.faction ?? null,
          memberships: fullMemberships ? sorted.filter(isMembership) : null,
        };
      }),
      factions: frame.factions,
      ties: frame.ties,
      events: frame.events,
      pageInfo: { hasNextPage: row['hasNextPage'] === true, endCursor: frame.persons[frame.persons.length - 1]?.person.id ?? null },
    };
  },

  timeline: async (_root, { from, to, factionIds, minCertainty, sourceFamilies }, ctx) => {
    const fromDate = optionalDateArg('from', from);
    const toDate = optionalDateArg('to', to);
    if (fromDate !== null && toDate !== null && toDate.latest < fromDate.earliest) throw badInput('to', 'must not be before `from`');
    const ids = idListArg('factionIds', factionIds);
    const [row] = await ctx.db.read('queries/timeline', {
      from: fromDate?.earliest ?? null,
      to: toDate?.latest ?? null,
      factionIds: ids,
      ...factFilter(minCertainty, sourceFamilies),
    });
    const frame = frameRows(row, ids, toMembership);
    const days = frame.events.flatMap((e) => [e.date.earliest, e.date.latest]).sort();
    return {
      from: fromDate?.earliest ?? days[0] ?? '0001-01-01',
      to: toDate?.latest ?? days[days.length - 1] ?? '9999-12-31',
      persons: frame.persons.map(({ person, memberships }) => ({
        person,
        statusChanges: changesFrom(person, person.targets ?? []),
        memberships,
      })),
      factions: frame.factions,
      ties: frame.ties,
      events: frame.events,
    };
  },
};
