/**
 * What a failed start of the embedded Neo4j shows: the JVM's own output and the part of
 * logs/debug.log that this start wrote, both cut down to the lines that say what went wrong.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

export function debugLogPath(homeDir: string): string {
  return path.join(homeDir, 'logs', 'debug.log');
}

/** Where this start's lines will begin, so a report never quotes an earlier run's warnings. */
export function debugLogSize(homeDir: string): number {
  const file = debugLogPath(homeDir);
  return existsSync(file) ? statSync(file).size : 0;
}

function readFrom(file: string, offset: number): string {
  if (!existsSync(file)) return '';
  const size = statSync(file).size;
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** Stack frames say where, not what; a Java stack trace is mostly frames and would push the cause out. */
const FRAME = /^\s+(at |\.\.\. \d+ more)/;

/** The last `count` lines a JVM printed, without stack frames (they would push the message out). */
export function outputTail(output: readonly string[], count: number): string[] {
  return output.filter((line) => !FRAME.test(line)).slice(-count);
}

/**
 * The failure in one line: the innermost "Caused by:" of the launcher's stack trace (Neo4j wraps
 * the real reason, such as a held store lock, in "Error starting Neo4j database server"), else
 * its own "ATLAS-ERROR <exception>" line.
 */
export function startupCause(output: readonly string[]): string | undefined {
  const from = output.findIndex((l) => l.startsWith('ATLAS-ERROR '));
  if (from < 0) return undefined;
  const innermost = output
    .slice(from)
    .filter((l) => l.startsWith('Caused by: '))
    .pop();
  return (innermost ?? output[from] ?? '').replace(/^(ATLAS-ERROR|Caused by:) /, '').trim();
}

export function startupReport(homeDir: string, output: readonly string[], debugLogOffset: number): string {
  const fromJvm = outputTail(output, 20);
  // Neo4j repeats some harmless warnings many times per start; each message is shown once.
  const seen = new Set<string>();
  const fromLog: string[] = [];
  for (const line of readFrom(debugLogPath(homeDir), debugLogOffset).split('\n')) {
    const entry = /^\S+ \S+ (ERROR|WARN)\s+(.*)$/.exec(line);
    const message = entry?.[2] ?? (line.startsWith('Caused by:') ? line : undefined);
    if (message === undefined || seen.has(message)) continue;
    seen.add(message);
    fromLog.push(line);
  }
  return [
    ...(fromJvm.length > 0 ? ['--- Neo4j output (stack frames left out) ---', ...fromJvm] : ['(Neo4j printed nothing)']),
    ...(fromLog.length > 0 ? [`--- ${debugLogPath(homeDir)}, this start's errors and warnings ---`, ...fromLog.slice(-15)] : []),
  ].join('\n');
}
