/**
 * The data folder is readable by its owner only: it holds the store (the system database keeps
 * the users and their password hashes), the generated password and the logs. New files are
 * owner-only because the JVM runs with umask 077 (jvm.ts); this also tightens what an earlier
 * version, a restore or a hand-made copy left readable by others.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const OWNER_DIR_MODE = 0o700;
export const OWNER_FILE_MODE = 0o600;

/** Creates `dir` if needed and makes it owner-only, without touching what is inside. */
export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_DIR_MODE });
  chmodSync(dir, OWNER_DIR_MODE);
}

/**
 * Makes `root` and everything under it owner-only: folders 0700, files 0600 (an owner's execute
 * bit is kept). Symbolic links are neither followed nor changed. Only for folders this app made.
 */
export function ownerOnlyTree(root: string): void {
  try {
    const stat = lstatSync(root, { throwIfNoEntry: false });
    if (stat === undefined || stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o7777) !== OWNER_DIR_MODE) chmodSync(root, OWNER_DIR_MODE);
      for (const name of readdirSync(root)) ownerOnlyTree(path.join(root, name));
    } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
      chmodSync(root, (stat.mode & 0o700) | OWNER_FILE_MODE);
    }
  } catch (error) {
    // A running Neo4j (another process's, met during a store-lock retry) may delete a file under us.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
