/**
 * Typed field access over parsed YAML that records, rather than throws, every problem it meets,
 * so one run reports every error in the seed with its file, line and field.
 */
import { parsePartialDate, type PartialDate } from '../../../core/partial-date.js';
import type { Citation, Location } from './dataset.js';
import type { SeedError } from './errors.js';
import { formatFieldPath, lineOf, type FieldPath, type SeedFile } from './read.js';

export class Issues {
  readonly errors: SeedError[] = [];

  add(loc: Location, message: string): void {
    this.errors.push({ file: loc.file.display, line: lineOf(loc.file, loc.path), field: formatFieldPath(loc.path), message });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** "(allowed: a, b, c)"; shared so every vocabulary error reads the same. */
export function allowedList(values: readonly string[]): string {
  return `(allowed: ${values.join(', ')})`;
}

const CITATION_KEYS = ['source', 'at', 'note'] as const;

/** One YAML mapping (a file's top level or an entry in a list) with the fields it may hold. */
export class Entry {
  private constructor(
    readonly issues: Issues,
    readonly file: SeedFile,
    readonly path: FieldPath,
    private readonly value: Record<string, unknown>,
  ) {}

  /** Null (with an error recorded) when `value` is not a mapping; unknown keys are errors too, to catch typos like "cites". */
  static open(issues: Issues, file: SeedFile, path: FieldPath, value: unknown, allowed: readonly string[]): Entry | null {
    if (!isRecord(value)) {
      issues.add({ file, path }, `expected a mapping (key: value lines), got ${describe(value)}`);
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) issues.add({ file, path: [...path, key] }, `unknown field "${key}" ${allowedList(allowed)}`);
    }
    return new Entry(issues, file, path, value);
  }

  loc(...steps: (string | number)[]): Location {
    return { file: this.file, path: [...this.path, ...steps] };
  }

  error(key: string, message: string): void {
    this.issues.add(this.loc(key), message);
  }

  private present(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  /** A non-empty string. Missing: an error when required, else null. */
  text(key: string, required: boolean): string | null {
    const value = this.value[key];
    if (!this.present(key)) {
      if (required) this.error(key, `missing: required`);
      return null;
    }
    if (typeof value !== 'string') {
      this.error(key, `expected text, got ${describe(value)}`);
      return null;
    }
    if (value.trim() === '') {
      if (required) this.error(key, 'must not be empty');
      return null;
    }
    return value.trim();
  }

  integer(key: string): number | null {
    const value = this.value[key];
    if (!this.present(key)) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.error(key, `expected a whole number, got ${describe(value)}`);
      return null;
    }
    return value;
  }

  bool(key: string): boolean | null {
    const value = this.value[key];
    if (!this.present(key)) return null;
    if (typeof value !== 'boolean') {
      this.error(key, `expected true or false, got ${describe(value)}`);
      return null;
    }
    return value;
  }

  /** One of a vocabulary; `fallback` is used when the field is absent (null = required). */
  choice<T extends string>(key: string, allowed: readonly T[], fallback: T | null, what = key): T | null {
    const value = this.value[key];
    if (!this.present(key)) {
      if (fallback === null) this.error(key, `missing: required ${allowedList(allowed)}`);
      return fallback;
    }
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) {
      this.error(key, `unknown ${what} ${typeof value === 'string' ? JSON.stringify(value) : describe(value)} ${allowedList(allowed)}`);
      return fallback;
    }
    return match;
  }

  /** A partial date. A bare year written without quotes (1956) arrives as a number and is accepted. */
  date(key: string, required: boolean): PartialDate | null {
    const value = this.value[key];
    if (!this.present(key)) {
      if (required) this.error(key, 'missing: required');
      return null;
    }
    const written = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
    if (typeof written !== 'string') {
      this.error(key, `expected a date such as "1956-08", got ${describe(value)}`);
      return null;
    }
    const parsed = parsePartialDate(written);
    if (!parsed.ok) {
      this.error(key, `malformed date: ${parsed.error}`);
      return null;
    }
    return parsed.value;
  }

  /** A list (missing = empty); each item is handed to `each` with its index. */
  list<T>(key: string, each: (item: unknown, index: number) => T | null): T[] {
    const value = this.value[key];
    if (!this.present(key)) return [];
    if (!Array.isArray(value)) {
      this.error(key, `expected a list, got ${describe(value)}`);
      return [];
    }
    const out: T[] = [];
    value.forEach((item, index) => {
      const result = each(item, index);
      if (result !== null) out.push(result);
    });
    return out;
  }

  stringList(key: string): string[] {
    return this.list(key, (item, index) => {
      if (typeof item === 'string' && item.trim() !== '') return item.trim();
      this.issues.add(this.loc(key, index), `expected text, got ${describe(item)}`);
      return null;
    });
  }

  /** A mapping nested under `key` (or under `key[index]`). */
  child(steps: (string | number)[], value: unknown, allowed: readonly string[]): Entry | null {
    return Entry.open(this.issues, this.file, [...this.path, ...steps], value, allowed);
  }

  /** A citation list. `what` names the fact for the "missing citation" message. */
  citations(key: string, what: string, required = true): Citation[] {
    const value = this.value[key];
    if (!this.present(key) || (Array.isArray(value) && value.length === 0)) {
      if (required) this.error(key, `missing citation: every ${what} needs a non-empty cite`);
      return [];
    }
    return this.list(key, (item, index) => {
      const entry = this.child([key, index], item, CITATION_KEYS);
      if (entry === null) return null;
      const source = entry.text('source', true);
      // Locators are often bare page numbers (at: 112), which YAML reads as numbers.
      const rawAt = entry.raw('at');
      const at = typeof rawAt === 'number' ? String(rawAt) : entry.text('at', false);
      const note = entry.text('note', false);
      if (source === null) return null;
      return { source, at, note, loc: entry.loc() };
    });
  }
}
