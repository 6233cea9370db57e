/**
 * Equivalent reads for our API and for @neo4j/graphql's generated one over the same model:
 * each pair asks for the same entities and fields the client needs.
 */
import { luceneQuery } from '../../server/src/domain/search.js';
import { gql } from './api.js';
import { CURATED_FIXTURE, NETWORK_GQL, PERSON_GQL, SEARCH_GQL, networkParams } from './hot-queries.js';

const PEER_PERSON = `query($id: ID!) { people(where: { id: { eq: $id } }) {
  id name hangul hanja aliases summary disambiguation bornIso diedIso citations
  membershipsConnection { edges { properties { certainty fromIso toIso citations } node { id name } } }
  officesConnection { edges { properties { certainty fromIso toIso citations } node { title } } }
  tiesConnection { edges { properties { id kind directed certainty summary fromIso toIso citations } node { id name } } }
  tiedByConnection { edges { properties { id kind directed certainty summary fromIso toIso citations } node { id name } } }
  participationsConnection { edges { properties { role citations } node { id kind title certainty summary dateIso citations } } } } }`;

const PEER_SEARCH = `query($phrase: String!) { personNames(phrase: $phrase, first: 10) { edges { score node { id name hangul hanja } } } }`;

/** Persons alive at `at` with memberships and ties possibly active then, their falls, and the events of the window. */
const ACTIVE = (from: string, to: string) => `{ AND: [
  { OR: [{ ${from}: { eq: null } }, { ${from}: { lte: $atTo } }] },
  { OR: [{ ${to}: { eq: null } }, { ${to}: { gte: $atFrom } }] } ] }`;
const PEER_NETWORK = `query($atFrom: Date!, $atTo: Date!, $winFrom: Date!, $winTo: Date!) {
  people(where: { OR: [{ bornEarliest: { eq: null } }, { bornEarliest: { lte: $atTo } }] }) {
    id name
    membershipsConnection(where: { edge: ${ACTIVE('fromEarliest', 'toLatest')} }) { edges { properties { certainty fromIso toIso } node { id } } }
    tiesConnection(where: { edge: ${ACTIVE('fromEarliest', 'toLatest')} }) { edges { properties { id kind certainty } node { id } } }
    participationsConnection(where: { edge: { role: { eq: "TARGET" } } }) { edges { node { id kind certainty dateIso dateEarliest dateLatest } } }
  }
  events(where: { dateEarliest: { lte: $winTo }, dateLatest: { gte: $winFrom } }, sort: [{ dateEarliest: ASC }]) {
    id kind title dateIso dateEarliest dateLatest participantsConnection { edges { properties { role } node { id } } }
  }
}`;

export interface PeerPair {
  readonly name: string;
  ours(url: string): Promise<unknown>;
  peer(url: string): Promise<unknown>;
  /** Sizes of both answers, to show they carry the same entities. */
  sizes(ours: unknown, peer: unknown): string;
}

type Json = Record<string, unknown>;
const data = (body: unknown): Json => (body as { data?: Json }).data ?? {};
const len = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

export function peerPairs(): PeerPair[] {
  const f = CURATED_FIXTURE;
  const net = networkParams(f.at, null);
  return [
    {
      name: 'network(at) / people + events',
      ours: (url) => gql(url, NETWORK_GQL, { at: f.at }),
      peer: (url) => gql(url, PEER_NETWORK, { atFrom: net.atFrom, atTo: net.atTo, winFrom: net.windowFrom, winTo: net.windowTo }),
      sizes: (o, p) => {
        const network = data(o)['network'] as Json;
        const people = data(p)['people'] as Json[];
        const peerTies = people.reduce((sum, person) => sum + len((person['tiesConnection'] as Json)['edges']), 0);
        return `ours ${len(network['persons'])} persons, ${len(network['ties'])} ties, ${len(network['events'])} events; peer ${people.length} persons, ${peerTies} ties, ${len(data(p)['events'])} events`;
      },
    },
    {
      name: 'search / fulltext',
      ours: (url) => gql(url, SEARCH_GQL, { text: f.searchText, limit: 10 }),
      peer: (url) => gql(url, PEER_SEARCH, { phrase: luceneQuery(f.searchText) }),
      sizes: (o, p) => `ours ${len(data(o)['searchMatches'])} hits; peer ${len((data(p)['personNames'] as Json)['edges'])} hits`,
    },
    {
      name: 'person / people(where id)',
      ours: (url) => gql(url, PERSON_GQL, { id: f.personId }),
      peer: (url) => gql(url, PEER_PERSON, { id: f.personId }),
      sizes: (o, p) => {
        const person = data(o)['person'] as Json;
        const peer = (data(p)['people'] as Json[])[0] ?? {};
        const edges = (key: string): number => len((peer[key] as Json | undefined)?.['edges']);
        return `ours ${len(person['ties'])} ties, ${len(person['participations'])} participations; peer ${edges('tiesConnection') + edges('tiedByConnection')} ties, ${edges('participationsConnection')} participations`;
      },
    },
  ];
}
