import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { types as pgTypes } from 'pg';
import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { postgresPoolOptions } from './postgres-client';

// int8 columns hold epoch milliseconds and counts, all well inside Number's exact range.
pgTypes.setTypeParser(pgTypes.builtins.INT8, (value) => Number(value));

/**
 * TypeORM calls `driver.verbose()` and uses what it returns. The real verbose() wraps every statement to
 * capture a stack trace (a measurable share of the write path); this hands back the plain module instead.
 */
const QUIET_SQLITE3 = { verbose: () => sqlite3 };

/** Every entity class the data source maps; the list itself lives with the app, so this folder imports no feature. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** One place that turns the configured database into TypeORM options: used by the app and the CLI. */
export function dataSourceOptions(db: DatabaseConfig, entities: EntityList): DataSourceOptions {
  const common = { entities, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.dialect === 'postgres') {
    // Room for the delivery worker's concurrent sends, two overlapping ingest batches per writer, and reads.
    return { ...common, type: 'postgres', url: db.url, extra: { max: 20, ...postgresPoolOptions(db.timeouts) } };
  }
  mkdirSync(dirname(db.path), { recursive: true });
  // SQLite has no connection to lose: a write waits at most busyTimeout for another process's lock, then fails SQLITE_BUSY (a 503).
  return {
    ...common,
    type: 'sqlite',
    database: db.path,
    driver: QUIET_SQLITE3,
    enableWAL: true,
    busyTimeout: 5_000,
    busyErrorRetry: 100,
  };
}
