import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEO4J_VERSION } from '../../../server/src/config.js';
import { GDS_PROCEDURES, GDS_VERSION } from '../../../server/src/embedded/gds.js';
import { PROCEDURE_ALLOWLIST } from '../../../server/src/embedded/process.js';
import { NEO4J_IMAGE } from '../../support/neo4j.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the pinned Neo4j version', () => {
  it('is the same in the launcher, the server, testcontainers and docker-compose', () => {
    const pom = readFileSync(path.join(ROOT, 'launcher/pom.xml'), 'utf8');
    const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(/<neo4j\.version>([^<]+)</.exec(pom)?.[1]).toBe(NEO4J_VERSION);
    expect(compose).toContain(`image: neo4j:${NEO4J_VERSION}-community`);
    expect(NEO4J_IMAGE).toBe(`neo4j:${NEO4J_VERSION}-community`);
  });
});

describe('the Graph Data Science plugin', () => {
  const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');

  it('is pinned to one 2.13.x version (the line for Neo4j 5.26) in its pom and the server', () => {
    const pom = readFileSync(path.join(ROOT, 'launcher/gds/pom.xml'), 'utf8');
    expect(/<gds\.version>([^<]+)</.exec(pom)?.[1]).toBe(GDS_VERSION);
    expect(GDS_VERSION).toMatch(/^2\.13\.\d+$/);
  });

  it('is installed by docker-compose, with the same allow-list as the managed Neo4j', () => {
    expect(compose).toContain(`NEO4J_PLUGINS: '["graph-data-science"]'`);
    const allowlist = /NEO4J_dbms_security_procedures_allowlist: (\S+)/.exec(compose)?.[1]?.split(',');
    expect(allowlist).toEqual([...PROCEDURE_ALLOWLIST, ...GDS_PROCEDURES]);
    expect(compose).toMatch(/NEO4J_dbms_security_procedures_unrestricted: gds\.\*/);
  });
});

describe('the Java launcher', () => {
  const launcher = readFileSync(path.join(ROOT, 'launcher/src/main/java/atlas/launcher/EmbeddedNeo4j.java'), 'utf8');

  it('keeps no defaults of its own for the hardening settings: the Node side passes every one', () => {
    for (const name of ['ATLAS_NEO4J_PROCEDURE_ALLOWLIST', 'ATLAS_NEO4J_TX_TIMEOUT_SECONDS', 'ATLAS_NEO4J_TX_MEMORY_MB', 'ATLAS_NEO4J_PAGECACHE_MB']) {
      expect(launcher, name).toContain(`requireEnv("${name}")`);
      expect(launcher, name).not.toContain(`envOr("${name}"`);
    }
    // No procedure name written into the launcher: the allow-list is PROCEDURE_ALLOWLIST alone.
    for (const procedure of PROCEDURE_ALLOWLIST) expect(launcher).not.toContain(`"${procedure}`);
  });
});
