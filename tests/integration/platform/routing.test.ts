/**
 * An external Neo4j may be a cluster or Aura behind a neo4j:// routing URI. The database door
 * must work through the routing driver: reads in read transactions, writes in write ones.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../../../server/src/db/database.js';

const provided = inject('neo4j');
const routingUri = provided.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
const db = Database.connect({ ...provided, uri: routingUri });
afterAll(() => db.close());

describe('a neo4j:// routing URI', () => {
  it('uses the routing scheme', () => {
    expect(routingUri.startsWith('neo4j')).toBe(true);
  });

  it('answers reads routed to a reader', async () => {
    const rows = await db.read('meta/get-seed-state');
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.['persons'])).toBeGreaterThan(0);
  });
});
