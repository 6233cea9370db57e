/**
 * The hot queries, each as the GraphQL operation the client sends and as the same Cypher file
 * with the same parameters the resolver computes, run directly through Database.read.
 */
import type { Database } from '../../server/src/db/database.js';
import { searchParams } from '../../server/src/domain/search.js';
import { shiftMonths } from '../../core/partial-date.js';
import { dateArg, factFilter, periodOf } from '../../server/src/graphql/args.js';
import { NETWORK_PAGE } from '../../server/src/graphql/resolvers/frames.js';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode } from 'graphql';
import { personProjection, personsFullParams } from '../../server/src/graphql/person-projection.js';
import { ChainDocument, PersonDocument, SearchDocument } from '../../client/src/graphql/generated/operations.js';
import { gql } from './api.js';

export interface Fixture {
  /** A date for network(at). */
  readonly at: string;
  /** Typed into search. */
  readonly searchText: string;
  /** Opened in the person panel. */
  readonly personId: string;
  /** Someone with purge chains. */
  readonly chainPersonId: string;
  /** Faction filter for a smaller network (null = none). */
  readonly factionIds: readonly string[] | null;
}

export const CURATED_FIXTURE: Fixture = {
  at: '1956-08',
  searchText: 'choe chang ik',
  personId: 'kim-il-sung',
  chainPersonId: 'choe-chang-ik',
  factionIds: null,
};

// The explorer's own operations (client/src/graphql/), so the bench times what the client sends.
export const SEARCH_GQL = SearchDocument.toString();
export const PERSON_GQL = PersonDocument.toString();
/** maxSteps 4, limit 20, default 24-month window. */
export const CHAIN_GQL = ChainDocument.toString();
/** One frame of the graph, its first page at the default page size: what a network view draws. */
export const NETWORK_GQL = `query Network($at: String!, $factionIds: [ID!]) { network(at: $at, factionIds: $factionIds) {
  at windowFrom windowTo pageInfo { hasNextPage endCursor }
  persons { person { id name } status { state certain } faction { id } }
  ties { id kind certainty source { id } target { id } }
  events { id kind title date { iso precision approximate earliest latest } participants { role person { id } } } } }`;

export interface HotQuery {
  readonly name: string;
  graphql(url: string): Promise<unknown>;
  direct(db: Database): Promise<unknown>;
}

/** What the network resolver sends for NETWORK_GQL: the first page ('' = no cursor) at the default size. */
export function networkParams(at: string, factionIds: readonly string[] | null, windowMonths = 6) {
  const period = periodOf(dateArg('at', at));
  return {
    atFrom: period.earliest,
    atTo: period.latest,
    factionIds,
    // No certainty or source-family filter, as NETWORK_GQL sends none (server/src/graphql/args.ts).
    ...factFilter(null, null),
    windowFrom: shiftMonths(period.earliest, -windowMonths),
    windowTo: shiftMonths(period.latest, windowMonths),
    // NETWORK_GQL selects no memberships: the resolver fetches only what placement reads.
    after: '',
    first: NETWORK_PAGE.first,
    fullMemberships: false,
  };
}

/** What the person resolver sends for PERSON_GQL: persons-full with the projection its selection asks for. */
export function personParams(id: string) {
  const document = parse(PERSON_GQL);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let person: FieldNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      person = definition.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'person');
    }
  }
  if (person === undefined) throw new Error('PERSON_GQL selects no person');
  return personsFullParams([id], personProjection(fragments, [person]));
}

export function hotQueries(f: Fixture): HotQuery[] {
  return [
    {
      name: 'network(at)',
      graphql: (url) => gql(url, NETWORK_GQL, { at: f.at, factionIds: f.factionIds }),
      direct: (db) => db.read('queries/network', networkParams(f.at, f.factionIds)),
    },
    {
      name: 'search',
      graphql: (url) => gql(url, SEARCH_GQL, { text: f.searchText, limit: 10 }),
      direct: (db) => {
        const params = searchParams(f.searchText, 10);
        if (params === null) throw new Error(`search text "${f.searchText}" holds no letter or digit`);
        return db.read('queries/search', params);
      },
    },
    {
      name: 'person',
      graphql: (url) => gql(url, PERSON_GQL, { id: f.personId }),
      direct: (db) => db.read('queries/persons-full', personParams(f.personId)),
    },
    {
      name: 'purgeChain',
      graphql: (url) => gql(url, CHAIN_GQL, { id: f.chainPersonId }),
      direct: (db) => db.read('queries/chain-graph', { personId: f.chainPersonId, maxSteps: 4, families: null }),
    },
  ];
}
