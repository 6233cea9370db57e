import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEO4J_VERSION } from '../../../server/src/config.js';
import { NEO4J_IMAGE } from '../../../server/src/embedded/provision.js';

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
