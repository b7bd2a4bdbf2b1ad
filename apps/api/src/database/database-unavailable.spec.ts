import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { asDatabaseError, DatabaseUnavailableError, unavailableReason } from './database-unavailable';

const sqliteError = (code: string) => Object.assign(new Error(`${code}: something`), { code, errno: 13 });
const pgError = (code: string) => Object.assign(new Error('pg says no'), { code });
const wrapped = (driverError: Error) => new QueryFailedError('INSERT …', [], driverError);

describe('unavailableReason', () => {
  it.each([
    ['disk full', sqliteError('SQLITE_FULL'), 'SQLITE_FULL'],
    ['read-only file', sqliteError('SQLITE_READONLY'), 'SQLITE_READONLY'],
    ['I/O error', sqliteError('SQLITE_IOERR'), 'SQLITE_IOERR'],
    ['wrapped by TypeORM', wrapped(sqliteError('SQLITE_FULL')), 'SQLITE_FULL'],
    ['PostgreSQL disk full', pgError('53100'), '53100'],
    ['PostgreSQL admin shutdown', pgError('57P01'), '57P01'],
    ['PostgreSQL connection failure', pgError('08006'), '08006'],
    ['PostgreSQL read-only transaction', pgError('25006'), '25006'],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    ['connection terminated', new Error('Connection terminated unexpectedly'), 'Connection terminated unexpectedly'],
  ])('treats %s as unavailable', (_name, error, reason) => {
    expect(unavailableReason(error)).toBe(reason);
  });

  it.each([
    ['a constraint violation', sqliteError('SQLITE_CONSTRAINT')],
    ['a PostgreSQL unique violation', pgError('23505')],
    ['a syntax error', wrapped(pgError('42601'))],
    ['a programming error', new TypeError('x is undefined')],
    ['a string', 'nope'],
  ])('does not treat %s as unavailable', (_name, error) => {
    expect(unavailableReason(error)).toBeNull();
  });

  it('turns unavailability into DatabaseUnavailableError and leaves other errors as they are', () => {
    const bad = new TypeError('bug');
    expect(asDatabaseError(bad)).toBe(bad);
    const converted = asDatabaseError(wrapped(sqliteError('SQLITE_FULL')));
    expect(converted).toBeInstanceOf(DatabaseUnavailableError);
    expect((converted as DatabaseUnavailableError).reason).toBe('SQLITE_FULL');
  });
});
