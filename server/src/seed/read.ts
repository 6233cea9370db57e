/**
 * Reads the seed folder: every YAML file parsed with its source positions kept, so validation
 * errors can name the line of the field they are about.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SeedError } from './errors.js';

/** Which part of the format a file holds; decides how its contents are validated. */
export type SeedFileKind = 'sources' | 'factions' | 'person' | 'events' | 'ties';

/** A path to a field inside one file: map keys and list indexes, e.g. ['memberships', 0, 'faction']. */
export type FieldPath = readonly (string | number)[];

export interface SeedFile {
  readonly kind: SeedFileKind;
  /** Absolute path. */
  readonly absolute: string;
  /** Path as shown in messages: relative to the working directory when inside it. */
  readonly display: string;
  /** The parsed contents as plain JS values (null for an empty file). */
  readonly data: unknown;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export interface ReadResult {
  readonly files: SeedFile[];
  /** Unreadable folders, YAML syntax errors and files in unexpected places. */
  readonly errors: SeedError[];
}

const SUBFOLDERS: Readonly<Record<string, SeedFileKind>> = { people: 'person', events: 'events', ties: 'ties' };
const TOP_FILES: Readonly<Record<string, SeedFileKind>> = { 'sources.yaml': 'sources', 'factions.yaml': 'factions' };

export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

function parseFile(absolute: string, kind: SeedFileKind, errors: SeedError[]): SeedFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter, prettyErrors: false });
  const display = displayPath(absolute);
  for (const error of document.errors) {
    const line = error.linePos?.[0]?.line ?? 1;
    errors.push({ file: display, line, field: '', message: `YAML syntax error: ${error.message.split('\n')[0]}` });
  }
  const data: unknown = document.errors.length === 0 ? document.toJS() : null;
  return { kind, absolute, display, data, document, lineCounter };
}

function yamlFilesIn(dir: string, kind: SeedFileKind, errors: SeedError[]): SeedFile[] {
  const files: SeedFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const absolute = path.join(dir, name);
    if (name.startsWith('.') || statSync(absolute).isDirectory()) continue;
    if (name.endsWith('.yaml')) files.push(parseFile(absolute, kind, errors));
    else if (name.endsWith('.yml')) {
      errors.push({ file: displayPath(absolute), line: 1, field: '', message: 'seed files end in ".yaml", not ".yml"; this file would be ignored' });
    }
  }
  return files;
}

/** Reads every seed file under `dir`; a missing sources.yaml or factions.yaml is an error. */
export function readSeedDir(dir: string): ReadResult {
  const root = path.resolve(dir);
  const errors: SeedError[] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return { files: [], errors: [{ file: displayPath(root), line: 0, field: '', message: 'seed folder not found' }] };
  }
  const files: SeedFile[] = [];
  for (const [name, kind] of Object.entries(TOP_FILES)) {
    const absolute = path.join(root, name);
    if (existsSync(absolute)) files.push(parseFile(absolute, kind, errors));
    else errors.push({ file: displayPath(absolute), line: 0, field: '', message: `missing: every seed folder needs ${name}` });
  }
  for (const [folder, kind] of Object.entries(SUBFOLDERS)) {
    const absolute = path.join(root, folder);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) files.push(...yamlFilesIn(absolute, kind, errors));
  }
  for (const name of readdirSync(root).sort()) {
    if ((name.endsWith('.yaml') || name.endsWith('.yml')) && !(name in TOP_FILES)) {
      errors.push({
        file: displayPath(path.join(root, name)),
        line: 1,
        field: '',
        message: `unexpected file: the seed folder holds sources.yaml, factions.yaml and the folders ${Object.keys(SUBFOLDERS).join(', ')}/`,
      });
    }
  }
  return { files, errors };
}

function childOf(node: unknown, step: string | number): { key?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
    if (pair === undefined) return undefined;
    return { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
  }
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    return item === undefined ? undefined : { value: item as Node };
  }
  return undefined;
}

/**
 * The 1-based line of the field at `fieldPath`. A missing field resolves to its nearest existing
 * parent, so "missing cite" points at the entry that lacks it.
 */
export function lineOf(file: SeedFile, fieldPath: FieldPath): number {
  let node: unknown = file.document.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const step of fieldPath) {
    const child = childOf(node, step);
    if (child === undefined) break;
    const valueRange = child.value?.range;
    // An empty value ("faction:") has a zero-width range; the key's line is the useful one.
    const useValue = valueRange !== undefined && valueRange !== null && valueRange[0] !== valueRange[1];
    offset = (useValue ? valueRange[0] : child.key?.range?.[0]) ?? valueRange?.[0] ?? offset;
    node = child.value;
  }
  return file.lineCounter.linePos(offset).line;
}

/** `['memberships', 0, 'faction']` -> "memberships[0].faction"; a list file's entry index leads: "[3].cite[0].source". */
export function formatFieldPath(fieldPath: FieldPath): string {
  let out = '';
  for (const step of fieldPath) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? step : `.${step}`;
  }
  return out;
}
