/**
 * Issue 14: the managed Neo4j is supervised. The app runs as `npm start` runs it, in a process of
 * its own with its own managed Neo4j in a temp data folder (never the suite's shared one), with
 * ATLAS_NEO4J_CRASH_LOOP_EXITS=2 so that one run can meet a crash loop. Steps, in order, each
 * starting from where the one before left the app:
 *
 * 1. The data folder is owner-only, including the system database and what an older version left
 *    readable (a password file 0644 in a 0755 folder).
 * 2. The JVM is SIGKILLed. Requests get DATABASE_UNAVAILABLE (retryable) at once, cached answers
 *    are still served, and a normal query is answered again without a restart of the app. The
 *    app's log says how the JVM ended; store files loosened meanwhile are owner-only again, and an
 *    analysis on a GDS projection made before the kill (gone with the JVM) is projected again.
 * 3. A query exhausts the heap (issue 14 case 1). The console refuses it now (paths of several
 *    hops are bounded, see the README), so it is sent to Neo4j over Bolt directly. The JVM exits
 *    with code 3, the log has its last words, and the app recovers the same way. Running out of heap does not count towards the
 *    crash loop.
 * 4. A second SIGKILL is the second counted exit: the restarts stop, and every request and
 *    /healthz say why (DATABASE_UNAVAILABLE, not retryable, naming the crash loop and the log).
 * 5. SIGTERM stops the app cleanly, and no JVM is left.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../server/src/embedded/ports.js';
import { classDataUse, type ClassDataUse } from '../../support/class-data.js';
import { startAppProcess, isAlive, type AppProcess } from './app-process.js';
import { record } from './record.js';

/**
 * Issue 14 asks for normal queries to be answered again within 60 s. Nearly all of that time is
 * Neo4j's own start on the same data, which on this shared two-core machine took from 8 s (quiet)
 * to over 90 s (a load of 25) (RESILIENCE.md), and planning the first query on the cold JVM. The
 * test bounds the two parts that are the app's own: from the exit to the restart (the delay, 1 s
 * then 2 s), by RESTART_OVERHEAD_LIMIT_MS beyond Neo4j's start; and from "Neo4j is back" to the
 * first answer (the gate opening, the driver reconnecting, the cold plan), by FIRST_ANSWER_LIMIT_MS.
 * And it asserts the whole recovery against the goal itself, `recoveryLimitMs`: 60 s on a machine
 * that is not oversubscribed (a load average of at most two per core when the JVM dies), stretched
 * in proportion beyond that, so a run beside other suites does not fail for their load. The record
 * says how each recovery compares with the plain 60 s, and at what load.
 */
const RECOVERY_GOAL_MS = 60_000;
const RESTART_OVERHEAD_LIMIT_MS = 10_000;
const FIRST_ANSWER_LIMIT_MS = 30_000;
const START_TIMEOUT_MS = 180_000;
interface Limit {
  readonly ms: number;
  readonly load: number;
}
/** The recovery bound at the load of this moment (see above); `load` is the 1-minute average. */
function recoveryLimit(): Limit {
  const load = os.loadavg()[0] ?? 0;
  const fair = 2 * os.availableParallelism();
  return { ms: Math.round(RECOVERY_GOAL_MS * Math.max(1, load / fair)), load };
}
let firstStartMs = 0;
/** What the first start did with the class-data archive. */
let firstStartArchive: ClassDataUse | undefined;
/** The start time the app logged for the JVM that became ready after output offset `from`. */
const startTimeAfter = (from: number): number =>
  Number(/Neo4j is ready at \S+ \(JVM pid \d+, ([\d.]+) s\)/.exec(app.output().slice(from))?.[1] ?? Number.NaN) * 1000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-supervision-'));
const homeDir = path.join(dataDir, 'neo4j');
const childLog = path.join(homeDir, 'logs', 'neo4j-child.log');
let app: AppProcess;
let url = '';
let boltPort = 0;
const PASSWORD = 'supervision-test-password';

interface Sample {
  readonly at: number;
  readonly ms: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly message: string;
}
interface Answer extends Sample {
  readonly ok: boolean;
  readonly cache: string | null;
}

const t0 = performance.now();
const now = (): number => performance.now() - t0;
let nonce = 0;
const PERSON = '{ person(id: "kim-il-sung") { name } }';

/** A normal query; `cached` false adds an unused variable, so the answer must come from Neo4j. */
async function ask(cached = false, query = PERSON): Promise<Answer> {
  const at = now();
  const body = JSON.stringify({ query, variables: cached ? undefined : { nonce: (nonce += 1) } });
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    const json = (await response.json()) as {
      data?: { person?: { name?: string } } | null;
      errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
    };
    const error = json.errors?.[0];
    return {
      at,
      ms: now() - at,
      ok: json.data?.person?.name === 'Kim Il-sung',
      code: error?.extensions?.code ?? 'OK',
      retryable: error?.extensions?.retryable === true,
      message: error?.message ?? '',
      cache: response.headers.get('x-atlas-cache'),
    };
  } catch (error) {
    return { at, ms: now() - at, ok: false, code: `TRANSPORT ${(error as Error).name}`, retryable: false, message: String(error), cache: null };
  }
}

/** An uncached analysis of the network of 1956-08 (Graph Data Science in the managed Neo4j). */
async function analysis(measure: string): Promise<{ data?: { centrality: unknown[] } | null; errors?: { message: string }[] }> {
  const body = JSON.stringify({
    query: `{ centrality(at: "1956-08", measure: ${measure}, limit: 3) { person { id } score } }`,
    variables: { nonce: (nonce += 1) },
  });
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await response.json()) as { data?: { centrality: unknown[] } | null; errors?: { message: string }[] };
}

async function health(): Promise<{ status: number; body: { status?: string; message?: string; retryable?: boolean } }> {
  const response = await fetch(url.replace(/\/graphql$/, '/healthz'));
  return { status: response.status, body: (await response.json()) as { status?: string; message?: string; retryable?: boolean } };
}

/** Asks a normal (uncached) query every 250 ms until one is answered; ms from `since` to that answer. */
async function recovery(since: number): Promise<number> {
  while (now() - since < START_TIMEOUT_MS + 30_000) {
    const answer = await ask();
    if (answer.ok) return answer.at + answer.ms - since;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Number.POSITIVE_INFINITY;
}

/** Folders and files under `root` that anyone but the owner may read, write or enter. */
function openToOthers(root: string): { dirs: number; files: number; open: string[] } {
  let dirs = 0;
  let files = 0;
  const open: string[] = [];
  const visit = (entry: string): void => {
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      dirs += 1;
      if ((stat.mode & 0o777) !== 0o700) open.push(`${entry} ${(stat.mode & 0o777).toString(8)}`);
      for (const name of readdirSync(entry)) visit(path.join(entry, name));
    } else {
      files += 1;
      if ((stat.mode & 0o077) !== 0) open.push(`${entry} ${(stat.mode & 0o777).toString(8)}`);
    }
  };
  visit(root);
  return { dirs, files, open };
}

// Every request of a client that keeps asking throughout, as a user would.
const bystander: Sample[] = [];
let bystanderStop = false;
let bystanderDone: Promise<void> = Promise.resolve();
const figures: Record<string, unknown> = {};
const cachedDuringOutage: Answer[] = [];

beforeAll(async () => {
  // What an older version left: a data folder and a password file readable by others.
  chmodSync(dataDir, 0o755);
  writeFileSync(path.join(dataDir, 'neo4j-password'), `${PASSWORD}\n`, { mode: 0o644 });
  chmodSync(path.join(dataDir, 'neo4j-password'), 0o644);
  app = startAppProcess({
    PORT: String(await freePort()),
    ATLAS_NEO4J_BOLT_PORT: String((boltPort = await freePort())),
    ATLAS_DATA_DIR: dataDir,
    ATLAS_NEO4J_CRASH_LOOP_EXITS: '2',
  });
  // Time for a first start on a loaded machine (minutes at a load of 25).
  const [, address] = await app.waitFor(/GraphQL\s+(http:\/\/\S+)/, 840_000);
  url = address!;
  firstStartMs = startTimeAfter(app.output().lastIndexOf('Neo4j is ready at'));
  firstStartArchive = classDataUse(app.output());
}, 900_000);

afterAll(async () => {
  bystanderStop = true;
  await bystanderDone;
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 180_000);

describe('the supervised Neo4j', () => {
  it('keeps the data folder owner-only, the system database and an older password file included', () => {
    const found = openToOthers(dataDir);
    figures['permissions'] = { dirs: found.dirs, files: found.files, open: found.open };
    expect(found.open).toEqual([]);
    expect(readdirSync(path.join(homeDir, 'data', 'databases', 'system')).length).toBeGreaterThan(5);
    expect(statSync(childLog).mode & 0o777).toBe(0o600);
  });

  it('restarts a SIGKILLed JVM on the same data; requests fail fast meanwhile and recover by themselves', async () => {
    // A cached answer, to ask again during the outage.
    expect((await ask(true)).ok).toBe(true);
    // A GDS projection of 1956-08 kept by the app; it lives only in the JVM about to die.
    expect((await analysis('DEGREE')).errors).toBeUndefined();
    bystanderDone = (async () => {
      while (!bystanderStop) {
        bystander.push(await ask());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    // Store files an older version left open; the restart's start must tighten them again.
    const system = path.join(homeDir, 'data', 'databases', 'system');
    const loosened = readdirSync(system)
      .filter((name) => statSync(path.join(system, name)).isFile())
      .slice(0, 3);
    for (const name of loosened) chmodSync(path.join(system, name), 0o644);
    chmodSync(system, 0o755);

    // The JVM serving now (the last one the log names).
    const jvm = Number(/.*Neo4j is ready at \S+ \(JVM pid (\d+)/s.exec(app.output())?.[1]);
    expect(isAlive(jvm)).toBe(true);
    const from = app.output().length;
    const killedAt = now();
    const limit = recoveryLimit();
    process.kill(jvm, 'SIGKILL');
    await app.waitFor(/exited unexpectedly/, 30_000, from);
    const during = await health();
    cachedDuringOutage.push(await ask(true));
    const backAt = app.waitFor(/Neo4j is back \(JVM pid (\d+)\)/, START_TIMEOUT_MS + 30_000, from).then((match) => ({ match, at: now() }));
    const recoveredMs = await recovery(killedAt);
    const back = await backAt;
    const backPid = back.match[1];
    const log = app.output().slice(from);
    const restartMs = startTimeAfter(from);
    figures['kill'] = {
      recoveredMs,
      limit,
      backMs: back.at - killedAt,
      restartMs,
      steps: /start-up of JVM pid \d+ \(time since the JVM started\): (.*)/.exec(log)?.[1] ?? '',
      health: during,
      log: log.split('\n').filter((line) => /exited|Restarting|is back/.test(line)),
    };

    expect(log).toContain(`Neo4j (JVM pid ${jvm}) exited unexpectedly`);
    expect(log).toContain('killed by SIGKILL');
    expect(log).toMatch(/Restarting Neo4j on the same data in 1\.0 s/);
    // A restart is fast by design: no Cypher before Bolt opens (the store has the password), and
    // the class-data archive (README, "When the embedded Neo4j stops"). In a clone with none yet
    // (this file run alone), the first start was recording one: killed, it wrote none, and the
    // restart records it again. (Another JVM recording it meanwhile: this one could do neither.)
    expect(log).toMatch(/start-up of JVM pid \d+ .*password kept/);
    if (firstStartArchive === 'use') expect(classDataUse(log)).toBe('use');
    if (firstStartArchive === 'record') {
      expect(log).toContain('did not stop cleanly, so no archive was written');
      expect(classDataUse(log)).toBe('record');
    }
    expect(readFileSync(childLog, 'utf8')).toContain(`--- JVM pid ${jvm} exited: killed by SIGKILL ---`);
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ status: 'database unavailable', retryable: true });
    expect(cachedDuringOutage[0]).toMatchObject({ ok: true, cache: 'hit' });
    expect(Number(backPid)).not.toBe(jvm);
    expect(isAlive(jvm)).toBe(false);
    expect(app.alive()).toBe(true);
    expect(back.at - killedAt - restartMs).toBeLessThan(RESTART_OVERHEAD_LIMIT_MS);
    expect(recoveredMs - (back.at - killedAt)).toBeLessThan(FIRST_ANSWER_LIMIT_MS);
    expect(recoveredMs, `recovery at a load of ${limit.load.toFixed(1)}`).toBeLessThan(limit.ms);
    expect(openToOthers(system).open).toEqual([]);
    expect((await health()).status).toBe(200);
    // Another measure on the same projection key: the app must project again, not name the lost graph.
    const after = await analysis('BETWEENNESS');
    expect(after.errors, JSON.stringify(after.errors)).toBeUndefined();
    expect(after.data?.centrality.length).toBeGreaterThan(0);
    figures['analysisAfterRestart'] = after.errors === undefined;
  }, 240_000);

  it('restarts a JVM a query ran out of heap (issue 14 case 1), without counting it as a crash', async () => {
    const [, current] = /.*JVM pid (\d+)/s.exec(app.output()) ?? [];
    const from = app.output().length;
    const sentAt = now();
    const limit = recoveryLimit();
    // About 220,000 strings of 5.5 KB made inside one expression (1.2 GB): the transaction memory
    // tracker does not see them. The console now refuses this (a path of 4 hops; at 3 hops, the
    // paths the data's fan-out allows), so it goes to Neo4j directly over Bolt, with the
    // password the test gave the app: what is tested here is the supervisor, not the console.
    const exhaust = `MATCH (a:Person {id: "kim-il-sung"})-[*1..4]-(b) WITH collect(b.id) AS l RETURN size([x IN l | x + '${'x'.repeat(5_500)}']) AS n`;
    const consoleAnswer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($q: String!) { cypher(query: $q) { rows } }', variables: { q: exhaust } }),
    }).then(async (response) => ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'OK');
    expect(consoleAnswer).toBe('QUERY_REJECTED');
    // One auto-commit run, no retries: a retried query would exhaust the restarted JVM too.
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', PASSWORD), { maxTransactionRetryTime: 0 });
    const session = driver.session({ database: 'neo4j' });
    const direct = session
      .run(exhaust)
      .then(() => 'answered')
      .catch((error: unknown) => (error instanceof Error ? error.name : String(error)))
      .finally(async () => {
        await session.close().catch(() => undefined);
        await driver.close();
      });
    await app.waitFor(/exited unexpectedly/, 60_000, from);
    const exitMs = now() - sentAt;
    const backAt = app.waitFor(/Neo4j is back/, START_TIMEOUT_MS + 30_000, from).then(() => now());
    const directAnswer = await direct;
    cachedDuringOutage.push(await ask(true));
    const recoveredMs = await recovery(sentAt);
    const backMs = (await backAt) - sentAt;
    const log = app.output().slice(from);
    const restartMs = startTimeAfter(from);
    figures['heap'] = {
      consoleAnswer,
      directAnswer,
      exitMs,
      backMs,
      restartMs,
      recoveredMs,
      limit,
      log: log.split('\n').filter((line) => /exited|OutOfMemory|Restarting|is back/.test(line)),
    };

    expect(log).toContain(`Neo4j (JVM pid ${current}) exited unexpectedly`);
    expect(log).toContain('exit code 3, out of heap memory');
    expect(log).toContain('  | Terminating due to java.lang.OutOfMemoryError: Java heap space');
    expect(log).toContain('Crash-loop count: 1 of 2');
    expect(log).toContain('running out of heap while serving is not counted');
    expect(readFileSync(childLog, 'utf8')).toMatch(/Terminating due to java\.lang\.OutOfMemoryError[\s\S]*exited: exit code 3/);
    expect(app.alive()).toBe(true);
    expect(backMs - exitMs - restartMs).toBeLessThan(RESTART_OVERHEAD_LIMIT_MS);
    expect(recoveredMs - backMs).toBeLessThan(FIRST_ANSWER_LIMIT_MS);
    // From the JVM's exit: the query's own run before it (up to the 30 s console limit) is not recovery.
    expect(recoveredMs - exitMs, `recovery at a load of ${limit.load.toFixed(1)}`).toBeLessThan(limit.ms);
  }, 300_000);

  it('stops restarting in a crash loop, and every request and /healthz say why', async () => {
    const pids = app.jvmPids();
    const jvm = pids[pids.length - 1]!;
    const from = app.output().length;
    const killedAt = now();
    process.kill(jvm, 'SIGKILL');
    await app.waitFor(/crash loop, so it is not restarted again/, 30_000, from);
    const gaveUpMs = now() - killedAt;
    // Nothing is started any more.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const answer = await ask();
    const during = await health();
    cachedDuringOutage.push(await ask(true));
    const log = app.output().slice(from);
    figures['crashLoop'] = { gaveUpMs, answer, health: during, log: log.split('\n').filter((line) => /exited|crash loop/.test(line)) };

    expect(log).toMatch(/exited 2 times within 300 s .*ATLAS_NEO4J_CRASH_LOOP_EXITS=2/);
    expect(log).toContain(childLog);
    expect(log).not.toMatch(/Restarting Neo4j|JVM pid \d+ starting|Neo4j is ready/);
    expect(app.jvmPids()).toEqual(pids);
    expect(answer).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: false });
    expect(answer.message).toMatch(/crash loop/);
    expect(answer.message).toContain('neo4j/logs/neo4j-child.log');
    expect(answer.message).not.toContain(dataDir);
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ status: 'database unavailable', retryable: false });
    expect(during.body.message).toMatch(/crash loop/);
    expect(app.alive()).toBe(true);
  }, 120_000);

  it('stops cleanly on SIGTERM and leaves no JVM behind', async () => {
    bystanderStop = true;
    await bystanderDone;
    const code = await app.stop();
    expect(code).toBe(0);
    expect(app.output()).toContain('Stopped.');
    for (const pid of app.jvmPids()) expect(isAlive(pid), `JVM ${pid}`).toBe(false);

    const byCode = new Map<string, number>();
    for (const sample of bystander) {
      const key = sample.code === 'OK' ? 'OK' : `${sample.code} (retryable: ${sample.retryable})`;
      byCode.set(key, (byCode.get(key) ?? 0) + 1);
    }
    const times = bystander.map((sample) => sample.ms).sort((a, b) => a - b);
    const p = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
    const kill = figures['kill'] as { recoveredMs: number; backMs: number; restartMs: number; limit: Limit };
    const heap = figures['heap'] as { consoleAnswer: string; exitMs: number; backMs: number; restartMs: number; recoveredMs: number; limit: Limit };
    const against = (ms: number, limit: Limit): string =>
      `${s(ms)}, ${ms < RECOVERY_GOAL_MS ? 'met' : 'missed'} (load average ${limit.load.toFixed(1)}; the test's bound at that load ${s(limit.ms)})`;
    const loop = figures['crashLoop'] as { gaveUpMs: number; answer: Answer };
    const permissions = figures['permissions'] as { dirs: number; files: number };
    const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    record(
      'supervision',
      [
        'Command: `npx vitest run tests/integration/resilience/supervision.test.ts` (the app as `npm start` runs it, in its own process with its own managed Neo4j and the curated seed; restart delay 1 s doubling, crash loop after 2 counted exits within 300 s for this test, 5 by default).',
        '',
        "| event | JVM gone | Neo4j's start | Neo4j back | a normal query answered again | app log |",
        '| --- | --- | --- | --- | --- | --- |',
        `| JVM SIGKILLed | at once | ${s(kill.restartMs)} | ${s(kill.backMs)} | ${s(kill.recoveredMs)} | killed by SIGKILL, restart in 1 s, back |`,
        `| a query exhausting the heap (issue 14 case 1; the console refused it: ${heap.consoleAnswer}; sent over Bolt directly) | ${s(heap.exitMs)} | ${s(heap.restartMs)} | ${s(heap.backMs)} | ${s(heap.recoveredMs)} | exit code 3 and "Terminating due to java.lang.OutOfMemoryError: Java heap space"; not counted as a crash; restart in 2 s, back |`,
        `| JVM SIGKILLed again: the second counted exit | at once | none | never, by design | never | crash loop named with both settings and the output log's path, ${s(loop.gaveUpMs)} after the kill |`,
        '',
        `Times are from the kill or from sending the query. "Neo4j's start" is the time the app logged for the restart (JVM to Bolt ready); this run's first start took ${s(firstStartMs)}. "Neo4j back" is the app's log line; the normal query is an uncached \`person\` query asked every 250 ms. Issue 14's goal, normal queries answered again within ${s(RECOVERY_GOAL_MS)}: after the kill ${against(kill.recoveredMs, kill.limit)}; after the JVM's exit on heap exhaustion ${against(heap.recoveredMs - heap.exitMs, heap.limit)}. Besides Neo4j's start, the time from the exit to Neo4j back (the restart delay included) was ${s(kill.backMs - kill.restartMs)} and ${s(heap.backMs - heap.exitMs - heap.restartMs)}, and from Neo4j back to the first answer (reconnecting and planning the first query on the cold JVM) ${s(kill.recoveredMs - kill.backMs)} and ${s(heap.recoveredMs - heap.backMs)}.`,
        '',
        `During the crash loop a normal query gets ${loop.answer.code} (retryable: ${loop.answer.retryable}): "${loop.answer.message}" /healthz answers 503 with the same message.`,
        '',
        `A client asking an uncached \`person\` query every 100 ms throughout: ${bystander.length} requests, ${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')}; latency median ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, max ${p(1).toFixed(0)} ms. Cached answers asked during the three outages: ${cachedDuringOutage.filter((a) => a.ok && a.cache === 'hit').length} of ${cachedDuringOutage.length} served from the response cache. An analysis (\`centrality\` at 1956-08) on a GDS projection made before the first kill, asked with another measure after the restart, was ${figures['analysisAfterRestart'] === true ? 'answered: the projection, gone with the JVM, was made again' : 'not answered'}. The app process stayed up throughout and stopped cleanly on SIGTERM with no JVM left.`,
        '',
        `Data folder after start: ${permissions.dirs} folders, all 0700, and ${permissions.files} files, all 0600 (the system database's store included), although the test had left the folder 0755 and the password file 0644; store files loosened to 0644/0755 while Neo4j ran were 0600/0700 again after the restart.`,
      ].join('\n'),
      {
        ...figures,
        bystander: { requests: bystander.length, byCode: Object.fromEntries(byCode), medianMs: p(0.5), p95Ms: p(0.95), maxMs: p(1) },
        cachedDuringOutage,
      },
    );
    expect(bystander.every((sample) => sample.code === 'OK' || sample.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(p(0.95)).toBeLessThan(5_000);
  }, 180_000);
});
