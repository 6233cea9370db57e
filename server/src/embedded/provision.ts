/**
 * Provides a real Neo4j to tools that need a throwaway one (the test suite, benchmarks), in
 * this order: NEO4J_URI if set; a testcontainers container if a container runtime answers;
 * otherwise the project's own managed Neo4j on free ports with a temporary data folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHILD_LOG_DEFAULTS, externalNeo4jFromEnv, javaHomeFromEnv, NEO4J_VERSION, SUPERVISION_DEFAULTS, type EmbeddedNeo4j } from '../config.js';
import { GDS_PROCEDURES } from './gds.js';
import { startEmbedded, type RunningNeo4j } from './managed.js';
import { PROCEDURE_ALLOWLIST } from './process.js';
import { freePort } from './ports.js';

export type ProvisionKind = 'external' | 'container' | 'managed';

export interface ProvisionedNeo4j extends RunningNeo4j {
  readonly kind: ProvisionKind;
}

export const NEO4J_IMAGE = `neo4j:${NEO4J_VERSION}-community`;

async function tryContainer(log: (line: string) => void): Promise<ProvisionedNeo4j | undefined> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    log('No container runtime answers; using the managed embedded Neo4j instead.');
    return undefined;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = randomBytes(12).toString('base64url');
  log(`Starting ${NEO4J_IMAGE} with testcontainers...`);
  const container = await new Neo4jContainer(NEO4J_IMAGE)
    .withPassword(password)
    .withEnvironment({
      NEO4J_db_transaction_timeout: '30s',
      NEO4J_db_memory_transaction_max: '512m',
      NEO4J_dbms_security_allow__csv__import__from__file__urls: 'false',
      NEO4J_dbms_security_procedures_allowlist: [...PROCEDURE_ALLOWLIST, ...GDS_PROCEDURES].join(','),
      // The analysis fields run Graph Data Science; the image installs the plugin itself.
      NEO4J_PLUGINS: '["graph-data-science"]',
      NEO4J_dbms_security_procedures_unrestricted: 'gds.*',
    })
    .start();
  return {
    kind: 'container',
    managed: true,
    connection: { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword(), database: 'neo4j' },
    stop: async () => {
      await container.stop();
    },
  };
}

export interface ProvisionOptions {
  readonly cacheDir: string;
  readonly log: (line: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Managed instances get their own temp data folder, removed on stop unless kept. */
  readonly keepData?: boolean;
}

export async function provisionNeo4j({ cacheDir, log, env, keepData = false }: ProvisionOptions): Promise<ProvisionedNeo4j> {
  const external = externalNeo4jFromEnv(env);
  if (external) {
    log(`Using the Neo4j at ${external.uri} (NEO4J_URI).`);
    return { kind: 'external', managed: false, connection: external, stop: async () => undefined };
  }
  const container = await tryContainer(log);
  if (container) return container;

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-neo4j-'));
  const settings: EmbeddedNeo4j = {
    mode: 'embedded',
    boltPort: await freePort(),
    password: randomBytes(12).toString('base64url'),
    database: 'neo4j',
    heapMb: 1024,
    pageCacheMb: 256,
    txTimeoutSeconds: 30,
    txMemoryMb: 512,
    startTimeoutSeconds: 180,
    javaHome: javaHomeFromEnv(env),
    supervision: SUPERVISION_DEFAULTS,
    childLog: CHILD_LOG_DEFAULTS,
    analytics: true,
  };
  let running: RunningNeo4j;
  try {
    running = await startEmbedded({ dataDir, cacheDir, settings, log });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...running,
    kind: 'managed',
    stop: async () => {
      await running.stop();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
