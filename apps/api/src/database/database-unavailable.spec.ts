import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
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
    ['a reset connection, wrapped', wrapped(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })), 'ECONNRESET'],
    ['a statement timeout', wrapped(pgError('57014')), '57014'],
    ['an idle-in-transaction timeout', pgError('25P03'), '25P03'],
    ['a crash shutdown', pgError('57P02'), '57P02'],
    ['a server that cannot connect now', pgError('57P03'), '57P03'],
    ['a connection that does not exist', pgError('08003'), '08003'],
    ['a server that rejected the connection', pgError('08004'), '08004'],
    ['too many connections', pgError('53300'), '53300'],
    ['a query the server never answered', wrapped(new Error('Query read timeout')), 'Query read timeout'],
    ['the pool finding no connection in time', new Error('timeout exceeded when trying to connect'), 'timeout exceeded when trying to connect'],
    [
      'a connect timeout, with its cause',
      new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') }),
      'Connection terminated due to connection timeout',
    ],
    [
      'a refused connection inside its cause',
      new Error('could not connect', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
      'ECONNREFUSED',
    ],
    [
      'every address refused (AggregateError)',
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], 'all failed'),
      'ECONNREFUSED',
    ],
    ['a transaction whose connection was given back after an error', new QueryRunnerAlreadyReleasedError(), 'connection lost mid-transaction'],
    ['an unreachable network', Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' }), 'ENETUNREACH'],
  ])('treats %s as unavailable', (_name, error, reason) => {
    expect(unavailableReason(error)).toBe(reason);
  });

  it.each([
    ['a constraint violation', sqliteError('SQLITE_CONSTRAINT')],
    ['a PostgreSQL unique violation', pgError('23505')],
    ['a syntax error', wrapped(pgError('42601'))],
    ['a PostgreSQL not-null violation', wrapped(pgError('23502'))],
    ['a PostgreSQL invalid transaction state other than a timeout', pgError('25001')],
    ['a PostgreSQL lock not available', pgError('55P03')],
    ['a PostgreSQL code that only starts like a connection one', pgError('0800')],
    ['an error whose cause is a bug', new Error('outer', { cause: new TypeError('inner') })],
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
