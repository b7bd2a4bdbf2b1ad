import { Initial1732400000000 as PostgresInitial } from './postgres/1732400000000-initial';
import { Initial1732400000000 as SqliteInitial } from './sqlite/1732400000000-initial';

// Listed explicitly rather than globbed, so the compiled app needs no file scanning to find them.
export const SQLITE_MIGRATIONS = [SqliteInitial];
export const POSTGRES_MIGRATIONS = [PostgresInitial];
