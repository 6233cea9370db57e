/**
 * docker-compose.yml cannot run here (no container engine), so it is checked statically:
 * Compose's own validation, plus the properties the deployment relies on.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function composeConfig(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync('docker-compose', ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '-q'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    encoding: 'utf8',
  });
  if (result.error)
    throw new Error(`docker-compose is needed to validate docker-compose.yml (scripts/ensure-system-packages.sh installs it): ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface ComposeFile {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      healthcheck?: { test?: unknown };
      volumes?: string[];
      depends_on?: Record<string, { condition?: string }>;
      environment?: Record<string, string>;
    }
  >;
  volumes: Record<string, unknown>;
}

describe('docker-compose.yml', () => {
  it('passes Compose validation when NEO4J_PASSWORD is set', () => {
    const result = composeConfig({ NEO4J_PASSWORD: 'a-long-password' });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses to start without a password, naming NEO4J_PASSWORD', () => {
    const result = composeConfig({});
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('NEO4J_PASSWORD');
  });

  it('has a healthchecked Neo4j on a named volume that the app waits for', () => {
    const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
    const neo4j = compose.services['neo4j']!;
    const app = compose.services['app']!;
    expect(neo4j.healthcheck?.test).toBeDefined();
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(app.build).toBe('.');
    expect(app.depends_on?.['neo4j']?.condition).toBe('service_healthy');
    expect(app.environment?.['NEO4J_URI']).toBe('bolt://neo4j:7687');
  });
});
