/**
 * The choice tests/support/neo4j.ts makes before it starts anything: a server named in the
 * environment is used as it is and never killed; the synthetic instance never reuses the curated one.
 * (The container and managed paths start real processes: the integration tiers run them.)
 */
import { describe, expect, it } from 'vitest';
import { startThrowawayNeo4j } from '../../support/neo4j.js';

const quiet = (): void => undefined;

describe('the throwaway Neo4j starter', () => {
  it('takes NEO4J_URI as it is, and refuses to kill or restart it', async () => {
    const env = { NEO4J_URI: 'bolt://db.example:7687', NEO4J_PASSWORD: 'secret' };
    const neo4j = await startThrowawayNeo4j({ log: quiet, env });
    expect(neo4j.kind).toBe('external');
    expect(neo4j.connection).toEqual({ uri: 'bolt://db.example:7687', user: 'neo4j', password: 'secret', database: 'neo4j' });
    expect(neo4j.pid()).toBeNull();
    await expect(neo4j.kill()).rejects.toThrow(/NEO4J_URI/);
    await expect(neo4j.restart()).rejects.toThrow(/NEO4J_URI/);
    await neo4j.stop();
  });

  it('reads SYN_NEO4J_* for the synthetic instance, not NEO4J_URI', async () => {
    const env = { NEO4J_URI: 'bolt://curated:7687', SYN_NEO4J_URI: 'bolt://synthetic:7687', SYN_NEO4J_USER: 'bench', SYN_NEO4J_DATABASE: 'syn' };
    const neo4j = await startThrowawayNeo4j({ log: quiet, env, source: 'synthetic' });
    expect(neo4j.kind).toBe('external');
    expect(neo4j.connection).toEqual({ uri: 'bolt://synthetic:7687', user: 'bench', password: '', database: 'syn' });
  });

  it('refuses a synthetic instance on the curated server', async () => {
    const env = { NEO4J_URI: 'bolt://same:7687', SYN_NEO4J_URI: 'bolt://same:7687' };
    await expect(startThrowawayNeo4j({ log: quiet, env, source: 'synthetic' })).rejects.toThrow(/SYN_NEO4J_URI must not be the curated NEO4J_URI/);
  });
});
