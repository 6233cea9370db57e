/**
 * The one place that reads process.env. Every setting has a default, is validated here, and a
 * bad value stops start-up with a message naming the variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { consoleExpressionBudget } from './db/console-budget.js';

export const NEO4J_VERSION = '5.26.30';

export type SeedOnStart = 'auto' | 'always' | 'never';

export interface ExternalNeo4j {
  readonly mode: 'external';
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface EmbeddedNeo4j {
  readonly mode: 'embedded';
  readonly boltPort: number;
  /** Taken from ATLAS_NEO4J_PASSWORD, else generated on first run and kept in the data dir. */
  readonly password: string | undefined;
  readonly database: string;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly txTimeoutSeconds: number;
  readonly txMemoryMb: number;
  readonly startTimeoutSeconds: number;
  readonly javaHome: string | undefined;
  readonly supervision: SupervisionSettings;
  readonly childLog: ChildLogSettings;
  /** Load Graph Data Science (ATLAS_NEO4J_GDS, default on): the analysis fields need it. */
  readonly analytics: boolean;
  /** JIT with the quick compiler only (ATLAS_NEO4J_QUICK_START, default off): see QUICK_START_JVM_OPTIONS. */
  readonly quickStart: boolean;
  /**
   * Record the class-data archive when there is none yet (ATLAS_NEO4J_CLASS_DATA, default on): the
   * JVM that serves writes it as it stops cleanly (server/src/embedded/class-data.ts). An archive
   * already there is used either way.
   */
  readonly recordClassData: boolean;
}

/** What happens when the managed Neo4j exits unexpectedly (server/src/embedded/supervisor.ts). */
export interface SupervisionSettings {
  /** Delay before the first restart; it doubles with each exit inside the crash-loop window. */
  readonly restartDelayMs: number;
  /** The doubling stops here. */
  readonly restartDelayMaxMs: number;
  /** This many exits within crashLoopWindowMs stop the restarts (a crash loop). */
  readonly crashLoopExits: number;
  readonly crashLoopWindowMs: number;
}

/** The Neo4j JVM's stdout and stderr, kept in <data>/neo4j/logs/neo4j-child.log (embedded/child-log.ts). */
export interface ChildLogSettings {
  /** The file is rotated when the next line would take it past this size. */
  readonly maxBytes: number;
  /** Rotated files kept besides the current one (neo4j-child.log.1 is the newest). */
  readonly keepFiles: number;
}

export const SUPERVISION_DEFAULTS: SupervisionSettings = { restartDelayMs: 1_000, restartDelayMaxMs: 30_000, crashLoopExits: 5, crashLoopWindowMs: 300_000 };
export const CHILD_LOG_DEFAULTS: ChildLogSettings = { maxBytes: 10 * 1024 * 1024, keepFiles: 5 };

/** Where `npm run seed:synthetic` writes when no --uri is given (SYN_NEO4J_*). */
export interface SyntheticTargetEnv {
  readonly uri: string | undefined;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly database: string | undefined;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  /** Database files and the generated password live here. */
  readonly dataDir: string;
  /** Downloaded Neo4j jars and the compiled launcher; shared by every data dir. */
  readonly cacheDir: string;
  readonly neo4j: ExternalNeo4j | EmbeddedNeo4j;
  readonly seedOnStart: SeedOnStart;
  readonly console: {
    readonly timeoutMs: number;
    readonly maxRows: number;
    readonly maxBytes: number;
    readonly maxConcurrent: number;
    /** What one console query may build inside expressions, unseen by Neo4j's memory tracker (server/src/db/console-budget.ts). */
    readonly maxExpressionBytes: number;
  };
  readonly responseCache: ResponseCacheConfig;
  /** Analysis answers and projections kept per data revision (server/src/graphql/analysis.ts). */
  readonly analysis: {
    readonly maxGraphs: number;
    readonly cacheMb: number;
    /**
     * A network at a date with at most this many active ties is read whole by the server: its
     * centrality is computed there and its answers kept by its content (0: always GDS, per date).
     */
    readonly inProcessMaxPairs: number;
    /** Dates whose communities the server readies per data revision once started (0: none; server/src/graphql/analysis-precompute.ts). */
    readonly precomputeDates: number;
  };
  /** Byte budget of one GraphQL answer, counted while it is built (server/src/graphql/byte-budget.ts). */
  readonly api: { readonly maxResponseBytes: number };
  readonly clientDist: string;
  readonly synthetic: SyntheticTargetEnv;
}

/** Whole GraphQL answers kept in memory until the data changes (server/src/graphql/response-cache.ts). */
export interface ResponseCacheConfig {
  readonly enabled: boolean;
  /** Budget for cached bodies and keys together. */
  readonly maxMb: number;
  /** No answer is served older than this, whatever the data revision says. */
  readonly ttlSeconds: number;
  /** How often the data revision is read; a seed load is seen within this time. */
  readonly revisionCheckMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const match = allowed.find((candidate) => candidate === raw);
  if (match === undefined) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return match;
}

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

function externalNeo4j(env: Env, uri: string): ExternalNeo4j {
  const scheme = uri.split('://')[0] ?? '';
  if (!uri.includes('://') || !NEO4J_SCHEMES.includes(scheme)) {
    throw new ConfigError('NEO4J_URI', `expected a neo4j:// or bolt:// URI (schemes: ${NEO4J_SCHEMES.join(', ')}), got "${uri}"`);
  }
  const password = text(env, 'NEO4J_PASSWORD');
  if (password === undefined) {
    throw new ConfigError('NEO4J_PASSWORD', 'must be set when NEO4J_URI points at an external Neo4j');
  }
  return {
    mode: 'external',
    uri,
    user: text(env, 'NEO4J_USER') ?? 'neo4j',
    password,
    database: text(env, 'NEO4J_DATABASE') ?? 'neo4j',
  };
}

/** The managed Neo4j's heap unless ATLAS_NEO4J_HEAP_MB says otherwise. */
const DEFAULT_HEAP_MB = 1024;

function embeddedNeo4j(env: Env): EmbeddedNeo4j {
  const password = text(env, 'ATLAS_NEO4J_PASSWORD');
  if (password !== undefined && password.length < 8) {
    throw new ConfigError('ATLAS_NEO4J_PASSWORD', 'must be at least 8 characters (Neo4j refuses shorter passwords)');
  }
  const heapMb = integer(env, 'ATLAS_NEO4J_HEAP_MB', DEFAULT_HEAP_MB, 256, 65536);
  const txMemoryMb = integer(env, 'ATLAS_NEO4J_TX_MEMORY_MB', Math.min(256, Math.floor(heapMb / 4)), 16, 65536);
  // The launcher lets all transactions together track half the heap; one gets at most a quarter,
  // so the rest of the heap has room for what the trackers cannot see.
  if (txMemoryMb > heapMb / 4)
    throw new ConfigError('ATLAS_NEO4J_TX_MEMORY_MB', `must be at most a quarter of ATLAS_NEO4J_HEAP_MB (${Math.floor(heapMb / 4)}), got ${txMemoryMb}`);
  return {
    mode: 'embedded',
    boltPort: integer(env, 'ATLAS_NEO4J_BOLT_PORT', 7687, 0, 65535),
    password,
    database: 'neo4j',
    heapMb,
    pageCacheMb: integer(env, 'ATLAS_NEO4J_PAGECACHE_MB', 512, 16, 65536),
    txTimeoutSeconds: integer(env, 'ATLAS_NEO4J_TX_TIMEOUT_SECONDS', 30, 1, 3600),
    txMemoryMb,
    startTimeoutSeconds: integer(env, 'ATLAS_NEO4J_START_TIMEOUT_SECONDS', 180, 5, 3600),
    javaHome: text(env, 'JAVA_HOME'),
    analytics: oneOf(env, 'ATLAS_NEO4J_GDS', ['on', 'off'] as const, 'on') === 'on',
    quickStart: oneOf(env, 'ATLAS_NEO4J_QUICK_START', ['on', 'off'] as const, 'off') === 'on',
    recordClassData: oneOf(env, 'ATLAS_NEO4J_CLASS_DATA', ['on', 'off'] as const, 'on') === 'on',
    supervision: supervision(env),
    childLog: {
      maxBytes: integer(env, 'ATLAS_NEO4J_CHILD_LOG_KB', CHILD_LOG_DEFAULTS.maxBytes / 1024, 1, 1_048_576) * 1024,
      keepFiles: integer(env, 'ATLAS_NEO4J_CHILD_LOG_FILES', CHILD_LOG_DEFAULTS.keepFiles, 0, 100),
    },
  };
}

function supervision(env: Env): SupervisionSettings {
  const d = SUPERVISION_DEFAULTS;
  const restartDelayMs = integer(env, 'ATLAS_NEO4J_RESTART_DELAY_MS', d.restartDelayMs, 0, 600_000);
  const restartDelayMaxMs = integer(env, 'ATLAS_NEO4J_RESTART_DELAY_MAX_MS', Math.max(d.restartDelayMaxMs, restartDelayMs), 0, 3_600_000);
  if (restartDelayMaxMs < restartDelayMs) {
    throw new ConfigError('ATLAS_NEO4J_RESTART_DELAY_MAX_MS', `must be at least ATLAS_NEO4J_RESTART_DELAY_MS (${restartDelayMs}), got ${restartDelayMaxMs}`);
  }
  return {
    restartDelayMs,
    restartDelayMaxMs,
    crashLoopExits: integer(env, 'ATLAS_NEO4J_CRASH_LOOP_EXITS', d.crashLoopExits, 1, 1000),
    crashLoopWindowMs: integer(env, 'ATLAS_NEO4J_CRASH_LOOP_WINDOW_SECONDS', d.crashLoopWindowMs / 1000, 1, 86_400) * 1000,
  };
}

/**
 * The process environment over a local `.env` (see .env.example): a variable set in the shell
 * wins, so one-off overrides work as usual. Every command (start, seed, export) reads the same.
 */
export function environment(cwd: string = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/**
 * What a child process (the Neo4j JVM, Maven) inherits: enough to run, and none of our
 * secrets (NEO4J_PASSWORD and friends stay in this process).
 */
export function childProcessEnv(): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'JAVA_HOME', 'MAVEN_OPTS', 'MAVEN_ARGS']) {
    const value = process.env[name];
    if (value !== undefined) passed[name] = value;
  }
  return passed;
}

export function loadConfig(env: Env = environment(), cwd: string = process.cwd()): Config {
  const uri = text(env, 'NEO4J_URI');
  const neo4j = uri === undefined ? embeddedNeo4j(env) : externalNeo4j(env, uri);
  const consoleSlots = integer(env, 'ATLAS_CONSOLE_MAX_CONCURRENT', 2, 1, 64);
  return {
    host: text(env, 'HOST') ?? '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    dataDir: path.resolve(cwd, text(env, 'ATLAS_DATA_DIR') ?? '.atlas/data'),
    cacheDir: path.resolve(cwd, text(env, 'ATLAS_CACHE_DIR') ?? '.atlas/cache'),
    neo4j,
    seedOnStart: oneOf(env, 'ATLAS_SEED_ON_START', ['auto', 'always', 'never'] as const, 'auto'),
    console: {
      timeoutMs: integer(env, 'ATLAS_CONSOLE_TIMEOUT_MS', 5000, 100, 600000),
      maxRows: integer(env, 'ATLAS_CONSOLE_MAX_ROWS', 1000, 1, 100000),
      maxBytes: integer(env, 'ATLAS_CONSOLE_MAX_KB', 4096, 1, 262144) * 1024,
      maxConcurrent: consoleSlots,
      // An external Neo4j's heap is not ours to know: its share is reckoned on the default heap.
      maxExpressionBytes: consoleExpressionBudget(neo4j.mode === 'embedded' ? neo4j.heapMb : DEFAULT_HEAP_MB, consoleSlots),
    },
    responseCache: {
      enabled: oneOf(env, 'ATLAS_RESPONSE_CACHE', ['on', 'off'] as const, 'on') === 'on',
      maxMb: integer(env, 'ATLAS_RESPONSE_CACHE_MB', 64, 1, 4096),
      ttlSeconds: integer(env, 'ATLAS_RESPONSE_CACHE_TTL_SECONDS', 600, 1, 86400),
      revisionCheckMs: integer(env, 'ATLAS_RESPONSE_CACHE_CHECK_MS', 1000, 50, 600000),
    },
    analysis: {
      maxGraphs: integer(env, 'ATLAS_ANALYSIS_MAX_GRAPHS', 8, 1, 256),
      cacheMb: integer(env, 'ATLAS_ANALYSIS_CACHE_MB', 64, 1, 4096),
      inProcessMaxPairs: integer(env, 'ATLAS_ANALYSIS_IN_PROCESS_PAIRS', 5000, 0, 100_000),
      precomputeDates: integer(env, 'ATLAS_ANALYSIS_PRECOMPUTE_DATES', 2000, 0, 100_000),
    },
    api: { maxResponseBytes: integer(env, 'ATLAS_RESPONSE_MAX_MB', 16, 1, 1024) * 1024 * 1024 },
    clientDist: path.resolve(cwd, text(env, 'ATLAS_CLIENT_DIST') ?? 'client/dist'),
    synthetic: {
      uri: text(env, 'SYN_NEO4J_URI'),
      user: text(env, 'SYN_NEO4J_USER'),
      password: text(env, 'SYN_NEO4J_PASSWORD'),
      database: text(env, 'SYN_NEO4J_DATABASE'),
    },
  };
}

/**
 * For tools that provision a throwaway Neo4j (tests, benchmarks): the external server named
 * by NEO4J_URI, if any. Unlike loadConfig, a missing password is allowed (a local server
 * without auth). `prefix` reads another set of the same variables: the benchmarks' synthetic
 * instance is SYN_NEO4J_URI, SYN_NEO4J_USER...
 */
export function externalNeo4jFromEnv(
  env: Env = process.env,
  prefix: '' | 'SYN_' = '',
): { uri: string; user: string; password: string; database: string } | undefined {
  const uri = text(env, `${prefix}NEO4J_URI`);
  if (uri === undefined) return undefined;
  return {
    uri,
    user: text(env, `${prefix}NEO4J_USER`) ?? 'neo4j',
    password: text(env, `${prefix}NEO4J_PASSWORD`) ?? '',
    database: text(env, `${prefix}NEO4J_DATABASE`) ?? 'neo4j',
  };
}

/** JAVA_HOME for tools that start a managed Neo4j outside loadConfig. */
export function javaHomeFromEnv(env: Env = process.env): string | undefined {
  return text(env, 'JAVA_HOME');
}
