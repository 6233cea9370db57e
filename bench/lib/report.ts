/**
 * Results go two places: artifacts/bench/<section>.json (raw) and BENCHMARKS.md, between
 * `<!-- bench:<section> -->` and `<!-- /bench:<section> -->`, so the prose around them stays
 * and every section's latest numbers survive even if a later section fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../tests/support/paths.js';

export const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const ARTIFACTS = path.join(ROOT, 'artifacts/bench');

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

/** The line that opens every measured section: when, and on what machine under what load. */
export function measuredStamp(): string {
  return `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}._`;
}

export function writeSection(file: string, name: string, markdown: string): void {
  replaceSection(file, name, `${measuredStamp()}\n\n${markdown.trim()}`);
}

/** Puts `body` (already stamped) between the section's markers, or appends the section. */
export function replaceSection(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

export function saveJson(name: string, value: unknown): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
