/**
 * The one door to Neo4j. Nothing outside server/src/db imports neo4j-driver: queries are named
 * files under cypher/, parameters go in as parameters, results come out as plain values, and
 * driver errors come out as AtlasErrors.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AvailabilityGate, type DatabaseHealth } from './availability.js';
import { withDeadline } from './deadline.js';
import { mapNeo4jError } from './errors.js';
import { CYPHER_DIR, cypher, statements } from './cypher-files.js';
import { plainBytes, toPlain, type Plain } from './values.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, Plain>;

export interface Connection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface TxOptions {
  /** Server-side transaction time limit. */
  readonly timeoutMs?: number;
}

/** What a transaction function may do: run named queries from cypher/. */
export interface QueryRunner {
  run(name: string, params?: Params): Promise<Row[]>;
}

export interface ExplainResult {
  /** 'r', 'w', 'rw' or 's' (schema), as Neo4j reports it. */
  readonly queryType: string;
  /** Every operator name in the plan, e.g. "ProcedureCall", "LoadCSV". */
  readonly operators: readonly string[];
  /** Each operator's details ('' when it has none), index for index with `operators`. */
  readonly details: readonly string[];
  /** The most rows the planner expects out of any one operator (its estimate, not a bound); 0 when it gives none. */
  readonly maxEstimatedRows?: number;
  /** The operators that walk paths of several hops, with the rows the planner expects into each (console-budget.ts). */
  readonly pathExpansions?: readonly PathExpansion[];
}

/** A plan operator that walks paths of several hops (VarLengthExpand, ShortestPath, Repeat...). */
export interface PathExpansion {
  readonly operator: string;
  readonly details: string;
  /** The rows the planner expects into it (the most of its children's estimates): the paths' start points. */
  readonly inputRows: number;
}

/** Operators whose output is paths of several hops, however the planner spells the variant. */
const PATH_EXPANSION = /^(VarLengthExpand|ShortestPath|StatefulShortestPath|Repeat)/;

export interface SchemaOptions {
  /** How long to wait for every index to come online afterwards; 0 does not wait. Default 60. */
  readonly awaitSeconds?: number;
  /** Applies only the statements this accepts (a bulk load builds node and relationship schema at different times). */
  readonly only?: (statement: string) => boolean;
  /**
   * Statements run at once, each in its own session. Default 1: one after another in file order.
   * Above 1, index statements run first, then the constraints, `parallel` at a time.
   */
  readonly parallel?: number;
}

/** Time limits of one user-written query: Neo4j's transaction timeout and the Node-side deadline. */
export interface UserQueryLimits {
  readonly timeoutMs: number;
  readonly deadlineMs: number;
}

const DEFAULT_USER_LIMITS: UserQueryLimits = { timeoutMs: 30_000, deadlineMs: 35_000 };

export interface CappedOptions {
  readonly timeoutMs: number;
  /** Node-side deadline; default timeoutMs + 5 s. */
  readonly deadlineMs?: number;
  readonly maxRows: number;
  /** Estimated JSON bytes of the kept rows (values.ts plainBytes); default unlimited. */
  readonly maxBytes?: number;
}

/** Records per PULL for user-written Cypher. */
const USER_FETCH_SIZE = 50;

export interface CappedResult {
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  readonly truncated: boolean;
}

/** Whole numbers become Cypher integers (a JS number would arrive as a float and break LIMIT). */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = toDriverParams(entry);
    return out;
  }
  return value;
}

function rowsOf(records: { keys: PropertyKey[]; get(key: PropertyKey): unknown }[]): Row[] {
  return records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

function runnerFor(tx: ManagedTransaction): QueryRunner {
  return {
    async run(name, params = {}) {
      const result = await tx.run(cypher(name), toDriverParams(params));
      return rowsOf(result.records);
    },
  };
}

/** The largest EstimatedRows in the plan tree (a float or an Integer, as the driver hands it). */
function maxEstimatedRows(plan: unknown): number {
  if (plan === null || typeof plan !== 'object') return 0;
  const node = plan as { arguments?: Record<string, unknown>; children?: unknown[] };
  const own = Number(node.arguments?.['EstimatedRows'] ?? 0);
  return Math.max(Number.isFinite(own) ? own : 0, ...(node.children ?? []).map(maxEstimatedRows));
}

function estimatedRows(plan: unknown): number {
  if (plan === null || typeof plan !== 'object') return 0;
  const own = Number((plan as { arguments?: Record<string, unknown> }).arguments?.['EstimatedRows'] ?? 0);
  return Number.isFinite(own) ? own : 0;
}

function collectPlan(plan: unknown, operators: string[], details: string[], expansions: PathExpansion[]): void {
  if (plan === null || typeof plan !== 'object') return;
  const node = plan as { operatorType?: string; arguments?: Record<string, unknown>; children?: unknown[] };
  // An operator without a name is recorded as unknown (so a strict check refuses it), and its
  // details are pushed even when empty, so details[i] always belongs to operators[i].
  const operator = typeof node.operatorType === 'string' ? node.operatorType : 'Unknown';
  operators.push(operator.split('@')[0] ?? operator);
  const detail = node.arguments?.['Details'];
  details.push(typeof detail === 'string' ? detail : '');
  if (PATH_EXPANSION.test(operator)) {
    expansions.push({
      operator: operator.split('@')[0] ?? operator,
      details: typeof detail === 'string' ? detail : '',
      inputRows: Math.max(1, ...(node.children ?? []).map(estimatedRows)),
    });
  }
  for (const child of node.children ?? []) collectPlan(child, operators, details, expansions);
}

/** After Neo4j was found unavailable, calls are refused at once for this long (then one probes). */
export const UNAVAILABLE_COOL_DOWN_MS = 1_000;

export interface ConnectOptions {
  readonly maxPoolSize?: number;
  /** The supervisor's view of a managed Neo4j (embedded/supervisor.ts): calls are refused with its reason while it is down. */
  readonly health?: DatabaseHealth;
}

export class Database {
  private readonly gate: AvailabilityGate;

  constructor(
    private readonly driver: Driver,
    readonly databaseName: string,
    private readonly health?: DatabaseHealth,
  ) {
    this.gate = new AvailabilityGate(UNAVAILABLE_COOL_DOWN_MS, Date.now, health);
  }

  /**
   * Calls `listener` each time the supervised Neo4j is back after a restart: a new JVM, so what
   * lived only in the old one's memory (GDS's graph catalog) is gone. Never called for a Neo4j
   * this process does not run. Returns the unsubscribe function.
   */
  onRestart(listener: () => void): () => void {
    // The supervisor sets 'up' only when a restarted JVM is ready; the state starts 'up'.
    return (
      this.health?.onChange((state) => {
        if (state.kind === 'up') listener();
      }) ?? (() => undefined)
    );
  }

  static connect(connection: Connection, options: ConnectOptions = {}): Database {
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      maxConnectionPoolSize: options.maxPoolSize ?? 50,
      // When Neo4j is down, a request should fail fast with DATABASE_UNAVAILABLE (retryable)
      // rather than hold the client for the driver's default 30 s of retries.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 1_000,
      disableLosslessIntegers: false,
      userAgent: 'faction-atlas',
    });
    return new Database(driver, connection.database, options.health);
  }

  private withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    return this.gate.run(async () => {
      const session = this.driver.session({
        database: this.databaseName,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      try {
        return await work(session);
      } catch (error) {
        throw mapNeo4jError(error);
      } finally {
        await session.close();
      }
    });
  }

  /** Runs one named read query (routed to a reader in a cluster). */
  read(name: string, params: Params = {}, options: TxOptions = {}): Promise<Row[]> {
    return this.readTransaction((tx) => tx.run(name, params), options);
  }

  write(name: string, params: Params = {}, options: TxOptions = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(name, params), options);
  }

  readTransaction<T>(work: (tx: QueryRunner) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.withSession('READ', (session) => session.executeRead((tx) => work(runnerFor(tx)), { timeout: options.timeoutMs }));
  }

  /** Everything inside `work` commits together or not at all. */
  writeTransaction<T>(work: (tx: QueryRunner) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.withSession('WRITE', (session) => session.executeWrite((tx) => work(runnerFor(tx)), { timeout: options.timeoutMs }));
  }

  /** Bare Bolt round trip; the floor for every latency figure. */
  async ping(): Promise<void> {
    await this.withSession('READ', (session) => session.executeRead((tx) => tx.run(cypher('meta/ping'))));
  }

  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.databaseName });
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  /**
   * Applies every file in cypher/indexes in name order; each statement is IF NOT EXISTS. Then
   * waits up to `awaitSeconds` for the indexes to come online (a bulk load that created its
   * indexes afterwards needs longer than the default). See SchemaOptions for the bulk loader's
   * variations.
   */
  async applySchema(options: SchemaOptions = {}): Promise<number> {
    const dir = path.join(CYPHER_DIR, 'indexes');
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.cypher'))
      .sort();
    const all = files.flatMap((file) => statements(readFileSync(path.join(dir, file), 'utf8')));
    const chosen = options.only === undefined ? all : all.filter(options.only);
    const parallel = Math.max(1, options.parallel ?? 1);
    // Schema statements cannot share a transaction with data writes, so each runs alone.
    const apply = (statement: string): Promise<unknown> => this.withSession('WRITE', (session) => session.run(statement));
    if (parallel === 1) {
      for (const statement of chosen) await apply(statement);
    } else {
      // Index statements return at once (the index populates in the background), so they go
      // first; a constraint statement returns only once its index is built and checked.
      const constraint = (statement: string): boolean => /^CREATE\s+CONSTRAINT\b/i.test(statement);
      for (const statement of chosen.filter((statement) => !constraint(statement))) await apply(statement);
      const queue = chosen.filter(constraint);
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < queue.length) {
          const statement = queue[next]!;
          next += 1;
          await apply(statement);
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, lane));
    }
    const awaitSeconds = options.awaitSeconds ?? 60;
    if (awaitSeconds > 0) await this.withSession('READ', (session) => session.run(cypher('meta/await-indexes'), { seconds: neo4j.int(awaitSeconds) }));
    return chosen.length;
  }

  /**
   * Runs each `;`-terminated statement of a named schema file (e.g. DROP ... IF EXISTS) alone,
   * outside any data transaction, like applySchema. Returns how many statements ran.
   */
  async runSchemaFile(name: string): Promise<number> {
    let ran = 0;
    for (const statement of statements(cypher(name))) {
      await this.withSession('WRITE', (session) => session.run(statement));
      ran += 1;
    }
    return ran;
  }

  /**
   * A session for user-written Cypher (the research console), under a Node-side deadline: at
   * `deadlineMs` the caller gets QUERY_TIMEOUT whatever Neo4j does, and the transaction begun
   * with metadata `{atlasConsole: marker}` is terminated in the background (deadline.ts).
   */
  private userSession<T>(marker: string, deadlineMs: number, work: (session: Session) => Promise<T>): Promise<T> {
    return this.gate.run(() => {
      // Small batches: a cut-short stream leaves at most this many rows in flight.
      const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ, fetchSize: USER_FETCH_SIZE });
      return withDeadline(session, deadlineMs, work, { terminate: () => this.terminateMarked(marker) });
    });
  }

  private async terminateMarked(marker: string): Promise<void> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(cypher('console/terminate-marked'), { marker });
    } finally {
      await session.close();
    }
  }

  /**
   * User-supplied Cypher (the research console): plan it without running it. The text is the
   * user's own query by design; values still travel as parameters.
   */
  explain(text: string, params: Params = {}, limits: UserQueryLimits = DEFAULT_USER_LIMITS): Promise<ExplainResult> {
    const marker = randomUUID();
    return this.userSession(marker, limits.deadlineMs, async (session) => {
      const config = { timeout: limits.timeoutMs, metadata: { atlasConsole: marker } };
      const result = await session.run(`EXPLAIN ${text}`, toDriverParams(params), config);
      const operators: string[] = [];
      const details: string[] = [];
      const pathExpansions: PathExpansion[] = [];
      collectPlan(result.summary.plan, operators, details, pathExpansions);
      return { queryType: result.summary.queryType ?? '', operators, details, maxEstimatedRows: maxEstimatedRows(result.summary.plan), pathExpansions };
    });
  }

  /**
   * Runs user-supplied Cypher in a read transaction with a time limit, keeping at most maxRows
   * rows and maxBytes bytes (estimated as JSON); `truncated` says a cap cut the answer short. An
   * explicit transaction, not executeRead: the driver re-runs a transaction function after a
   * transient error (a memory-cap error is one) for up to maxTransactionRetryTime, and a user's
   * runaway query must run once.
   */
  readCapped(text: string, params: Params, options: CappedOptions): Promise<CappedResult> {
    const marker = randomUUID();
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    return this.userSession(marker, options.deadlineMs ?? options.timeoutMs + 5_000, async (session) => {
      const tx = await session.beginTransaction({ timeout: options.timeoutMs, metadata: { atlasConsole: marker } });
      try {
        const result = tx.run(text, toDriverParams(params));
        const rows: Row[] = [];
        let columns: string[] = [];
        let truncated = false;
        let bytes = 0;
        for await (const record of result) {
          if (rows.length === 0) columns = record.keys.map(String);
          if (rows.length >= options.maxRows) {
            truncated = true;
            break;
          }
          const [row] = rowsOf([record]);
          bytes += plainBytes(row!, maxBytes - bytes + 1);
          if (bytes > maxBytes) {
            truncated = true;
            break;
          }
          rows.push(row!);
        }
        if (rows.length === 0) columns = (await result.keys()).map(String);
        return { columns, rows, truncated };
      } finally {
        // Nothing to commit (read-only); rolling back also ends a stream cut short by a cap.
        // A failed transaction may refuse the rollback: the original error matters more.
        await tx.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
