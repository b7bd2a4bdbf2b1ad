import { closeSync, existsSync, mkdirSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseConfig } from './app-config';

/**
 * Why Goalpost could not keep its SQLite database where it is told to, in one line naming the path, or
 * null when it can. Checked before boot so that a read-only or missing DATA_DIR is a clear message and
 * not a driver's stack trace (and never a server that starts, then fails every write).
 */
export function sqliteStorageProblem(database: DatabaseConfig): string | null {
  if (database.dialect !== 'sqlite') return null;
  const dir = dirname(database.path);
  let path = dir;
  try {
    mkdirSync(dir, { recursive: true });
    // SQLite writes its -wal and -shm files next to the database: the directory itself must take files.
    path = join(dir, `.goalpost-write-check-${process.pid}`);
    writeFileSync(path, '');
    unlinkSync(path);
    if (existsSync(database.path)) {
      path = database.path;
      closeSync(openSync(path, 'r+'));
    }
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    const target = path === database.path ? database.path : dir;
    return `Goalpost cannot write its database in ${target} (${code}): make it writable for this user, or set DATA_DIR (or DATABASE_URL) to a place that is.`;
  }
}
