import { QueryFailedError } from 'typeorm';

/** A write refused by a unique index, on either database (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT … UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; message?: unknown } | undefined;
  if (driverError?.code === '23505') return true;
  return driverError?.code === 'SQLITE_CONSTRAINT' && typeof driverError.message === 'string' && driverError.message.includes('UNIQUE');
}
