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
/** PostgreSQL SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (shutdown), 25006 (read-only). */
const PG_UNAVAILABLE = /^(08|53|57P)|^25006$/;
/** What node-postgres and sockets report when the server is gone or unreachable. */
const CONNECTION_LOST = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/;
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)|Query read timeout/i;

/** The reason when `error` is a database-unavailable condition, else null (a real bug or a bad statement). */
export function unavailableReason(error: unknown): string | null {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, driverError } = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (typeof code === 'string') {
    if (SQLITE_STORAGE.test(code)) return code;
    if (PG_UNAVAILABLE.test(code) || CONNECTION_LOST.test(code)) return code;
  }
  if (typeof message === 'string') {
    const sqlite = /^SQLITE_[A-Z_]+/.exec(message);
    if (sqlite && SQLITE_STORAGE.test(sqlite[0])) return sqlite[0];
    if (CONNECTION_MESSAGES.test(message)) return message.slice(0, 200);
  }
  // TypeORM wraps driver errors in QueryFailedError with the original as driverError.
  if (driverError && driverError !== error) return unavailableReason(driverError);
  return null;
}

/** The error to throw for a failed database call: unavailability as DatabaseUnavailableError, anything else as it is. */
export function asDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const reason = unavailableReason(error);
  return reason === null ? error : new DatabaseUnavailableError(reason, { cause: error });
}
