import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { DatabaseUnavailableError } from './database-unavailable';
import { Db } from './db.service';

/** Reads the probe row through a connection of its own: only what was committed to the file is there. */
function committedProbeAt(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const other = new sqlite3.Database(join(dataDir, 'goalpost.sqlite'), sqlite3.OPEN_READONLY);
    other.get<{ at: number }>('SELECT "at" FROM "write_probe" WHERE "id" = 1', (error, row) => {
      other.close();
      if (error) reject(error);
      else resolve(Number(row.at));
    });
  });
}

/** Always SQLite, whichever database the other medium specs use: this is about SQLite's one shared connection. */
const bootOnSqlite = () => bootApp({}, {}, { dataDir: mkdtempSync(join(tmpdir(), 'goalpost-db-')) });

describe('Db on SQLite after a transaction SQLite ended by itself', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close(false);
    rmSync(t.store.dataDir, { recursive: true, force: true });
  });

  it('brings the connection back to autocommit, so the next write really commits', async () => {
    t = await bootOnSqlite();
    const db = t.app.get(Db);
    // What SQLITE_FULL at COMMIT does: SQLite rolls back on its own, then TypeORM's ROLLBACK fails.
    await expect(
      db.write(async (m) => {
        await m.query('UPDATE "write_probe" SET "at" = 1 WHERE "id" = 1');
        await m.query('ROLLBACK');
        throw new Error('COMMIT failed');
      }),
    ).rejects.toThrow('COMMIT failed');
    // A later statement error (the transaction goes on at SQLite's level) would then leave a savepoint open
    // under every following write, so none of them would ever reach the file.
    await expect(db.write((m) => m.query('INSERT INTO "no_such_table" VALUES (1)'))).rejects.toThrow(/no such table/);

    const before = Date.now();
    await db.probeWrite();
    expect(await committedProbeAt(t.store.dataDir)).toBeGreaterThanOrEqual(before);
    // And once more, so a stale savepoint depth cannot hide behind a single lucky commit.
    await db.write((m) => m.query('UPDATE "write_probe" SET "at" = 7 WHERE "id" = 1'));
    expect(await committedProbeAt(t.store.dataDir)).toBe(7);
  });

  it('refuses a write on a read-only database as unavailable and reports it until a probe commits', async () => {
    t = await bootOnSqlite();
    const db = t.app.get(Db);
    await db.write((m) => m.query('PRAGMA query_only = ON'));
    await expect(db.write((m) => m.query('UPDATE "write_probe" SET "at" = 2 WHERE "id" = 1'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(db.writeHealth).toMatchObject({ writable: false, reason: 'SQLITE_READONLY' });
    expect((await db.probeWrite()).writable).toBe(false);

    await db.dataSource.query('PRAGMA query_only = OFF');
    expect((await db.probeWrite()).writable).toBe(true);
  });
});
