/**
 * The source-family filter on the fields that read cited facts beyond the network and the
 * analyses (purgeChain, connection, events, purgersPurged, Person.status and the person's and
 * event's lists), on the curated seed.
 *
 * The facts that move the answers are cited by Western scholarship alone (seed/events,
 * seed/ties): the 1969 purge of the partisan generals (Kim Chang-bong, Ho Pong-hak, Choe Kwang;
 * Kim Il Sung instigating), the 1967 removal of Pak Kum-chol and Ri Hyo-sun, and the ties
 * between each pair. Excluding that family must change those answers; excluding a family that
 * cites none of them (the encyclopedia) must leave every answer as it is without a filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_FAMILY_VALUES } from '../../../core/vocabulary.js';
import { startApi, type Api } from './api.js';

let api: Api;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

const WESTERN = ['WESTERN_SCHOLARSHIP'];
const allBut = (family: string): string[] => SOURCE_FAMILY_VALUES.filter((f) => f !== family);
/** Every family but the one that cites the facts above. */
const NOT_WESTERN = allBut('WESTERN_SCHOLARSHIP');
/** Every family but one that cites none of them: answers as without a filter. */
const NOT_ENCYCLOPEDIA = allBut('ENCYCLOPEDIA');

async function answer<T>(query: string, families: readonly string[] | null): Promise<T> {
  const response = await api.gql<T>(query, { families });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** The same query without a filter, with `families`, and with every family but the encyclopedia. */
async function threeWays<T>(query: string, families: readonly string[]): Promise<{ all: T; filtered: T; unrelated: T }> {
  return { all: await answer<T>(query, null), filtered: await answer<T>(query, families), unrelated: await answer<T>(query, NOT_ENCYCLOPEDIA) };
}

interface ChainAnswer {
  purgeChain: { score: number; steps: { kind: string; from: { person: { id: string } }; to: { person: { id: string }; event: { id: string } } }[] }[];
}
const CHAIN = `query ($families: [SourceFamily!]) { purgeChain(personId: "kim-chang-bong", sourceFamilies: $families) {
  score steps { kind from { person { id } } to { person { id } event { id } } } } }`;

describe('purgeChain with a source-family filter', () => {
  it('makes steps only of what the families cite', async () => {
    const { all, filtered, unrelated } = await threeWays<ChainAnswer>(CHAIN, NOT_WESTERN);
    expect(all.purgeChain.length).toBeGreaterThan(1);
    expect(all.purgeChain.every((p) => p.steps.some((s) => s.to.event.id === '1969-purge-of-partisan-generals'))).toBe(true);
    // Without Western scholarship his fall is not recorded: no chain reaches him.
    expect(filtered.purgeChain).toEqual([]);
    expect(unrelated).toEqual(all);
  });

  it('with the one family, keeps only the step it records', async () => {
    const western = await answer<ChainAnswer>(CHAIN, WESTERN);
    expect(western.purgeChain.map((p) => p.steps.map((s) => [s.kind, s.from.person.id, s.to.person.id]))).toEqual([
      [['ACCUSATION', 'kim-il-sung', 'kim-chang-bong']],
    ]);
  });
});

interface ConnectionAnswer {
  generals: { hops: number; ties: { id: string }[] } | null;
  kapsan: { hops: number; ties: { id: string }[] } | null;
}
const CONNECTION = `query ($families: [SourceFamily!]) {
  generals: connection(fromId: "kim-chang-bong", toId: "ho-pong-hak", at: "1969", sourceFamilies: $families) { hops ties { id } }
  kapsan: connection(fromId: "pak-kum-chol", toId: "ri-hyo-sun", at: "1967", sourceFamilies: $families) { hops ties { id } } }`;

describe('connection with a source-family filter', () => {
  it('walks only the ties the families cite', async () => {
    const { all, filtered, unrelated } = await threeWays<ConnectionAnswer>(CONNECTION, NOT_WESTERN);
    expect(all.generals).toEqual({ hops: 1, ties: [{ id: 'tie-kim-chang-bong-ho-pong-hak-1969' }] });
    expect(all.kapsan).toEqual({ hops: 1, ties: [{ id: 'tie-pak-kum-chol-ri-hyo-sun-kapsan' }] });
    expect(filtered).toEqual({ generals: null, kapsan: null });
    expect(unrelated).toEqual(all);
    expect(await answer<ConnectionAnswer>(CONNECTION, WESTERN)).toEqual(all);
  });
});

interface EventsAnswer {
  events: { id: string; participants: { person: { id: string }; role: string }[] }[];
  purge: { participants: { person: { id: string } }[]; linkedFrom: { from: { id: string } }[] } | null;
  plenum: { links: { to: { id: string } }[] } | null;
}
const EVENTS = `query ($families: [SourceFamily!]) {
  events(from: "1967", to: "1969", sourceFamilies: $families) { id participants { person { id } role } }
  purge: event(id: "1969-purge-of-partisan-generals") { participants(sourceFamilies: $families) { person { id } } linkedFrom(sourceFamilies: $families) { from { id } } }
  plenum: event(id: "1967-05-cc-plenum-kapsan-purge") { links(sourceFamilies: $families) { to { id } } } }`;

describe('events, participants and links with a source-family filter', () => {
  it('keeps the events, participations and links the families cite', async () => {
    const { all, filtered, unrelated } = await threeWays<EventsAnswer>(EVENTS, NOT_WESTERN);
    expect(all.events.map((e) => e.id)).toContain('1969-purge-of-partisan-generals');
    expect(all.purge?.participants.map((p) => p.person.id).sort()).toEqual(['choe-kwang', 'ho-pong-hak', 'kim-chang-bong', 'kim-il-sung']);
    expect(all.plenum?.links.map((l) => l.to.id)).toEqual(['1967-removal-of-pak-kum-chol-ri-hyo-sun']);
    expect(filtered.events.map((e) => e.id)).not.toContain('1969-purge-of-partisan-generals');
    expect(filtered.events.map((e) => e.id)).not.toContain('1967-removal-of-pak-kum-chol-ri-hyo-sun');
    expect(filtered.purge?.participants).toEqual([]);
    expect(filtered.plenum?.links).toEqual([]);
    expect(unrelated).toEqual(all);
  });

  it("keeps a person's events by the participations the families cite", async () => {
    const query = `query ($families: [SourceFamily!]) { events(personId: "kim-chang-bong", sourceFamilies: $families) { id } }`;
    expect((await answer<{ events: { id: string }[] }>(query, null)).events.map((e) => e.id)).toContain('1969-purge-of-partisan-generals');
    expect((await answer<{ events: { id: string }[] }>(query, NOT_WESTERN)).events).toEqual([]);
  });
});

describe('purgersPurged with a source-family filter', () => {
  it('counts only the acts and falls the families cite', async () => {
    const query = `query ($families: [SourceFamily!]) { purgersPurged(sourceFamilies: $families) { person { id } fall { event { id } } acts { event { id } } } }`;
    const { all, filtered, unrelated } = await threeWays<{ purgersPurged: { person: { id: string } }[] }>(query, NOT_WESTERN);
    // Pak Kum-chol instigated earlier purges and fell in 1967, by Western scholarship's account.
    expect(all.purgersPurged.map((p) => p.person.id)).toContain('pak-kum-chol');
    expect(filtered.purgersPurged.map((p) => p.person.id)).not.toContain('pak-kum-chol');
    expect(filtered.purgersPurged.length).toBe(all.purgersPurged.length - 1);
    expect(unrelated).toEqual(all);
  });
});

interface PersonAnswer {
  person: {
    status: { state: string; basis: string };
    statusChanges: { state: string; date: { iso: string } }[];
    participations: { event: { id: string } }[];
    ties: { id: string }[];
    memberships: { faction: { id: string } }[];
  };
}
const PERSON = `query ($families: [SourceFamily!]) { person(id: "ri-hyo-sun") {
  status(at: "1967-12", sourceFamilies: $families) { state basis }
  statusChanges(sourceFamilies: $families) { state date { iso } }
  participations(sourceFamilies: $families) { event { id } }
  ties(sourceFamilies: $families) { id }
  memberships(sourceFamilies: $families) { faction { id } } } }`;

describe('Person.status and the person’s facts with a source-family filter', () => {
  it('computes status only from the participations the families cite', async () => {
    const { all, filtered, unrelated } = await threeWays<PersonAnswer>(PERSON, NOT_WESTERN);
    expect(all.person.status).toEqual({ state: 'DEMOTED', basis: 'EVENT' });
    expect(all.person.statusChanges.map((c) => c.state)).toEqual(['DEMOTED']);
    expect(all.person.ties.map((t) => t.id)).toContain('tie-pak-kum-chol-ri-hyo-sun-kapsan');
    // Only Western scholarship records the 1967 removal: without it nothing changed her status.
    expect(filtered.person.status).toEqual({ state: 'ACTIVE', basis: 'NO_CHANGE_RECORDED' });
    expect(filtered.person.statusChanges).toEqual([]);
    expect(filtered.person.participations.map((p) => p.event.id)).not.toContain('1967-removal-of-pak-kum-chol-ri-hyo-sun');
    expect(filtered.person.ties.map((t) => t.id)).not.toContain('tie-pak-kum-chol-ri-hyo-sun-kapsan');
    expect(unrelated).toEqual(all);
  });

  it('leaves the network’s status and the person’s status in agreement under a filter', async () => {
    const query = `query ($families: [SourceFamily!]) { network(at: "1969-06", sourceFamilies: $families, first: 500) {
      pageInfo { hasNextPage } persons { person { id status(at: "1969-06", sourceFamilies: $families) { state } } status { state } } } }`;
    for (const families of [null, NOT_WESTERN]) {
      const frame = await answer<{
        network: { pageInfo: { hasNextPage: boolean }; persons: { person: { id: string; status: { state: string } }; status: { state: string } }[] };
      }>(query, families);
      expect(frame.network.pageInfo.hasNextPage).toBe(false);
      expect(frame.network.persons.length).toBeGreaterThan(0);
      for (const p of frame.network.persons) expect(p.person.status.state, p.person.id).toBe(p.status.state);
    }
  });
});
