import { join } from 'node:path';
import { Client } from 'pg';
import * as sqlite3 from 'sqlite3';
import type { TestDatabase } from '../../integration/harness/test-database';

/** What a stopped api left in its database, read with a connection of the test's own. */
export interface StoredRows {
  /** mref → status of every live conversion. */
  conversions: Map<string, string>;
  /** "outcome/error code" → attempts, over every conversion. */
  attempts: Record<string, number>;
  /** mref → its attempts as "kind/outcome/error code", oldest first. */
  attemptsOf: Map<string, string[]>;
}

const CONVERSIONS = 'SELECT "mref", "status" FROM "conversions" WHERE NOT "is_test"';
const ATTEMPTS =
  'SELECT "c"."mref", "a"."kind", "a"."outcome", COALESCE("a"."error_code", \'-\') AS "code" FROM "delivery_attempts" "a" ' +
  'JOIN "conversions" "c" ON "c"."id" = "a"."conversion_id" ORDER BY "a"."id"';

type ConversionRow = { mref: string; status: string };
type AttemptRow = { mref: string; kind: string; outcome: string; code: string };

export async function readStoredRows(database: TestDatabase): Promise<StoredRows> {
  const [conversions, attempts] = database.databaseUrl ? await readPostgres(database.databaseUrl) : await readSqlite(database.dataDir);
  const totals: Record<string, number> = {};
  const attemptsOf = new Map<string, string[]>();
  for (const r of attempts) {
    totals[`${r.outcome}/${r.code}`] = (totals[`${r.outcome}/${r.code}`] ?? 0) + 1;
    attemptsOf.set(r.mref, [...(attemptsOf.get(r.mref) ?? []), `${r.kind}/${r.outcome}/${r.code}`]);
  }
  return { conversions: new Map(conversions.map((r) => [r.mref, r.status])), attempts: totals, attemptsOf };
}

async function readPostgres(url: string): Promise<[ConversionRow[], AttemptRow[]]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return [(await client.query<ConversionRow>(CONVERSIONS)).rows, (await client.query<AttemptRow>(ATTEMPTS)).rows];
  } finally {
    await client.end();
  }
}

function readSqlite(dataDir: string): Promise<[ConversionRow[], AttemptRow[]]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(dataDir, 'goalpost.sqlite'), sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all<ConversionRow>(CONVERSIONS, (error, conversions) => {
        if (error) return db.close(() => reject(error));
        db.all<AttemptRow>(ATTEMPTS, (attemptsError, attempts) => {
          db.close();
          if (attemptsError) reject(attemptsError);
          else resolve([conversions, attempts]);
        });
      });
    });
  });
}
