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

/**
 * A wide mix for the cached run: every curated person's panel, chains and name search, and the
 * network at every month from 1945 to 1970, so the cache has to fill and keys repeat only after
 * hundreds of other requests.
 */
export async function wideMix(url: string): Promise<MixRequest[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body('{ timeline { persons { person { id name } } } }', {}),
  });
  const { data } = (await response.json()) as { data: { timeline: { persons: { person: { id: string; name: string } }[] } } };
  const mix: MixRequest[] = [];
  for (const { person } of data.timeline.persons) {
    mix.push({ name: 'person', body: body(PERSON_GQL, { id: person.id }) });
    mix.push({ name: 'purgeChain', body: body(CHAIN_GQL, { id: person.id }) });
    mix.push({ name: 'search', body: body(SEARCH_GQL, { text: person.name.toLowerCase(), limit: 10 }) });
  }
  for (let year = 1945; year <= 1970; year += 1) {
    for (let month = 1; month <= 12; month += 1) mix.push({ name: 'network', body: body(NETWORK_GQL, { at: `${year}-${String(month).padStart(2, '0')}` }) });
  }
  return mix;
}
