/**
 * An independent statement of the purge-chain neighbourhood rule, for checking
 * cypher/queries/chain-graph.cypher: given a graph holding a whole component, which events and
 * ties a neighbourhood of `maxSteps` layers around a person must contain.
 */
import type { ChainGraph } from '../../../../server/src/graphql/resolvers/chain-fetch.js';

export interface Expected {
  readonly events: Set<string>;
  readonly ties: Set<string>;
}

export function expectedNeighbourhood(whole: ChainGraph, personId: string, maxSteps: number): Expected {
  const participants = new Map(whole.inputs.map((event) => [event.id, event.participants.map((p) => p.personId)]));
  const linked = new Map<string, Set<string>>(whole.inputs.map((event) => [event.id, new Set()]));
  for (const event of whole.inputs) {
    for (const link of event.links) {
      linked.get(event.id)?.add(link.toId);
      linked.get(link.toId)?.add(event.id);
    }
  }
  const own = (person: string) => whole.inputs.filter((event) => event.participants.some((p) => p.personId === person)).map((event) => event.id);
  const falls = (person: string) => whole.inputs.filter((event) => event.participants.some((p) => p.personId === person && p.role === 'TARGET')).map((event) => event.id);
  const ties = (person: string) => (falls(person).length === 0 ? [] : whole.tieInputs.filter((tie) => tie.sourceId === person || tie.targetId === person));
  const eventsOf = (person: string) => {
    const ids = new Set(own(person));
    for (const id of [...ids]) for (const next of linked.get(id) ?? []) ids.add(next);
    for (const tie of ties(person)) for (const id of falls(tie.sourceId === person ? tie.targetId : tie.sourceId)) ids.add(id);
    return ids;
  };

  const expanded = new Set([personId]);
  let layer = [personId];
  for (let hop = 1; hop < maxSteps; hop += 1) {
    const next = new Set<string>();
    for (const person of layer) for (const id of eventsOf(person)) for (const reached of participants.get(id) ?? []) next.add(reached);
    layer = [...next].filter((person) => !expanded.has(person));
    for (const person of layer) expanded.add(person);
  }
  const expected: Expected = { events: new Set(), ties: new Set() };
  for (const person of expanded) {
    for (const id of eventsOf(person)) expected.events.add(id);
    for (const tie of ties(person)) expected.ties.add(tie.id);
  }
  return expected;
}
