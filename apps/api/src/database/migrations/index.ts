import { Initial1732400000000 as PostgresInitial } from './postgres/1732400000000-initial';
import { Admin1732500000000 as PostgresAdmin } from './postgres/1732500000000-admin';
import { WriteProbe1732600000000 } from './1732600000000-write-probe';
import { Initial1732400000000 as SqliteInitial } from './sqlite/1732400000000-initial';
import { Admin1732500000000 as SqliteAdmin } from './sqlite/1732500000000-admin';

// Listed explicitly rather than globbed, so the compiled app needs no file scanning to find them.
export const SQLITE_MIGRATIONS = [SqliteInitial, SqliteAdmin, WriteProbe1732600000000];
export const POSTGRES_MIGRATIONS = [PostgresInitial, PostgresAdmin, WriteProbe1732600000000];
