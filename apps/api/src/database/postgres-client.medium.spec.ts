import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_SKIPPED, POSTGRES_URL } from '../../test/integration/harness/test-database';
import { ClosingOnTimeoutClient, postgresPoolOptions } from './postgres-client';

const ended = (client: Client) => new Promise<void>((resolve) => client.once('end', () => resolve()));

describe.skipIf(!POSTGRES_URL)(`node-postgres with Goalpost's timeouts${POSTGRES_URL ? '' : `: ${POSTGRES_SKIPPED}`}`, () => {
  it('closes a connection whose query got no answer in time, instead of leaving the query queued on it', async () => {
    const client = new ClosingOnTimeoutClient({ connectionString: POSTGRES_URL, query_timeout: 200 });
    client.on('error', () => undefined);
    await client.connect();
    const closed = ended(client);
    await expect(client.query('SELECT pg_sleep(5)')).rejects.toThrow('Query read timeout');
    await closed;
    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|Connection terminated/);
  });

  it('leaves a connection open when its query answers, or fails for any other reason', async () => {
    const client = new ClosingOnTimeoutClient({ connectionString: POSTGRES_URL, query_timeout: 2_000 });
    await client.connect();
    try {
      await expect(client.query('SELECT nope')).rejects.toThrow(/nope/);
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('has the server cancel a long statement (57014) before the client gives up on it', async () => {
    const options = postgresPoolOptions({ connectMs: 2_000, statementMs: 300, idleInTransactionMs: 0 });
    const client = new ClosingOnTimeoutClient({ connectionString: POSTGRES_URL, ...options });
    await client.connect();
    try {
      await expect(client.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('has the server end a session left idle inside a transaction', async () => {
    const options = postgresPoolOptions({ connectMs: 2_000, statementMs: 0, idleInTransactionMs: 300 });
    const client = new ClosingOnTimeoutClient({ connectionString: POSTGRES_URL, ...options });
    // The server's FATAL comes first, then the connection it closes.
    const error = new Promise<unknown>((resolve) => client.on('error', resolve));
    await client.connect();
    await client.query('BEGIN');
    expect(await error).toMatchObject({ code: '25P03' });
  });
});

describe('postgresPoolOptions', () => {
  it('sends the limits to the server, waits a little longer on the client, and leaves out a limit set to 0', () => {
    expect(postgresPoolOptions({ connectMs: 5_000, statementMs: 15_000, idleInTransactionMs: 10_000 })).toMatchObject({
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
      query_timeout: 16_000,
      idle_in_transaction_session_timeout: 10_000,
    });
    const off = postgresPoolOptions({ connectMs: 5_000, statementMs: 0, idleInTransactionMs: 0 });
    expect(off).not.toHaveProperty('statement_timeout');
    expect(off).not.toHaveProperty('query_timeout');
    expect(off).not.toHaveProperty('idle_in_transaction_session_timeout');
  });
});
