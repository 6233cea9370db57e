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
  const falls = (person: string) =>
    whole.inputs.filter((event) => event.participants.some((p) => p.personId === person && p.role === 'TARGET')).map((event) => event.id);
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

/** A chain step as the API returns it, reduced to what the rule speaks of. */
export interface RuleStep {
  readonly kind: string;
  readonly from: { readonly person: string; readonly event: string; readonly role: string; readonly earliest: string; readonly latest: string };
  readonly to: { readonly person: string; readonly event: string; readonly role: string; readonly earliest: string; readonly latest: string };
}

/**
 * The chain rule, stated independently of server/src/domain/chains.ts: a chain is a sequence of
 * falls of different people in date order. Returns what a path breaks (empty when it holds):
 * - every step joins two different people and ends at a fall (a TARGET);
 * - every step starts at a fall or an act (TARGET, ACCUSER, INSTIGATOR);
 * - no date goes back: along the path, neither bound of an event's date lies before the
 *   previous one's (a step's start comes no earlier than where the path reached that person);
 * - consecutive steps meet at one person, and nobody is reached twice.
 */
export function chainRuleBreaches(steps: readonly RuleStep[]): string[] {
  const breaches: string[] = [];
  const before = (a: RuleStep['from'], b: RuleStep['from']) => b.earliest < a.earliest || b.latest < a.latest;
  const reached = new Set<string>();
  steps.forEach((step, i) => {
    const at = `step ${i + 1}`;
    if (step.from.person === step.to.person) breaches.push(`${at}: ${step.from.person} to themself`);
    if (step.to.role !== 'TARGET') breaches.push(`${at}: ends at a ${step.to.role}, not a fall`);
    if (!['TARGET', 'ACCUSER', 'INSTIGATOR'].includes(step.from.role)) breaches.push(`${at}: starts at a ${step.from.role}`);
    if (before(step.from, step.to)) breaches.push(`${at}: ${step.to.event} goes back before ${step.from.event}`);
    if (i === 0) reached.add(step.from.person);
    else {
      const prev = steps[i - 1]!;
      if (prev.to.person !== step.from.person) breaches.push(`${at}: does not continue from ${prev.to.person}`);
      if (before(prev.to, step.from)) breaches.push(`${at}: ${step.from.event} goes back before ${prev.to.event}`);
    }
    if (reached.has(step.to.person)) breaches.push(`${at}: ${step.to.person} reached twice`);
    reached.add(step.to.person);
  });
  return breaches;
}
