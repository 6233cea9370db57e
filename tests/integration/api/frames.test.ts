/** network, timeline and the nested status of people at dates, against the curated seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, fields, startApi, type Api } from './api.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface NetworkPerson {
  person: { id: string };
  status: { state: string; certain: boolean; otherwise: string | null; event: { id: string } | null };
  faction: { id: string } | null;
  memberships: { faction: { id: string } }[];
}
interface NetworkData {
  network: {
    at: string;
    windowFrom: string;
    windowTo: string;
    persons: NetworkPerson[];
    ties: { id: string; activeAt: string; source: { id: string }; target: { id: string } }[];
    events: { id: string; date: { earliest: string; latest: string } }[];
    factions: { id: string }[];
  };
}

const NETWORK = `query($at: String!, $factionIds: [ID!], $min: Certainty) {
  network(at: $at, factionIds: $factionIds, minCertainty: $min) {
    at windowFrom windowTo
    persons { person { id } status { state certain otherwise event { id } } faction { id } memberships { faction { id } } }
    ties { id activeAt(at: $at) source { id } target { id } }
    events { id date { earliest latest } participants { person { id } role } }
    factions { id }
  }
}`;

describe('network', () => {
  it('after the August 1956 plenum: the four who fled were expelled; Choe Chang-ik was removed', async () => {
    const response = await api.gql<NetworkData>(NETWORK, { at: '1956-09-05' });
    expect(response.errors).toBeUndefined();
    const byId = new Map(response.data!.network.persons.map((p) => [p.person.id, p]));
    for (const id of ['yun-kong-hum', 'so-hwi', 'ri-pil-gyu']) {
      expect(byId.get(id)?.status).toMatchObject({ state: 'EXPELLED', certain: true, event: { id: '1956-08-31-expulsion-of-four' } });
    }
    expect(byId.get('choe-chang-ik')?.status.state).toBe('DEMOTED');
    expect(byId.get('choe-chang-ik')?.faction?.id).toBe('yanan');
  });

  it('the September plenum readmitted them (status REHABILITATED at the end of 1956)', async () => {
    const response = await api.gql<NetworkData>(NETWORK, { at: '1956-12' });
    const byId = new Map(response.data!.network.persons.map((p) => [p.person.id, p]));
    expect(byId.get('choe-chang-ik')?.status.state).toBe('REHABILITATED');
  });

  it('a month straddling the plenum makes the expulsion only possible', async () => {
    const response = await api.gql<NetworkData>(NETWORK, { at: '1956-08' });
    const so = response.data!.network.persons.find((p) => p.person.id === 'so-hwi');
    expect(so?.status).toMatchObject({ certain: false, otherwise: 'ACTIVE' });
  });

  it('ties are active at the date, both ends are listed, events fall in the window', async () => {
    const { data } = await api.gql<NetworkData>(NETWORK, { at: '1956-09-05' });
    const network = data!.network;
    const ids = new Set(network.persons.map((p) => p.person.id));
    expect(network.ties.length).toBeGreaterThan(0);
    for (const tie of network.ties) {
      expect(['CERTAIN', 'POSSIBLE']).toContain(tie.activeAt);
      expect(ids.has(tie.source.id) && ids.has(tie.target.id)).toBe(true);
    }
    expect(network.events.length).toBeGreaterThan(0);
    for (const event of network.events) expect(event.date.latest >= network.windowFrom && event.date.earliest <= network.windowTo).toBe(true);
  });

  it('filters by faction', async () => {
    const { data } = await api.gql<NetworkData>(NETWORK, { at: '1956-09-05', factionIds: ['yanan'] });
    expect(data!.network.persons.length).toBeGreaterThan(0);
    expect(data!.network.persons.every((p) => p.memberships.some((m) => m.faction.id === 'yanan'))).toBe(true);
  });

  it('places people alike whether or not memberships are selected (lean fetch), and a fragment still gets them in full', async () => {
    const lean = `query($at: String!) { network(at: $at) { persons { person { id } faction { id } } } }`;
    const viaFragment = `query($at: String!) { network(at: $at) { persons { ...P } } }
      fragment P on NetworkPerson { person { id } faction { id } ... on NetworkPerson { memberships { id certainty faction { id } } } }`;
    for (const at of ['1945-10', '1950-06', '1956-08', '1958-03']) {
      const a = await api.gql<{ network: { persons: { person: { id: string }; faction: { id: string } | null }[] } }>(lean, { at });
      const b = await api.gql<{
        network: {
          persons: { person: { id: string }; faction: { id: string } | null; memberships: { id: string; certainty: string; faction: { id: string } }[] }[];
        };
      }>(viaFragment, { at });
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      const placed = (persons: { person: { id: string }; faction: { id: string } | null }[]) => persons.map((p) => [p.person.id, p.faction?.id ?? null]);
      expect(placed(a.data!.network.persons)).toEqual(placed(b.data!.network.persons));
      const members = b.data!.network.persons.filter((p) => p.faction !== null);
      expect(members.length).toBeGreaterThan(0);
      for (const p of members) expect(p.memberships[0]?.faction.id).toBe(p.faction?.id);
    }
  });

  it('bad input names the argument', async () => {
    const date = await api.gql(NETWORK, { at: '56' });
    expect([codes(date), fields(date)]).toEqual([['BAD_USER_INPUT'], ['at']]);
    const faction = await api.gql(NETWORK, { at: '1956', factionIds: ['no-such-faction'] });
    expect([codes(faction), fields(faction)]).toEqual([['BAD_USER_INPUT'], ['factionIds']]);
  });
});

describe('timeline', () => {
  it('gives every element its interval so the client can draw any frame locally', async () => {
    const response = await api.gql<{
      timeline: {
        from: string;
        to: string;
        persons: {
          person: { id: string };
          statusChanges: { state: string; date: { earliest: string; latest: string }; event: { id: string } | null }[];
          memberships: { faction: { id: string }; from: { earliest: string } | null }[];
        }[];
        ties: { id: string; from: { earliest: string } | null; to: { latest: string } | null }[];
        events: { id: string; date: { earliest: string } }[];
      };
    }>(`{ timeline(from: "1955", to: "1958") {
      from to
      persons { person { id } born { iso } died { iso } statusChanges { state certainty date { earliest latest } event { id } } memberships { faction { id } from { earliest latest } to { earliest latest } certainty } }
      ties { id kind certainty from { earliest latest } to { earliest latest } source { id } target { id } }
      events { id kind date { earliest latest } }
      factions { id }
    } }`);
    expect(response.errors).toBeUndefined();
    const timeline = response.data!.timeline;
    expect(timeline.from).toBe('1955-01-01');
    expect(timeline.to).toBe('1958-12-31');
    const so = timeline.persons.find((p) => p.person.id === 'so-hwi');
    expect(so?.statusChanges.map((c) => c.state)).toEqual(expect.arrayContaining(['FLED_ABROAD', 'EXPELLED']));
    const dates = timeline.events.map((e) => e.date.earliest);
    expect(dates).toEqual([...dates].sort());
    expect(timeline.ties.length).toBeGreaterThan(0);
  });
});
