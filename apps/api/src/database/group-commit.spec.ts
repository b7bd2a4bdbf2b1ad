import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Db } from './db.service';
import { DatabaseUnavailableError } from './database-unavailable';
import { GroupCommit } from './group-commit';
import { DomainErrorCode } from '../common/errors/domain-error';
import { ShuttingDownError } from '../common/errors/shutting-down';

/** A Db whose transactions only count themselves and fail when the work throws. */
function fakeDb() {
  const transactions: number[][] = [];
  const db = {
    write: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const seen: number[] = [];
      transactions.push(seen);
      return work({ seen } as unknown as EntityManager);
    },
  } as unknown as Db;
  return { db, transactions };
}

const record = (m: EntityManager, job: number) => (m as unknown as { seen: number[] }).seen.push(job);

describe('GroupCommit', () => {
  it('commits a first job alone and what queued meanwhile as one batch through applyBatch', async () => {
    const { db, transactions } = fakeDb();
    const batches: number[][] = [];
    const writer = new GroupCommit<number, string>(
      db,
      async (m, job) => {
        record(m, job);
        return `one:${job}`;
      },
      {
        applyBatch: async (m, jobs) => {
          batches.push(jobs);
          jobs.forEach((job) => record(m, job));
          return jobs.map((job) => `many:${job}`);
        },
      },
    );
    const results = await Promise.all([1, 2, 3, 4].map((job) => writer.submit(job)));
    expect(results).toEqual(['one:1', 'many:2', 'many:3', 'many:4']);
    expect(batches).toEqual([[2, 3, 4]]);
    expect(transactions).toEqual([[1], [2, 3, 4]]);
  });

  it('retries a failed batch one job per transaction, so only the bad job fails', async () => {
    const { db, transactions } = fakeDb();
    const writer = new GroupCommit<number, number>(
      db,
      async (m, job) => {
        if (job === 3) throw new Error('bad job');
        record(m, job);
        return job * 10;
      },
      {
        applyBatch: async (_m, jobs) => {
          if (jobs.includes(3)) throw new Error('batch refused');
          return jobs.map((job) => job * 10);
        },
      },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((job) => writer.submit(job)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 20, 'bad job', 40]);
    expect(transactions).toEqual([[1], [], [2], [], [4]]);
  });

  it('fails every job of a batch at once when the database is unavailable, without retrying them one by one', async () => {
    const { db, transactions } = fakeDb();
    let fail = false;
    const writer = new GroupCommit<number, number>(db, async (_m, job) => {
      if (fail) throw new DatabaseUnavailableError('SQLITE_FULL');
      fail = true;
      return job;
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((job) => writer.submit(job)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as DatabaseUnavailableError).reason))).toEqual([
      1,
      'SQLITE_FULL',
      'SQLITE_FULL',
      'SQLITE_FULL',
    ]);
    expect(transactions).toHaveLength(2);
  });

  it('refuses a batch whose applyBatch answers the wrong number of results, then applies the jobs one by one', async () => {
    const { db } = fakeDb();
    const writer = new GroupCommit<number, number>(db, async (_m, job) => job, { applyBatch: async () => [] });
    expect(await Promise.all([1, 2, 3].map((job) => writer.submit(job)))).toEqual([1, 2, 3]);
  });

  it('overlaps batches up to inFlight', async () => {
    let open = 0;
    let most = 0;
    const db = {
      write: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
        open += 1;
        most = Math.max(most, open);
        await new Promise((r) => setTimeout(r, 5));
        try {
          return await work({} as EntityManager);
        } finally {
          open -= 1;
        }
      },
    } as unknown as Db;
    const writer = new GroupCommit<number, number>(db, async (_m, job) => job, { inFlight: 2, maxBatch: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map((job) => writer.submit(job)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
    await writer.idle();
  });

  it('on close, commits what was queued, refuses what comes after with ShuttingDownError, and resolves although callers keep submitting', async () => {
    const { db, transactions } = fakeDb();
    const writer = new GroupCommit<number, number>(db, async (m, job) => {
      // Slow enough for the traffic below to arrive while the queue drains.
      await new Promise((r) => setTimeout(r, 20));
      record(m, job);
      return job;
    });
    const queued = [1, 2, 3].map((job) => writer.submit(job));
    const closing = writer.close();
    // Steady traffic that would keep an unclosed queue from ever emptying.
    const later: Promise<unknown>[] = [];
    const traffic = setInterval(() => later.push(writer.submit(99).catch((error: unknown) => error)), 1);
    await closing;
    clearInterval(traffic);
    expect(await Promise.all(queued)).toEqual([1, 2, 3]);
    expect(transactions.flat()).toEqual([1, 2, 3]);
    expect(later.length).toBeGreaterThan(0);
    const refused = await Promise.all([...later, writer.submit(4).catch((error: unknown) => error)]);
    for (const error of refused) {
      expect(error).toBeInstanceOf(ShuttingDownError);
      expect(error).toMatchObject({ code: DomainErrorCode.ShuttingDown });
    }
  });
});
