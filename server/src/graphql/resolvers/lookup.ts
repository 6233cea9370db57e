/** Root fields that look things up: search, person, event, factions, sources, events. */
import { badInput, notFound } from '../../errors.js';
import { rankCandidates, searchParams } from '../../domain/search.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { asProps, toFullEvent, toPerson } from '../mapping.js';
import type { Context } from '../context.js';
import type { PersonModel, SearchMatchModel } from '../domain-objects.js';
import { factFilter, idArg, intArg, optionalDateArg } from '../args.js';
import { personProjection } from '../person-projection.js';

const MAX_SEARCH_TEXT = 200;

async function searchPersons(ctx: Context, text: string, limitArg: number | null | undefined): Promise<SearchMatchModel[]> {
  const limit = intArg('limit', limitArg, 10, 1, 100);
  if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `must be at most ${MAX_SEARCH_TEXT} characters`);
  const params = searchParams(text, limit);
  if (params === null) throw badInput('text', 'give at least one letter or digit of a name');
  // One round trip: full-text candidates (exact pass, fuzzy only when that finds too few); ranking is ours.
  const rows = await ctx.db.read('queries/search', params);
  const candidates = rows.map((row) => {
    const person = toPerson(asProps(row['person']));
    const forms = [person.name, ...person.aliases, person.hangul ?? '', person.hanja ?? ''].filter((form) => form !== '');
    const degree = row['degree'];
    return { id: person.id, name: person.name, forms, prominence: typeof degree === 'number' ? degree : 0, person };
  });
  return rankCandidates(text, candidates, limit).map((ranked) => ({
    person: ranked.candidate.person,
    score: Math.round(ranked.score * 1000) / 1000,
    matched: ranked.form,
    how: ranked.how,
  }));
}

export const lookupResolvers: QueryResolvers = {
  search: async (_root, { text, limit }, ctx) => (await searchPersons(ctx, text, limit)).map((match) => match.person),
  searchMatches: (_root, { text, limit }, ctx) => searchPersons(ctx, text, limit),

  person: async (_root, { id }, ctx, info): Promise<PersonModel> => {
    // Only the collections the selection reads (person-projection.ts), still one round trip.
    const person = await ctx.loaders.personsWith(personProjection(info.fragments, info.fieldNodes)).load(idArg('id', id));
    if (person === null) throw notFound('id', `No person with id "${id}"`);
    return person;
  },

  event: async (_root, { id }, ctx) => {
    const event = await ctx.loaders.events.load(idArg('id', id));
    if (event === null) throw notFound('id', `No event with id "${id}"`);
    return event;
  },

  factions: async (_root, _args, ctx) => [...(await ctx.loaders.factions.all()).values()],

  sources: async (_root, _args, ctx) => [...(await ctx.loaders.sources.all()).values()],

  events: async (_root, { from, to, kinds, personId, sourceFamilies }, ctx) => {
    const fromDate = optionalDateArg('from', from);
    const toDate = optionalDateArg('to', to);
    if (fromDate !== null && toDate !== null && toDate.latest < fromDate.earliest) throw badInput('to', 'must not be before `from`');
    const person = personId === null || personId === undefined ? null : idArg('personId', personId);
    const [row] = await ctx.db.read('queries/events', {
      from: fromDate?.earliest ?? null,
      to: toDate?.latest ?? null,
      kinds: kinds === null || kinds === undefined ? null : [...kinds],
      personId: person,
      families: factFilter(null, sourceFamilies).families,
    });
    if (row === undefined || row['personExists'] !== true) throw badInput('personId', `no person with id "${personId}"`);
    const events = (Array.isArray(row['events']) ? row['events'] : []).map((item) => toFullEvent(asProps(item)));
    for (const event of events) ctx.loaders.events.prime(event.id, event);
    return events;
  },
};
