import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';

/** Seconds a client is told to wait before retrying a write the database could not take. */
export const DATABASE_RETRY_AFTER_S = 5;

/**
 * The database could not take a write or a read right now (disk full, read-only file, lost or stalled
 * connection): nothing was recorded, and the same request may succeed later. Answered 503 with
 * Retry-After, never 2xx and never 500 (merchant servers treat a 500 as final).
 */
export class DatabaseUnavailableError extends DomainError {
  constructor(
    /** The driver's code or message, for logs, metrics and /health. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(DomainErrorCode.DatabaseUnavailable, 'The database cannot take writes right now; nothing was recorded. Retry shortly.');
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** SQLite result codes that mean the storage, not the statement, failed. */
const SQLITE_STORAGE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|PROTOCOL)\b/;
/**
 * PostgreSQL SQLSTATEs that mean the server, not the statement, failed: class 08 (connection exception),
 * 53 (insufficient resources), 57P (admin/crash shutdown, cannot connect now), 57014 (canceled: the
 * statement timeout), 25006 (read-only transaction, e.g. a standby), 25P03 (idle-in-transaction timeout).
 */
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-5]|57014|25006|25P03)$/;
/** What node-postgres and sockets report when the server is gone, unreachable or not answering. */
const CONNECTION_LOST =
  /^(ECONNREFUSED|ECONNRESET|ECONNABORTED|EPIPE|ETIMEDOUT|EHOSTUNREACH|EHOSTDOWN|ENETUNREACH|ENETDOWN|ENOTFOUND|EAI_AGAIN|ERR_SOCKET_CLOSED|ERR_STREAM_DESTROYED)$/;
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|terminating connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Query read timeout|canceling statement due to statement timeout/i;

/** The reason when `error` is a database-unavailable condition, else null (a real bug or a bad statement). */
export function unavailableReason(error: unknown): string | null {
  return reasonOf(error, 0);
}

/** Errors nest: TypeORM's QueryFailedError holds the driver's error, pg-pool's connect timeout its cause, Node's AggregateError its attempts. */
function reasonOf(error: unknown, depth: number): string | null {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  // TypeORM gives a connection that errored back to the pool at once: the transaction's next statement finds it gone.
  if (error instanceof QueryRunnerAlreadyReleasedError) return 'connection lost mid-transaction';
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (SQLITE_STORAGE.test(code)) return code;
    if (PG_UNAVAILABLE.test(code) || CONNECTION_LOST.test(code)) return code;
  }
  if (typeof message === 'string') {
    const sqlite = /^SQLITE_[A-Z_]+/.exec(message);
    if (sqlite && SQLITE_STORAGE.test(sqlite[0])) return sqlite[0];
    if (CONNECTION_MESSAGES.test(message)) return message.slice(0, 200);
  }
  for (const inner of [driverError, cause, ...(Array.isArray(errors) ? errors : [])]) {
    if (inner === undefined || inner === error) continue;
    const reason = reasonOf(inner, depth + 1);
    if (reason !== null) return reason;
  }
  return null;
}

/** The error to throw for a failed database call: unavailability as DatabaseUnavailableError, anything else as it is. */
export function asDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const reason = unavailableReason(error);
  return reason === null ? error : new DatabaseUnavailableError(reason, { cause: error });
}
