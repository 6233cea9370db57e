/**
 * Purge chains: whose fall led to whose. Pure functions over the person's purge neighbourhood
 * (server/src/graphql/resolvers/chain-fetch.ts): events with TARGET/ACCUSER/INSTIGATOR
 * participants, explicit event links, and ties between people who were ever targeted.
 *
 * A chain node is a person at an event in a role (a fall: TARGET; an act: ACCUSER/INSTIGATOR).
 * Steps join nodes of two different people and never go back in time (`notBefore`):
 * - EVENT_LINK: e1 -[LED_TO|PREVIEW_OF|REVERSED_BY]-> e2, from each TARGET, ACCUSER or
 *   INSTIGATOR of e1 to each TARGET of e2 (a witness or speaker is no link in a chain of falls);
 * - ACCUSATION: within one event, from an ACCUSER/INSTIGATOR to each TARGET;
 * - ASSOCIATION: a tie (not a rivalry or denunciation: those are not guilt by association)
 *   possibly active when the earlier person fell, the later person's fall within the window.
 * A path continues through a person: the next step may start from any of that person's nodes
 * dated no earlier than where the path reached them, so paths run forward in time. One person's
 * successive falls are not steps: a person joined to themself says nothing about whose fall led
 * to whose, and the path may continue from their later node anyway.
 */
import { daysBetween } from '../../../core/partial-date.js';
import { spanActivity, type Span } from '../../../core/span.js';
import { HOSTILE_TIE_KINDS, weakestCertainty, type Certainty } from '../../../core/vocabulary.js';
import type { PartialDate } from '../../../core/partial-date.js';

export type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';
export type StepKind = 'EVENT_LINK' | 'ACCUSATION' | 'ASSOCIATION';

export interface ChainEventInput<C> {
  readonly id: string;
  readonly kind: string;
  readonly date: PartialDate;
  readonly certainty: Certainty;
  readonly participants: readonly { readonly personId: string; readonly role: string; readonly citations: readonly C[] }[];
  readonly links: readonly { readonly type: string; readonly toId: string; readonly citations: readonly C[] }[];
}

export interface ChainTieInput<C> {
  readonly id: string;
  readonly kind: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** The tie's span under the time model (core/attestation.ts). */
  readonly span: Span<string>;
  readonly certainty: Certainty;
  readonly citations: readonly C[];
}

export interface NodeRef {
  readonly personId: string;
  readonly eventId: string;
  readonly role: string;
  readonly date: PartialDate;
}

export interface Step<C> {
  readonly kind: StepKind;
  readonly from: NodeRef;
  readonly to: NodeRef;
  readonly linkType: string | null;
  readonly tieId: string | null;
  readonly gapDays: number;
  readonly certainty: Certainty;
  readonly weight: number;
  readonly citations: readonly C[];
}

export interface ChainPath<C> {
  readonly score: number;
  readonly steps: readonly Step<C>[];
  /** Distinct consecutive persons along the path. */
  readonly persons: readonly string[];
}

export interface ChainOptions {
  readonly personId: string;
  readonly direction: Direction;
  readonly maxSteps: number;
  readonly limit: number;
  /** Stops the search on dense graphs (default 20,000 visits); the paths found so far are kept. */
  readonly maxExpansions?: number;
}

const ACT_ROLES = new Set(['ACCUSER', 'INSTIGATOR']);
const CHAIN_ROLES = new Set(['TARGET', ...ACT_ROLES]);
const CHAIN_LINKS: Readonly<Record<string, number>> = { LED_TO: 1, PREVIEW_OF: 0.9, REVERSED_BY: 0.8 };
const CERTAINTY_WEIGHT: Readonly<Record<Certainty, number>> = { CERTAIN: 1, PROBABLE: 0.75, POSSIBLE: 0.5 };
const ACCUSATION_WEIGHT = 0.9;
const ASSOCIATION_WEIGHT = 0.6;

export function weakest(...levels: Certainty[]): Certainty {
  return weakestCertainty(levels);
}

/** e1 is earlier than e2: it begins no later and the two are not indistinguishable. */
function earlier(a: PartialDate, b: PartialDate): boolean {
  return a.earliest <= b.earliest && a.latest <= b.latest && !(a.earliest === b.earliest && a.latest === b.latest);
}

/**
 * b does not go back in time from a: neither of its bounds lies before a's. With partial dates,
 * a year "1956" is not after "1956-08-30" (it may be January), so it cannot follow it.
 */
export function notBefore(a: PartialDate, b: PartialDate): boolean {
  return b.earliest >= a.earliest && b.latest >= a.latest;
}

export function buildSteps<C>(events: readonly ChainEventInput<C>[], ties: readonly ChainTieInput<C>[], windowMonths: number): Step<C>[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const node = (event: ChainEventInput<C>, personId: string, role: string): NodeRef => ({ personId, eventId: event.id, role, date: event.date });
  const targets = (event: ChainEventInput<C>) => event.participants.filter((p) => p.role === 'TARGET');
  const steps: Step<C>[] = [];

  for (const event of events) {
    for (const link of event.links) {
      const kindWeight = CHAIN_LINKS[link.type];
      const next = byId.get(link.toId);
      if (kindWeight === undefined || next === undefined) continue;
      const certainty = weakest(event.certainty, next.certainty);
      if (!notBefore(event.date, next.date)) continue;
      for (const from of event.participants.filter((p) => CHAIN_ROLES.has(p.role))) {
        for (const to of targets(next)) {
          if (from.personId === to.personId) continue;
          steps.push({
            kind: 'EVENT_LINK',
            from: node(event, from.personId, from.role),
            to: node(next, to.personId, 'TARGET'),
            linkType: link.type,
            tieId: null,
            gapDays: daysBetween(event.date.earliest, next.date.earliest),
            certainty,
            weight: kindWeight * CERTAINTY_WEIGHT[certainty],
            citations: link.citations,
          });
        }
      }
    }
    for (const act of event.participants.filter((p) => ACT_ROLES.has(p.role))) {
      for (const target of targets(event)) {
        if (act.personId === target.personId) continue;
        steps.push({
          kind: 'ACCUSATION',
          from: node(event, act.personId, act.role),
          to: node(event, target.personId, 'TARGET'),
          linkType: null,
          tieId: null,
          gapDays: 0,
          certainty: event.certainty,
          weight: ACCUSATION_WEIGHT * CERTAINTY_WEIGHT[event.certainty],
          citations: [...act.citations, ...target.citations],
        });
      }
    }
  }

  const falls = new Map<string, { event: ChainEventInput<C>; citations: readonly C[] }[]>();
  for (const event of events) {
    for (const target of targets(event)) {
      const list = falls.get(target.personId) ?? [];
      list.push({ event, citations: target.citations });
      falls.set(target.personId, list);
    }
  }
  const windowDays = Math.max(1, windowMonths * 30.44);
  for (const tie of ties) {
    if ((HOSTILE_TIE_KINDS as ReadonlySet<string>).has(tie.kind)) continue;
    for (const [a, b] of [
      [tie.sourceId, tie.targetId],
      [tie.targetId, tie.sourceId],
    ] as const) {
      for (const first of falls.get(a) ?? []) {
        const activity = spanActivity(tie.span, first.event.date);
        if (activity === 'NO') continue;
        for (const second of falls.get(b) ?? []) {
          if (first.event.id === second.event.id || !earlier(first.event.date, second.event.date)) continue;
          const gapDays = daysBetween(first.event.date.earliest, second.event.date.earliest);
          if (gapDays > windowDays) continue;
          const certainty = weakest(tie.certainty, first.event.certainty, second.event.certainty, activity === 'CERTAIN' ? 'CERTAIN' : 'POSSIBLE');
          const closeness = 1 - 0.5 * (gapDays / windowDays);
          steps.push({
            kind: 'ASSOCIATION',
            from: node(first.event, a, 'TARGET'),
            to: node(second.event, b, 'TARGET'),
            linkType: null,
            tieId: tie.id,
            gapDays,
            certainty,
            weight: ASSOCIATION_WEIGHT * closeness * CERTAINTY_WEIGHT[certainty],
            citations: tie.citations,
          });
        }
      }
    }
  }
  return steps;
}

const nodeKey = (n: NodeRef): string => `${n.personId}@${n.eventId}#${n.role}`;
const stepKey = <C>(s: Step<C>): string => `${s.kind}:${nodeKey(s.from)}>${nodeKey(s.to)}:${s.linkType ?? s.tieId ?? ''}`;

function personsOf<C>(steps: readonly Step<C>[]): string[] {
  const persons: string[] = [];
  const push = (id: string): void => {
    if (persons[persons.length - 1] !== id) persons.push(id);
  };
  for (const step of steps) {
    push(step.from.personId);
    push(step.to.personId);
  }
  return persons;
}

function group<C>(steps: readonly Step<C>[], key: (step: Step<C>) => string): Map<string, Step<C>[]> {
  const map = new Map<string, Step<C>[]>();
  for (const step of steps) {
    const list = map.get(key(step)) ?? [];
    list.push(step);
    map.set(key(step), list);
  }
  return map;
}

/** A max-heap of partial paths by score (best-first search). */
class PathHeap<C> {
  private readonly items: { readonly steps: readonly Step<C>[]; readonly score: number }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: { readonly steps: readonly Step<C>[]; readonly score: number }): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.score >= items[i]!.score) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): { readonly steps: readonly Step<C>[]; readonly score: number } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && items[left]!.score > items[best]!.score) best = left;
        if (right < items.length && items[right]!.score > items[best]!.score) best = right;
        if (best === i) break;
        [items[best], items[i]] = [items[i]!, items[best]!];
        i = best;
      }
    }
    return top;
  }
}

/**
 * Best-first search for maximal paths (not extendable within maxSteps), highest score first.
 * `forward` grows paths at the end (DOWNSTREAM, from the person); otherwise at the start
 * (UPSTREAM, to the person's falls). A step's weight is at most 1, so extending a path never
 * raises its score: paths come off the heap in falling score order, and once `limit` distinct
 * person sequences are found, nothing scoring below the last of them can rank, so the search
 * stops there instead of enumerating every path.
 */
function search<C>(steps: readonly Step<C>[], options: ChainOptions, forward: boolean): Step<C>[][] {
  const index = group(steps, (step) => (forward ? step.from.personId : step.to.personId));
  const found: Step<C>[][] = [];
  let budget = options.maxExpansions ?? 20_000;
  const heap = new PathHeap<C>();
  heap.push({ steps: [], score: 1 });
  const reaching = new Set<string>();
  let cutoff = Number.NEGATIVE_INFINITY;

  const candidates = (path: readonly Step<C>[]): Step<C>[] => {
    if (path.length === 0) {
      const first = index.get(options.personId) ?? [];
      return forward ? first : first.filter((step) => step.to.role === 'TARGET');
    }
    const seenNodes = new Set<string>();
    const seenPersons = new Set<string>([options.personId]);
    for (const step of path) {
      const far = forward ? step.to : step.from;
      seenNodes.add(nodeKey(far));
      seenPersons.add(far.personId);
    }
    const edge = forward ? path[path.length - 1]!.to : path[0]!.from;
    return (index.get(edge.personId) ?? []).filter((step) => {
      const joint = forward ? step.from : step.to;
      const far = forward ? step.to : step.from;
      const inTime = forward ? notBefore(edge.date, joint.date) : notBefore(joint.date, edge.date);
      const fresh = !seenNodes.has(nodeKey(far)) && (far.personId === edge.personId || !seenPersons.has(far.personId));
      return inTime && fresh;
    });
  };

  while (heap.size > 0 && budget > 0) {
    const state = heap.pop()!;
    if (reaching.size >= options.limit && state.score < cutoff) break;
    budget -= 1;
    const next = state.steps.length < options.maxSteps ? candidates(state.steps) : [];
    if (next.length === 0) {
      if (state.steps.length === 0) continue;
      found.push([...state.steps]);
      const persons = personsOf(state.steps);
      if (persons.length > 1 && !reaching.has(persons.join('>'))) {
        reaching.add(persons.join('>'));
        if (reaching.size === options.limit) cutoff = state.score;
      }
      continue;
    }
    for (const step of next) {
      heap.push({ steps: forward ? [...state.steps, step] : [step, ...state.steps], score: state.score * step.weight });
    }
  }
  return found;
}

/**
 * Ranked chains for one person: paths that reach someone else first (a chain that stays with
 * the person is their own story, not whose fall led to whose), then the highest score (product
 * of step weights), then the longer path, then the earlier start.
 */
export function findChains<C>(steps: readonly Step<C>[], options: ChainOptions): ChainPath<C>[] {
  const raw: Step<C>[][] = [];
  if (options.direction !== 'UPSTREAM') for (const path of search(steps, options, true)) raw.push(path);
  if (options.direction !== 'DOWNSTREAM') for (const path of search(steps, options, false)) raw.push(path);
  // One path per sequence of people: variants through other events of the same people say the
  // same thing about whose fall led to whose, so only the best-evidenced variant is kept.
  const unique = new Map<string, ChainPath<C> & { readonly key: string; readonly reaches: boolean }>();
  for (const pathSteps of raw) {
    const persons = personsOf(pathSteps);
    const group = persons.length > 1 ? persons.join('>') : pathSteps.map(stepKey).join('|');
    const score = pathSteps.reduce((product, step) => product * step.weight, 1);
    const current = unique.get(group);
    const key = pathSteps.map(stepKey).join('|');
    if (current !== undefined && (current.score > score || (current.score === score && current.key <= key))) continue;
    unique.set(group, { score, steps: pathSteps, persons, key, reaches: persons.length > 1 });
  }
  return [...unique.values()]
    .sort(
      (a, b) =>
        Number(b.reaches) - Number(a.reaches) ||
        b.score - a.score ||
        b.steps.length - a.steps.length ||
        a.steps[0]!.from.date.earliest.localeCompare(b.steps[0]!.from.date.earliest) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, options.limit)
    .map(({ score, steps, persons }) => ({ score, steps, persons }));
}

export interface Fall<P> {
  readonly eventId: string;
  readonly kind: string;
  readonly date: PartialDate;
  readonly item: P;
}

/** Kinds that end a purge rather than being one. */
const NOT_A_FALL = new Set(['REHABILITATION', 'READMISSION']);

/**
 * "Purgers purged": the first fall that comes after some act of accusing or instigating, with
 * the acts before it. Null when the person never fell after acting.
 */
export function purgerFall<P>(acts: readonly Fall<P>[], falls: readonly Fall<P>[]): { acts: P[]; fall: P } | null {
  const ordered = [...falls]
    .filter((fall) => !NOT_A_FALL.has(fall.kind))
    .sort((a, b) => a.date.earliest.localeCompare(b.date.earliest) || a.date.latest.localeCompare(b.date.latest));
  for (const fall of ordered) {
    const before = acts.filter((act) => act.eventId !== fall.eventId && earlier(act.date, fall.date));
    if (before.length > 0) return { acts: before.map((act) => act.item), fall: fall.item };
  }
  return null;
}
