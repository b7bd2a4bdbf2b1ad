import { join } from 'node:path';
import { Client } from 'pg';
import * as sqlite3 from 'sqlite3';
import type { TestDatabase } from '../../integration/harness/test-database';

/**
 * Reads a suite's database with a connection of the test's own, whichever the dialect: what is really
 * committed, not what the api says. `sql` uses `?` placeholders; they become `$n` on PostgreSQL.
 */
export async function readRows<T>(database: TestDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  if (database.databaseUrl) {
    const client = new Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[];
    } finally {
      await client.end();
    }
  }
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(database.dataDir, 'goalpost.sqlite'), sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all<T>(sql, params, (error, rows) => {
        db.close();
        if (error) reject(error);
        else resolve(rows);
      });
    });
  });
}

/** Every live conversion's mref and status. */
export async function conversionStatuses(database: TestDatabase): Promise<Map<string, string>> {
  const rows = await readRows<{ mref: string; status: string }>(database, `SELECT "mref", "status" FROM "conversions" WHERE "is_test" = ?`, [
    database.databaseUrl ? false : 0,
  ]);
  return new Map(rows.map((r) => [r.mref, r.status]));
}

export interface StoredAttempt {
  id: number;
  kind: string;
  outcome: string;
  reason: string | null;
  startedAt: number;
}

/** The attempts of the live conversion with this mref, oldest first. */
export async function attemptsOf(database: TestDatabase, mref: string): Promise<StoredAttempt[]> {
  const rows = await readRows<{ id: number; kind: string; outcome: string; reason: string | null; started_at: number | string }>(
    database,
    `SELECT a."id", a."kind", a."outcome", a."reason", a."started_at" FROM "delivery_attempts" a
     JOIN "conversions" c ON c."id" = a."conversion_id" WHERE c."mref" = ? ORDER BY a."id"`,
    [mref],
  );
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, outcome: r.outcome, reason: r.reason, startedAt: Number(r.started_at) }));
}
