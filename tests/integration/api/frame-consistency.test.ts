/**
 * One time model, two places it runs: the server's `network(at)` and the client's frame (built
 * from `timeline` by client/src/state/frame.ts) must agree, person by person, on who is shown,
 * their status and its certainty, their faction and its certainty, and which ties show. Checked
 * on the curated data at every year from 1934 to 1970 and at every event date, then on a 1k
 * synthetic graph (loaded in place of the curated one, which afterAll restores).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptTimeline } from '../../../client/src/api.js';
import { TimelineDocument, type TimelineQuery } from '../../../client/src/graphql/generated/operations.js';
import { NO_FILTERS } from '../../../client/src/state/filters.js';
import { computeFrame, prepare, type Frame } from '../../../client/src/state/frame.js';
import { dayOf, isoOf } from '../../../core/partial-date.js';
import { curatedSummary, loadCuratedRows, seedDatabase } from '../../../server/src/seed/load.js';
import { generateSyntheticRows } from '../../../server/src/seed/synthetic.js';
import { ROOT_DIR } from '../../setup/database.js';
import { startApi, type Api, type GraphQLResponse } from './api.js';

interface NetworkData {
  network: {
    persons: {
      person: { id: string };
      status: { state: string; certain: boolean };
      faction: { id: string } | null;
      memberships: { faction: { id: string }; activeAt: string }[];
    }[];
    ties: { id: string; activeAt: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const NETWORK = `query($at: String!, $after: ID) {
  network(at: $at, first: 100, after: $after, windowMonths: 0) {
    persons { person { id } status { state certain } faction { id } memberships { faction { id } activeAt(at: $at) } }
    ties { id activeAt(at: $at) }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * One line per person and tie, in a form both sides can produce: a difference shows as a diff.
 * `pages` receives the page each person came on: a tie shows only on the page holding both ends.
 */
async function serverLines(api: Api, at: string, pages: Map<string, number>): Promise<string[]> {
  const lines: string[] = [];
  let after: string | null = null;
  for (let page = 0; ; page += 1) {
    const response: GraphQLResponse<NetworkData> = await api.gql<NetworkData>(NETWORK, { at, after });
    expect(response.errors, at).toBeUndefined();
    const network: NetworkData['network'] = response.data!.network;
    for (const p of network.persons) {
      pages.set(p.person.id, page);
      const placed = p.memberships[0];
      const certainty = placed === undefined ? '-' : placed.activeAt;
      lines.push(`person ${p.person.id} ${p.status.state} ${p.status.certain ? 'certain' : 'uncertain'} faction=${p.faction?.id ?? '-'} ${certainty}`);
    }
    for (const t of network.ties) lines.push(`tie ${t.id} ${t.activeAt}`);
    if (!network.pageInfo.hasNextPage) break;
    after = network.pageInfo.endCursor;
  }
  return lines.sort();
}

function clientLines(frame: Frame, pages: ReadonlyMap<string, number>): string[] {
  const lines: string[] = [];
  for (const p of frame.persons.values()) {
    const faction = p.former ? null : p.parent;
    const certainty = faction === null ? '-' : p.membershipCertain ? 'CERTAIN' : 'POSSIBLE';
    lines.push(`person ${p.id} ${p.state} ${p.statusCertain ? 'certain' : 'uncertain'} faction=${faction ?? '-'} ${certainty}`);
  }
  for (const t of frame.ties) {
    if (pages.get(t.source) === pages.get(t.target)) lines.push(`tie ${t.id} ${t.certain ? 'CERTAIN' : 'POSSIBLE'}`);
  }
  return lines.sort();
}

async function compareAt(api: Api, dates: readonly string[]): Promise<number> {
  const response = await api.gql<TimelineQuery>(TimelineDocument.toString());
  expect(response.errors).toBeUndefined();
  const timeline = adaptTimeline(response.data!);
  const prepared = prepare(timeline, NO_FILTERS);
  let compared = 0;
  for (const at of dates) {
    const pages = new Map<string, number>();
    const server = await serverLines(api, at, pages);
    expect(clientLines(computeFrame(prepared, dayOf(at)), pages), `frame at ${at}`).toEqual(server);
    compared += server.length;
  }
  return compared;
}

const YEARS = Array.from({ length: 1970 - 1934 + 1 }, (_, i) => `${1934 + i}-01-01`);

async function eventDays(api: Api): Promise<string[]> {
  const response = await api.gql<{ events: { date: { earliest: string; latest: string } }[] }>('{ events { date { earliest latest } } }');
  expect(response.errors).toBeUndefined();
  const days = new Set<string>();
  for (const e of response.data!.events) days.add(e.date.earliest).add(e.date.latest);
  return [...days].sort();
}

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

describe('network(at) and the client frame tell the same story', () => {
  it('on the curated data, at every year 1934-1970 and every event date', async () => {
    const days = await eventDays(api);
    expect(days.length).toBeGreaterThan(100);
    const compared = await compareAt(api, [...YEARS, ...days]);
    expect(compared).toBeGreaterThan(1000);
  }, 240_000);

  describe('on a 1k synthetic graph', () => {
    let original: string;
    beforeAll(async () => {
      original = (await curatedSummary(api.db)).checksum;
      await loadCuratedRows(api.db, generateSyntheticRows({ persons: 1000, seed: 7 }));
    }, 240_000);
    afterAll(async () => {
      const restored = await seedDatabase(api.db, path.join(ROOT_DIR, 'seed'));
      expect(restored.checksum).toBe(original);
    }, 240_000);

    it('at every third year and at a spread of event dates', async () => {
      const days = await eventDays(api);
      const spread = days.filter((_, i) => i % Math.max(1, Math.floor(days.length / 25)) === 0);
      const years = YEARS.filter((_, i) => i % 3 === 0).map((d) => isoOf(dayOf(d)));
      await compareAt(api, [...years, ...spread]);
    }, 600_000);
  });
});
