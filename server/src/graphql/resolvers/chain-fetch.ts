/**
 * The bounded neighbourhood purge chains are searched in, fetched in one round trip
 * (cypher/queries/chain-graph.cypher): breadth first from the person, expanding at most
 * maxSteps - 1 layers. A chain of n steps only visits persons within n hops, so the search over
 * this subgraph finds exactly what it would find over the whole purge graph, at a cost that
 * depends on the neighbourhood, not the database.
 */
import type { Database } from '../../db/database.js';
import type { Plain } from '../../db/values.js';
import type { ChainEventInput, ChainTieInput } from '../../domain/chains.js';
import { asList, asProps, citationsOf, str, toEvent, toPerson, toTie } from '../mapping.js';
import type { CitationModel, EventModel, PersonModel, TieModel } from '../domain-objects.js';
import type { SourceFamily } from '../../../../core/vocabulary.js';

export interface ChainGraph {
  readonly personExists: boolean;
  readonly inputs: ChainEventInput<CitationModel>[];
  readonly tieInputs: ChainTieInput<CitationModel>[];
  readonly events: Map<string, EventModel>;
  readonly persons: Map<string, PersonModel>;
  readonly ties: Map<string, TieModel>;
}

function eventInput(item: Plain): { event: EventModel; input: ChainEventInput<CitationModel> } {
  const props = asProps(item);
  const event = toEvent(asProps(props['event']));
  return {
    event,
    input: {
      id: event.id,
      kind: event.kind,
      date: event.date,
      certainty: event.certainty,
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

/** `families`: the source families whose facts make steps (factFilter; null: every family). */
export async function fetchChainGraph(
  db: Pick<Database, 'read'>,
  personId: string,
  maxSteps: number,
  families: readonly SourceFamily[] | null,
): Promise<ChainGraph> {
  const [row] = await db.read('queries/chain-graph', { personId, maxSteps, families });
  const inputs: ChainEventInput<CitationModel>[] = [];
  const events = new Map<string, EventModel>();
  for (const item of asList(row?.['events'])) {
    const { event, input } = eventInput(item);
    inputs.push(input);
    events.set(event.id, event);
  }
  const persons = new Map<string, PersonModel>();
  for (const item of asList(row?.['persons'])) {
    const person = toPerson(asProps(item));
    persons.set(person.id, person);
  }
  const tieInputs = asList(row?.['ties']).map((item) => toTie(asProps(item)));
  const ties = new Map<string, TieModel>();
  for (const tie of tieInputs) {
    const source = persons.get(tie.sourceId);
    const target = persons.get(tie.targetId);
    ties.set(tie.id, { ...tie, ...(source === undefined ? {} : { source }), ...(target === undefined ? {} : { target }) });
  }
  return { personExists: row !== undefined, inputs, tieInputs, events, persons, ties };
}
