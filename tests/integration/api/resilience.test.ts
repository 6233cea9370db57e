/**
 * Abuse limits, the offline query page, and Neo4j going away and coming back: a TCP proxy
 * between the app and Neo4j is cut and restored, the app must report DATABASE_UNAVAILABLE
 * (retryable) and then recover without a restart.
 */
import net, { type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { ChainDocument, PersonDocument, TimelineDocument } from '../../../client/src/graphql/generated/operations.js';
import { codes, startApi, type Api } from './api.js';

/** A switchable TCP proxy to the suite's Neo4j. */
class Proxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
    this.server = null;
  }
}

describe('limits and the query page', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('rejects a too-deep query with QUERY_REJECTED', async () => {
    const deep = '{ person(id: "kim-il-sung") { ties { source { ties { source { ties { source { ties { source { ties { source { id } } } } } } } } } } } }';
    const response = await api.gql(deep);
    // Too deep, and too costly for its fan-out: each limit may say so, all with the same code.
    expect(new Set(codes(response))).toEqual(new Set(['QUERY_REJECTED']));
  });

  it("measures fragments as if written inline: the same deep query in a fragment is refused, the client's documents pass", async () => {
    const hidden =
      '{ person(id: "kim-il-sung") { ...Deep } } fragment Deep on Person { ties { source { ties { source { ties { source { ties { source { ties { source { id } } } } } } } } } } }';
    expect(new Set(codes(await api.gql(hidden)))).toEqual(new Set(['QUERY_REJECTED']));
    expect(codes(await api.gql(TimelineDocument.toString()))).toEqual([]);
    expect(codes(await api.gql(PersonDocument.toString(), { id: 'kim-il-sung' }))).toEqual([]);
    expect(codes(await api.gql(ChainDocument.toString(), { id: 'choe-chang-ik' }))).toEqual([]);
  });

  it('rejects too many aliases with QUERY_REJECTED', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: factions { id }`).join(' ');
    expect(codes(await api.gql(`{ ${aliases} }`))).toEqual(['QUERY_REJECTED']);
  });

  it('keeps GraphQL validation errors as they are, with no field suggestions', async () => {
    const response = await api.gql('{ persn(id: "x") { id } }');
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('serves an offline query page to browsers at GET /graphql', async () => {
    const response = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });
});

describe('Neo4j unavailable', () => {
  let api: Api;
  let proxy: Proxy;
  beforeAll(async () => {
    const connection = inject('neo4j');
    const url = new URL(connection.uri.replace(/^(neo4j|bolt)(\+s|\+ssc)?:/, 'http:'));
    proxy = new Proxy({ host: url.hostname, port: Number(url.port || 7687) });
    await proxy.open();
    api = await startApi({ connection: { ...connection, uri: `bolt://127.0.0.1:${proxy.port}` } });
  });
  afterAll(async () => {
    await proxy.cut();
    await api.close();
  });

  it('reports DATABASE_UNAVAILABLE (retryable) and recovers when Neo4j returns', async () => {
    const query = '{ person(id: "kim-il-sung") { id } }';
    expect((await api.gql(query)).errors).toBeUndefined();

    await proxy.cut();
    const down = await api.gql(query);
    expect(codes(down)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(down.errors?.[0]?.extensions?.retryable).toBe(true);

    // Known down: refused at once for a second (server/src/db/availability.ts), still retryable.
    const again = await api.gql(query);
    expect(codes(again)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(again.errors?.[0]?.extensions?.retryable).toBe(true);

    await proxy.open();
    // Back within a few probes, without a restart.
    await vi.waitFor(
      async () => {
        const back = await api.gql<{ person: { id: string } }>(query);
        expect(back.errors).toBeUndefined();
        expect(back.data?.person.id).toBe('kim-il-sung');
      },
      { timeout: 10_000, interval: 250 },
    );
  });
});
