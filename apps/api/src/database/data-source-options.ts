import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { types as pgTypes } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

// int8 columns hold epoch milliseconds and counts, all well inside Number's exact range.
pgTypes.setTypeParser(pgTypes.builtins.INT8, (value) => Number(value));

/** One place that turns the configured database into TypeORM options: used by the app and the CLI. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.dialect === 'postgres') {
    return { ...common, type: 'postgres', url: db.url, migrations: POSTGRES_MIGRATIONS, extra: { max: 10 } };
  }
  mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: db.path,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    busyTimeout: 5_000,
    busyErrorRetry: 100,
  };
}
