/** Validation errors: each names a file, a line and a field, and all of them are reported. */

export interface SeedError {
  /** File as shown to the user, e.g. "seed/people/pak-hon-yong.yaml". */
  readonly file: string;
  /** 1-based; 0 when the error concerns a whole file or folder. */
  readonly line: number;
  /** Field path inside the file, e.g. "memberships[0].faction"; empty for file-level errors. */
  readonly field: string;
  readonly message: string;
}

/** `seed/people/x.yaml:12: memberships[0].faction: unknown faction "yenan" (known: ...)` */
export function formatSeedError(error: SeedError): string {
  const where = error.line > 0 ? `${error.file}:${error.line}` : error.file;
  return error.field === '' ? `${where}: ${error.message}` : `${where}: ${error.field}: ${error.message}`;
}

/** By file, then line, then field, so the report reads top to bottom through each file. */
export function sortSeedErrors(errors: readonly SeedError[]): SeedError[] {
  return [...errors].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.field.localeCompare(b.field) || a.message.localeCompare(b.message),
  );
}

/** Thrown by the loader when asked to load an invalid seed. */
export class SeedValidationError extends Error {
  constructor(readonly errors: readonly SeedError[]) {
    super(`The seed has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map(formatSeedError).join('\n')}`);
    this.name = 'SeedValidationError';
  }
}
