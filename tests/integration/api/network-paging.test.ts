/** network's pages (first/after, pageInfo), against the curated seed (75 persons). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_PAGE } from '../../../server/src/graphql/resolvers/frames.js';
import { codes, fields, startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface Page {
  persons: { person: { id: string } }[];
  ties: { id: string; source: { id: string }; target: { id: string } }[];
  events: { id: string; participants: { person: { id: string } }[] }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PAGE = `query($at: String!, $factionIds: [ID!], $first: Int, $after: ID) {
  network(at: $at, factionIds: $factionIds, first: $first, after: $after) {
    persons { person { id } }
    ties { id source { id } target { id } }
    events { id participants { person { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function page(variables: Record<string, unknown>): Promise<Page> {
  const response = await api.gql<{ network: Page }>(PAGE, { at: '1956-09-05', ...variables });
  expect(response.errors).toBeUndefined();
  return response.data!.network;
}

const ids = (p: Page): string[] => p.persons.map((x) => x.person.id);

/** Every page from the start, `first` at a time. */
async function allPages(variables: Record<string, unknown>): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (;;) {
    const next = await page({ ...variables, after });
    pages.push(next);
    if (!next.pageInfo.hasNextPage) return pages;
    expect(pages.length).toBeLessThan(100);
    after = next.pageInfo.endCursor;
  }
}

describe('network paging', () => {
  it('the default page size is the one the resolver and the bench use', async () => {
    const response = await api.gql<{ __type: { fields: { name: string; args: { name: string; defaultValue: string | null }[] }[] } }>(
      '{ __type(name: "Query") { fields { name args { name defaultValue } } } }',
    );
    const args = response.data!.__type.fields.find((f) => f.name === 'network')!.args;
    expect(args.find((a) => a.name === 'first')?.defaultValue).toBe(String(NETWORK_PAGE.first));
  });

  it('the curated graph fits the default page: everyone in id order, no next page', async () => {
    const whole = await page({});
    expect(whole.persons.length).toBeGreaterThan(50);
    expect(whole.persons.length).toBeLessThan(NETWORK_PAGE.first);
    expect(ids(whole)).toEqual([...ids(whole)].sort());
    expect(whole.pageInfo).toEqual({ hasNextPage: false, endCursor: ids(whole).at(-1) });
  });

  it('a page holds `first` persons; the next continues after endCursor in id order, disjoint', async () => {
    const first = await page({ first: 7 });
    expect(first.persons).toHaveLength(7);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: ids(first)[6] });
    const second = await page({ first: 7, after: first.pageInfo.endCursor });
    expect(second.persons).toHaveLength(7);
    expect(ids(second).every((id) => id > first.pageInfo.endCursor!)).toBe(true);
    const fourteen = await page({ first: 14 });
    expect([...ids(first), ...ids(second)]).toEqual(ids(fourteen));
  });

  it('all pages together give every person and event of the whole graph; each tie has both ends on its page', async () => {
    const whole = await page({});
    const pages = await allPages({ first: 10 });
    expect(pages.length).toBe(Math.ceil(whole.persons.length / 10));
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    expect(pages.flatMap(ids)).toEqual(ids(whole));
    const events = new Set(pages.flatMap((p) => p.events.map((e) => e.id)));
    expect([...events].sort()).toEqual(whole.events.map((e) => e.id).sort());
    const wholeTies = new Set(whole.ties.map((t) => t.id));
    for (const p of pages) {
      const onPage = new Set(ids(p));
      for (const tie of p.ties) {
        expect(onPage.has(tie.source.id) && onPage.has(tie.target.id)).toBe(true);
        expect(wholeTies.has(tie.id)).toBe(true);
      }
    }
    // Ties across pages are on neither, so the pages hold fewer than the whole.
    expect(pages.reduce((n, p) => n + p.ties.length, 0)).toBeLessThan(whole.ties.length);
  });

  it('a later page has only events its own persons took part in', async () => {
    const second = await page({ first: 10, after: (await page({ first: 10 })).pageInfo.endCursor });
    const onPage = new Set(ids(second));
    for (const event of second.events) expect(event.participants.some((p) => onPage.has(p.person.id))).toBe(true);
  });

  it('pages a faction filter the same way', async () => {
    const whole = await page({ factionIds: ['yanan'] });
    const pages = await allPages({ factionIds: ['yanan'], first: 3 });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap(ids)).toEqual(ids(whole));
  });

  it('after the last person the page is empty', async () => {
    const whole = await page({});
    const empty = await page({ after: whole.pageInfo.endCursor });
    expect(empty).toMatchObject({ persons: [], ties: [], events: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    ['first', { first: 0 }],
    ['first', { first: NETWORK_PAGE.max + 1 }],
    ['first', { first: -5 }],
    ['after', { after: 'Not An Id!' }],
    ['after', { after: 'no-such-person' }],
  ])('bad %s %j is BAD_USER_INPUT naming it', async (field, variables) => {
    const response = await api.gql(PAGE, { at: '1956-09-05', ...variables });
    expect([codes(response), fields(response)]).toEqual([['BAD_USER_INPUT'], [field]]);
  });

  it('the largest page size is allowed', async () => {
    expect((await page({ first: NETWORK_PAGE.max })).pageInfo.hasNextPage).toBe(false);
  });
});
