import { Client } from 'pg';
import type { PostgresTimeouts } from '../config/app-config';

/**
 * How much longer than the server's statement_timeout the client waits for an answer. The server's own
 * timeout (57014) normally answers first; the client's catches a server, or a route to it, that does not
 * answer at all.
 */
export const CLIENT_QUERY_MARGIN_MS = 1_000;

/** pg's message when `query_timeout` passes without an answer. */
const READ_TIMEOUT = 'Query read timeout';

/**
 * A pg Client that closes its connection when a query gets no answer in time. Such a connection is in an
 * unknown state: the statement (a COMMIT, say) may still reach the server, and the statements of the next
 * request queued behind it would run inside that unknown transaction. So it is never handed out again;
 * the pool opens a fresh one, and the server rolls the abandoned transaction back when it sees the close
 * (or ends it by idle_in_transaction_session_timeout when it cannot).
 */
export class ClosingOnTimeoutClient extends Client {
  // pg's query() has a dozen overloads; this forwards every one of them unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const result: unknown = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === READ_TIMEOUT) this.connection.stream.destroy();
      });
    }
    return result;
  }
}

/** node-postgres pool options for the configured timeouts (0: that limit is off). */
export function postgresPoolOptions(timeouts: PostgresTimeouts): Record<string, unknown> {
  return {
    Client: ClosingOnTimeoutClient,
    connectionTimeoutMillis: timeouts.connectMs,
    // Sent as session settings at connect time: the server cancels a statement, or ends a session left idle
    // inside a transaction (releasing its row locks for the other instances), by itself.
    ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + CLIENT_QUERY_MARGIN_MS } : {}),
    ...(timeouts.idleInTransactionMs > 0 ? { idle_in_transaction_session_timeout: timeouts.idleInTransactionMs } : {}),
    // Finds a connection whose server vanished without a word while it sat idle in the pool.
    keepAlive: true,
  };
}
