/**
 * The managed Neo4j's password: ATLAS_NEO4J_PASSWORD when set, otherwise generated on first run
 * and kept in a git-ignored file readable only by its owner.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PASSWORD_FILE = 'neo4j-password';

export function resolvePassword(dataDir: string, configured: string | undefined): string {
  if (configured !== undefined) return configured;
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 8) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${password}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return password;
}
