import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/src/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/atlas');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the embedded Neo4j on port 4000 with data under .atlas', () => {
    const config = loadConfig({}, '/srv/atlas');
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.mode).toBe('embedded');
    expect(config.dataDir).toBe('/srv/atlas/.atlas/data');
    expect(config.cacheDir).toBe('/srv/atlas/.atlas/cache');
    expect(config.seedOnStart).toBe('auto');
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j://cluster.example:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'atlas' }, '/srv');
    expect(config.neo4j).toEqual({ mode: 'external', uri: 'neo4j://cluster.example:7687', user: 'reader', password: 'pw', database: 'atlas' });
  });

  it('starts the managed Neo4j with the full JIT unless ATLAS_NEO4J_QUICK_START=on, and names the variable on a bad value', () => {
    const quickStart = (env: Record<string, string>): unknown => {
      const neo4j = loadConfig(env, '/srv').neo4j;
      return neo4j.mode === 'embedded' ? neo4j.quickStart : neo4j.mode;
    };
    expect(quickStart({})).toBe(false);
    expect(quickStart({ ATLAS_NEO4J_QUICK_START: 'on' })).toBe(true);
    expect(quickStart({ ATLAS_NEO4J_QUICK_START: 'off' })).toBe(false);
    expect(configError({ ATLAS_NEO4J_QUICK_START: 'yes' }).variable).toBe('ATLAS_NEO4J_QUICK_START');
  });

  it('records a missing class-data archive unless ATLAS_NEO4J_CLASS_DATA=off, and names the variable on a bad value', () => {
    const records = (env: Record<string, string>): unknown => {
      const neo4j = loadConfig(env, '/srv').neo4j;
      return neo4j.mode === 'embedded' ? neo4j.recordClassData : neo4j.mode;
    };
    expect(records({})).toBe(true);
    expect(records({ ATLAS_NEO4J_CLASS_DATA: 'off' })).toBe(false);
    expect(records({ ATLAS_NEO4J_CLASS_DATA: 'on' })).toBe(true);
    expect(configError({ ATLAS_NEO4J_CLASS_DATA: 'never' }).variable).toBe('ATLAS_NEO4J_CLASS_DATA');
  });

  it('names PORT when it is not a number', () => {
    const error = configError({ PORT: 'eighty' });
    expect(error.variable).toBe('PORT');
    expect(error.message).toContain('PORT');
  });

  it('names PORT when it is out of range', () => {
    expect(configError({ PORT: '70000' }).variable).toBe('PORT');
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI', () => {
    expect(configError({ NEO4J_URI: 'bolt://db:7687' }).variable).toBe('NEO4J_PASSWORD');
  });

  it('rejects a URI that is not a Neo4j URI', () => {
    const error = configError({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' });
    expect(error.variable).toBe('NEO4J_URI');
    expect(error.message).toContain('neo4j://');
  });

  it('lists the allowed values of ATLAS_SEED_ON_START', () => {
    const error = configError({ ATLAS_SEED_ON_START: 'sometimes' });
    expect(error.variable).toBe('ATLAS_SEED_ON_START');
    expect(error.message).toContain('auto, always, never');
  });

  it('refuses an embedded password Neo4j would refuse', () => {
    expect(configError({ ATLAS_NEO4J_PASSWORD: 'short' }).variable).toBe('ATLAS_NEO4J_PASSWORD');
  });

  it('turns the response cache on by default, with its limits', () => {
    expect(loadConfig({}, '/srv').responseCache).toEqual({ enabled: true, maxMb: 64, ttlSeconds: 600, revisionCheckMs: 1000 });
    expect(loadConfig({ ATLAS_RESPONSE_CACHE: 'off' }, '/srv').responseCache.enabled).toBe(false);
  });

  it('names the response cache setting that is wrong', () => {
    expect(configError({ ATLAS_RESPONSE_CACHE: 'yes' }).message).toContain('on, off');
    expect(configError({ ATLAS_RESPONSE_CACHE_MB: '0' }).variable).toBe('ATLAS_RESPONSE_CACHE_MB');
    expect(configError({ ATLAS_RESPONSE_CACHE_CHECK_MS: '10' }).variable).toBe('ATLAS_RESPONSE_CACHE_CHECK_MS');
  });

  it('supervises the embedded Neo4j with defaults, and reads each supervision and output-log setting', () => {
    const embedded = (env: Record<string, string>) => {
      const neo4j = loadConfig(env, '/srv').neo4j;
      if (neo4j.mode !== 'embedded') throw new Error('expected the embedded Neo4j');
      return neo4j;
    };
    expect(embedded({}).supervision).toEqual({ restartDelayMs: 1_000, restartDelayMaxMs: 30_000, crashLoopExits: 5, crashLoopWindowMs: 300_000 });
    expect(embedded({}).childLog).toEqual({ maxBytes: 10 * 1024 * 1024, keepFiles: 5 });
    const set = embedded({
      ATLAS_NEO4J_RESTART_DELAY_MS: '200',
      ATLAS_NEO4J_RESTART_DELAY_MAX_MS: '800',
      ATLAS_NEO4J_CRASH_LOOP_EXITS: '2',
      ATLAS_NEO4J_CRASH_LOOP_WINDOW_SECONDS: '60',
      ATLAS_NEO4J_CHILD_LOG_KB: '64',
      ATLAS_NEO4J_CHILD_LOG_FILES: '0',
    });
    expect(set.supervision).toEqual({ restartDelayMs: 200, restartDelayMaxMs: 800, crashLoopExits: 2, crashLoopWindowMs: 60_000 });
    expect(set.childLog).toEqual({ maxBytes: 64 * 1024, keepFiles: 0 });
    // A first delay above the default cap raises the cap with it.
    expect(embedded({ ATLAS_NEO4J_RESTART_DELAY_MS: '45000' }).supervision.restartDelayMaxMs).toBe(45_000);
  });

  it('names the supervision setting that is wrong', () => {
    expect(configError({ ATLAS_NEO4J_CRASH_LOOP_EXITS: '0' }).variable).toBe('ATLAS_NEO4J_CRASH_LOOP_EXITS');
    expect(configError({ ATLAS_NEO4J_RESTART_DELAY_MS: '5000', ATLAS_NEO4J_RESTART_DELAY_MAX_MS: '1000' }).variable).toBe('ATLAS_NEO4J_RESTART_DELAY_MAX_MS');
    expect(configError({ ATLAS_NEO4J_CHILD_LOG_KB: 'lots' }).variable).toBe('ATLAS_NEO4J_CHILD_LOG_KB');
  });
});
