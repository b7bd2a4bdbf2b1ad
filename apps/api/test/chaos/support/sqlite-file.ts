import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';

/** The conversions committed to a stopped api's SQLite file, read with a connection of the test's own. */
export function storedConversions(dataDir: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(dataDir, 'goalpost.sqlite'), sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all<{ mref: string; status: string }>('SELECT "mref", "status" FROM "conversions" WHERE "is_test" = 0', (error, rows) => {
        db.close();
        if (error) reject(error);
        else resolve(new Map(rows.map((r) => [r.mref, r.status])));
      });
    });
  });
}
