/**
 * The managed Neo4j JVM's stdout and stderr on disk, so that what it said before it died can
 * be read after the fact (Neo4j's own debug.log does not hold the JVM's words, such as
 * "Terminating due to java.lang.OutOfMemoryError"). Each line is stamped with the time; the
 * file is rotated by size and a few older files are kept, so it never grows without bound.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ChildLogSettings } from '../config.js';

export const CHILD_LOG_NAME = 'neo4j-child.log';

/** Where the JVM's output of the Neo4j home `homeDir` goes: beside Neo4j's own debug.log. */
export function childLogPath(homeDir: string): string {
  return path.join(homeDir, 'logs', CHILD_LOG_NAME);
}

/** One line is cut here: a runaway line must not rotate every other line away. */
const MAX_LINE_BYTES = 8 * 1024;

export class RotatingLog {
  private fd: number | null = null;
  private size = 0;
  private failed = false;

  constructor(
    readonly file: string,
    private readonly settings: ChildLogSettings,
    /** Told once if the log cannot be written (the disk is full, say); logging then stops, the JVM does not. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  write(line: string, at: Date = new Date()): void {
    if (this.failed) return;
    try {
      let data = Buffer.from(`${at.toISOString()} ${line}`, 'utf8');
      if (data.length > MAX_LINE_BYTES) data = Buffer.concat([data.subarray(0, MAX_LINE_BYTES), Buffer.from(' ...(line cut)')]);
      data = Buffer.concat([data, Buffer.from('\n')]);
      if (this.fd === null) this.open();
      if (this.size > 0 && this.size + data.length > this.settings.maxBytes) this.rotate();
      writeSync(this.fd!, data);
      this.size += data.length;
    } catch (error) {
      this.failed = true;
      this.close();
      this.onError(error);
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /** neo4j-child.log -> .1 -> .2 ... up to keepFiles; the oldest goes. */
  private rotate(): void {
    this.close();
    const keep = this.settings.keepFiles;
    rmSync(`${this.file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      if (existsSync(`${this.file}.${n}`)) renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
    }
    if (keep > 0) renameSync(this.file, `${this.file}.1`);
    else rmSync(this.file, { force: true });
    this.open();
  }
}
