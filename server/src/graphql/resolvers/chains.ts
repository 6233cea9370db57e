/** purgeChain, purgersPurged and connection: whose fall led to whose, and who links whom. */
import type { Plain } from '../../db/values.js';
import { badInput } from '../../errors.js';
import { buildSteps, findChains, purgerFall, type NodeRef } from '../../domain/chains.js';
import { mayFallWithin } from '../../../../core/span.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { asList, asProps, toParticipation, toPerson, toTie } from '../mapping.js';
import type { ChainNodeModel, ChainPathModel, ParticipationModel, PurgerPurgedModel } from '../domain-objects.js';
import { dateArg, factFilter, idArg, intArg, optionalDateArg, periodOf } from '../args.js';
import { fetchChainGraph } from './chain-fetch.js';
import { personById } from './fetch.js';

export const chainResolvers: QueryResolvers = {
  purgeChain: async (_root, { personId, direction, maxSteps, windowMonths, limit, sourceFamilies }, ctx) => {
    const id = idArg('personId', personId);
    const steps = intArg('maxSteps', maxSteps, 4, 1, 8);
    const window = intArg('windowMonths', windowMonths, 24, 1, 120);
    const top = intArg('limit', limit, 20, 1, 200);
    const graph = await fetchChainGraph(ctx.db, id, steps, factFilter(null, sourceFamilies).families);
    if (!graph.personExists) throw badInput('personId', `no person with id "${personId}"`);
    const { events, persons, ties } = graph;

    const paths = findChains(buildSteps(graph.inputs, graph.tieInputs, window), { personId: id, direction: direction ?? 'BOTH', maxSteps: steps, limit: top });
    const node = async (ref: NodeRef): Promise<ChainNodeModel> => ({
      person: persons.get(ref.personId) ?? (await personById(ctx, ref.personId)),
      event: events.get(ref.eventId)!,
      role: ref.role,
    });
    return Promise.all(
      paths.map(async (path, index): Promise<ChainPathModel> => ({
        rank: index + 1,
        score: Math.round(path.score * 10_000) / 10_000,
        steps: await Promise.all(
          path.steps.map(async (step) => ({
            kind: step.kind,
            from: await node(step.from),
            to: await node(step.to),
            linkType: step.linkType,
            tie: step.tieId === null ? null : (ties.get(step.tieId) ?? null),
            date: step.to.date,
            gapDays: step.gapDays,
            certainty: step.certainty,
            weight: Math.round(step.weight * 10_000) / 10_000,
            citations: step.citations,
          })),
        ),
        persons: await Promise.all(path.persons.map((pid) => persons.get(pid) ?? personById(ctx, pid))),
        from: path.steps[0]!.from.date,
        to: path.steps[path.steps.length - 1]!.to.date,
      })),
    );
  },

  purgersPurged: async (_root, { from, to, sourceFamilies }, ctx) => {
    const fromDate = optionalDateArg('from', from);
    const toDate = optionalDateArg('to', to);
    const range = { earliest: fromDate?.earliest ?? '0001-01-01', latest: toDate?.latest ?? '9999-12-31' };
    if (range.latest < range.earliest) throw badInput('to', 'must not be before `from`');
    const rows = await ctx.db.read('queries/purgers-purged', { families: factFilter(null, sourceFamilies).families });
    const found: PurgerPurgedModel[] = [];
    for (const row of rows) {
      const person = toPerson(asProps(row['person']));
      const asFall = (item: Plain) => {
        const p = toParticipation(asProps(item));
        const withPerson: ParticipationModel = { ...p, person };
        return { eventId: p.eventId, kind: p.event?.kind ?? '', date: p.event!.date, item: withPerson };
      };
      const result = purgerFall(asList(row['acts']).map(asFall), asList(row['falls']).map(asFall));
      if (result !== null && mayFallWithin(result.fall.event!.date, range)) found.push({ person, acts: result.acts, fall: result.fall });
    }
    return found.sort((a, b) => a.fall.event!.date.earliest.localeCompare(b.fall.event!.date.earliest) || a.person.id.localeCompare(b.person.id));
  },

  connection: async (_root, { fromId, toId, at, minCertainty, maxHops, sourceFamilies }, ctx) => {
    const a = idArg('fromId', fromId);
    const b = idArg('toId', toId);
    const atDate = dateArg('at', at);
    const hops = intArg('maxHops', maxHops, 6, 1, 10);
    if (a === b) {
      const person = await ctx.loaders.persons.load(a);
      if (person === null) throw badInput('fromId', `no person with id "${fromId}"`);
      return { at: atDate.iso, persons: [person], ties: [], hops: 0 };
    }
    const period = periodOf(atDate);
    const [row] = await ctx.db.read('queries/connection', {
      fromId: a,
      toId: b,
      atFrom: period.earliest,
      atTo: period.latest,
      ...factFilter(minCertainty, sourceFamilies),
    });
    if (row === undefined || row['fromExists'] !== true) throw badInput('fromId', `no person with id "${fromId}"`);
    if (row['toExists'] !== true) throw badInput('toId', `no person with id "${toId}"`);
    const persons = asList(row['persons']).map((p) => toPerson(asProps(p)));
    const byId = new Map(persons.map((p) => [p.id, p]));
    const ties = asList(row['ties']).map((t) => {
      const tie = toTie(asProps(t));
      return { ...tie, source: byId.get(tie.sourceId), target: byId.get(tie.targetId) };
    });
    if (persons.length === 0 || ties.length > hops) return null;
    return { at: atDate.iso, persons, ties, hops: ties.length };
  },
};
