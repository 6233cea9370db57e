/**
 * Fills what a parent model lacks through the request's batch loaders. A reference that points
 * nowhere (an id the graph does not hold) is a data error (mapping.ts danglingReference):
 * masked as INTERNAL_SERVER_ERROR, logged with the id.
 */
import { danglingReference as dangling, unexpectedData } from '../mapping.js';
import { affectsStatus, statusChanges, statusAt } from '../../../../core/status.js';
import type { Range } from '../../../../core/span.js';
import type { Context } from '../context.js';
import type {
  EventModel,
  EvidenceModel,
  FactionModel,
  ParticipationModel,
  PersonDetails,
  PersonModel,
  SourceModel,
  StatusChangeModel,
  StatusModel,
} from '../domain-objects.js';

export async function personById(ctx: Context, id: string): Promise<PersonModel> {
  const person = await ctx.loaders.persons.load(id);
  if (person === null) throw dangling('person', id);
  return person;
}

export async function eventById(ctx: Context, id: string): Promise<EventModel> {
  const event = await ctx.loaders.events.load(id);
  if (event === null) throw dangling('event', id);
  return event;
}

export async function factionById(ctx: Context, id: string): Promise<FactionModel> {
  const faction = await ctx.loaders.factions.get(id);
  if (faction === null) throw dangling('faction', id);
  return faction;
}

export async function sourceById(ctx: Context, id: string): Promise<SourceModel> {
  const source = await ctx.loaders.sources.get(id);
  if (source === null) throw dangling('source', id);
  return source;
}

export type PersonCollections = Required<PersonDetails>;

/**
 * One collection of the person: the parent's own when its query fetched it (synchronously: no
 * promise per field), else the person's full projection through the batch loader. A person
 * loaded with a narrower projection is never in that loader, so it cannot answer for more.
 */
export function collectionOf<K extends keyof PersonCollections>(
  ctx: Context,
  person: PersonModel,
  name: K,
): PersonCollections[K] | Promise<PersonCollections[K]> {
  const details: Partial<PersonCollections> | undefined = person.details;
  const carried: PersonCollections[K] | undefined = details?.[name];
  if (carried !== undefined) return carried;
  return personById(ctx, person.id).then((full) => {
    const loadedDetails: Partial<PersonCollections> | undefined = full.details;
    const loaded: PersonCollections[K] | undefined = loadedDetails?.[name];
    if (loaded === undefined) throw unexpectedData('person', person.id, `came from the full projection without its ${name}`);
    return loaded;
  });
}

/** The events that set the person's status, from whichever projection the parent carries. */
function targetEvents(participations: readonly ParticipationModel[]): EventModel[] {
  return participations.flatMap((p) => (p.event !== undefined && affectsStatus(p.role, p.event.kind) ? [p.event] : []));
}

export function changesFrom(person: PersonModel, events: readonly EventModel[]): StatusChangeModel[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  // The events that reversed a target came with it: a restored status needs no second query.
  const reversing = new Map(events.flatMap((event) => (event.reversedBy ?? []).map((r) => [r.eventId, r.event] as const)));
  // One event may come twice (a person both TARGET and PARTICIPANT); it changes status once.
  const inputs = [...byId.values()].map((event) => ({
    eventId: event.id,
    kind: event.kind,
    date: event.date,
    certainty: event.certainty,
    reversedBy: event.reversedBy ?? [],
  }));
  return statusChanges<string, EventModel['date']>(inputs, person.died, person.diedCertainty).map((change): StatusChangeModel => {
    const event = change.eventId === null ? undefined : (byId.get(change.eventId) ?? reversing.get(change.eventId));
    return event === undefined ? change : { ...change, event };
  });
}

/**
 * The person's status changes; synchronous when the parent carries what they are computed from.
 * `only`: the participations to compute them from (Person.status under `sourceFamilies`),
 * instead of the parent's targets or all of the person's participations.
 */
export function changesOf(
  ctx: Context,
  person: PersonModel,
  only: readonly ParticipationModel[] | Promise<readonly ParticipationModel[]> | null = null,
): StatusChangeModel[] | Promise<StatusChangeModel[]> {
  if (only === null && person.targets !== undefined) return changesFrom(person, person.targets);
  const participations = only ?? collectionOf(ctx, person, 'participations');
  return participations instanceof Promise
    ? participations.then((loaded) => changesFrom(person, targetEvents(loaded)))
    : changesFrom(person, targetEvents(participations));
}

/** The status rule of core/status.ts, with the person's evidence as the API carries it. */
export function statusFrom(changes: readonly StatusChangeModel[], evidence: EvidenceModel | null, at: string, period: Range<string>): StatusModel {
  const span = evidence === null ? null : { first: evidence.first.date, last: evidence.last.date, fadesAfter: evidence.fadesAfter };
  return { at, ...statusAt(changes, span, period), evidence };
}
