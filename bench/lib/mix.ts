/** The mixed request list for load tests: the hot queries in equal parts, several arguments each. */
import { CHAIN_GQL, NETWORK_GQL, PERSON_GQL, SEARCH_GQL } from './hot-queries.js';

export interface MixRequest {
  readonly name: string;
  readonly body: string;
}

const body = (query: string, variables: Record<string, unknown>): string => JSON.stringify({ query, variables });

export function curatedMix(): MixRequest[] {
  return [
    { name: 'search', body: body(SEARCH_GQL, { text: 'choe chang ik', limit: 10 }) },
    { name: 'person', body: body(PERSON_GQL, { id: 'kim-il-sung' }) },
    { name: 'purgeChain', body: body(CHAIN_GQL, { id: 'choe-chang-ik' }) },
    { name: 'network', body: body(NETWORK_GQL, { at: '1956-08' }) },
    { name: 'search', body: body(SEARCH_GQL, { text: 'pak hon yong', limit: 10 }) },
    { name: 'person', body: body(PERSON_GQL, { id: 'pak-hon-yong' }) },
    { name: 'purgeChain', body: body(CHAIN_GQL, { id: 'pak-hon-yong' }) },
    { name: 'network', body: body(NETWORK_GQL, { at: '1950-06' }) },
    { name: 'search', body: body(SEARCH_GQL, { text: '김두봉', limit: 10 }) },
    { name: 'person', body: body(PERSON_GQL, { id: 'kim-tu-bong' }) },
    { name: 'purgeChain', body: body(CHAIN_GQL, { id: 'kim-tu-bong' }) },
    { name: 'network', body: body(NETWORK_GQL, { at: '1958-03' }) },
  ];
}
