/**
 * The bounded neighbourhood purge chains are searched in: hop by hop from the person
 * (cypher/queries/chain-hop.cypher), each hop expanding only the persons the previous one
 * reached, at most maxSteps hops, all in one read transaction. A chain of n steps only visits
 * persons within n hops, so the search over this subgraph finds exactly what it would find over
 * the whole purge graph, at a cost that depends on the neighbourhood, not the database.
 */
import type { QueryRunner } from '../../db/database.js';
import type { ChainEventInput, ChainTieInput } from '../../domain/chains.js';
import { asList, asProps, citationsOf, str, toEvent, toPerson, toTie } from '../mapping.js';
import type { CitationModel, EventModel, PersonModel, TieModel } from '../models.js';

export interface ChainGraph {
  readonly personExists: boolean;
  readonly inputs: ChainEventInput<CitationModel>[];
  readonly tieInputs: ChainTieInput<CitationModel>[];
  readonly events: Map<string, EventModel>;
  readonly persons: Map<string, PersonModel>;
  readonly ties: Map<string, TieModel>;
}

function eventInput(item: unknown): { event: EventModel; input: ChainEventInput<CitationModel> } {
  const props = asProps(item as never);
  const event = toEvent(asProps(props['event']));
  return {
    event,
    input: {
      id: event.id, kind: event.kind, date: event.date, certainty: event.certainty,
      participants: asList(props['participants']).map((p) => {
        const part = asProps(p);
        return { personId: str(part, 'personId'), role: str(part, 'role'), citations: citationsOf(part['citations']) };
      }),
      links: asList(props['links']).map((l) => {
        const link = asProps(l);
        return { type: str(link, 'type'), toId: str(link, 'toId'), citations: citationsOf(link['citations']) };
      }),
    },
  };
}

export async function fetchChainGraph(tx: QueryRunner, personId: string, maxSteps: number): Promise<ChainGraph> {
  const inputs = new Map<string, ChainEventInput<CitationModel>>();
  const events = new Map<string, EventModel>();
  const persons = new Map<string, PersonModel>();
  const tieModels = new Map<string, TieModel>();
  const expanded = new Set<string>([personId]);
  let frontier = [personId];
  let personExists = false;
  for (let hop = 0; hop < maxSteps && frontier.length > 0; hop += 1) {
    const [row] = await tx.run('queries/chain-hop', { personIds: frontier });
    if (hop === 0) personExists = asList(row?.['found']).length > 0;
    if (!personExists) break;
    const reached = new Set<string>();
    for (const item of asList(row?.['events'])) {
      const { event, input } = eventInput(item);
      if (inputs.has(event.id)) continue;
      inputs.set(event.id, input);
      events.set(event.id, event);
      for (const p of input.participants) reached.add(p.personId);
    }
    for (const item of asList(row?.['ties'])) {
      const tie = toTie(asProps(item));
      if (tieModels.has(tie.id)) continue;
      tieModels.set(tie.id, tie);
      reached.add(tie.sourceId);
      reached.add(tie.targetId);
    }
    for (const item of asList(row?.['persons'])) {
      const person = toPerson(asProps(item));
      if (!persons.has(person.id)) persons.set(person.id, person);
    }
    frontier = [...reached].filter((id) => !expanded.has(id));
    for (const id of frontier) expanded.add(id);
  }
  const ties = new Map<string, TieModel>();
  for (const tie of tieModels.values()) {
    const source = persons.get(tie.sourceId);
    const target = persons.get(tie.targetId);
    ties.set(tie.id, { ...tie, ...(source === undefined ? {} : { source }), ...(target === undefined ? {} : { target }) });
  }
  return { personExists, inputs: [...inputs.values()], tieInputs: [...tieModels.values()], events, persons, ties };
}
