import type { EntityManager } from 'typeorm';
import { ShuttingDownError } from '../common/errors/shutting-down';
import { DatabaseUnavailableError } from './database-unavailable';
import type { Db } from './db.service';

interface Pending<T, R> {
  job: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Write priority of click capture and conversion ingest (see Db.write). */
export const INGEST_PRIORITY = 1;

export interface GroupCommitOptions<T, R> {
  /**
   * Applies a whole batch (more than one job) in a few set-based statements; must answer one result per job,
   * in order. Without it the jobs of a batch are applied one by one inside the shared transaction.
   */
  applyBatch?: (manager: EntityManager, jobs: T[]) => Promise<R[]>;
  maxBatch?: number;
  /** Batches committed at the same time: 1 on SQLite (one writer anyway); PostgreSQL can overlap a few. */
  inFlight?: number;
  /** Passed to Db.write: ingest writers that answer waiting callers take precedence over background ones. */
  priority?: number;
}

/**
 * Group commit: requests that arrive while a transaction is running wait for the next one, which then
 * commits all of them at once; each caller is answered only after its own commit. If a batch fails, its
 * jobs are retried one transaction each, so one bad job cannot take its neighbours down with it — unless
 * the database itself is unavailable, which fails them all at once.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = 0;
  private closed = false;
  private readonly applyBatch?: (manager: EntityManager, jobs: T[]) => Promise<R[]>;
  private readonly maxBatch: number;
  private readonly inFlight: number;
  private readonly priority: number;

  constructor(
    private readonly db: Db,
    private readonly apply: (manager: EntityManager, job: T) => Promise<R>,
    options: GroupCommitOptions<T, R> = {},
  ) {
    this.applyBatch = options.applyBatch;
    this.maxBatch = options.maxBatch ?? 256;
    this.inFlight = Math.max(1, options.inFlight ?? 1);
    this.priority = options.priority ?? 0;
  }

  /** Rejects with ShuttingDownError (answered 503, nothing written) once the writer is closed. */
  submit(job: T): Promise<R> {
    if (this.closed) return Promise.reject(new ShuttingDownError());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (this.running < this.inFlight) void this.drain();
    });
  }

  /** Resolves when everything submitted so far is committed (or refused). */
  async idle(): Promise<void> {
    while (this.running > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * At shutdown: refuses every job submitted from now on and resolves once the ones already queued are
   * committed. Without the refusal, steady traffic would keep the queue from ever emptying.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private async drain(): Promise<void> {
    this.running += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch);
      }
    } finally {
      this.running -= 1;
    }
  }

  private async commit(batch: Pending<T, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.db.write(
        (manager) =>
          this.applyAll(
            manager,
            batch.map((item) => item.job),
          ),
        this.priority,
      );
    } catch (error) {
      // A database that cannot take writes fails every job alike: refuse them all now rather than one by one.
      if (batch.length === 1 || error instanceof DatabaseUnavailableError) {
        for (const item of batch) item.reject(error);
        return;
      }
      for (const item of batch) await this.commit([item]);
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]));
  }

  private async applyAll(manager: EntityManager, jobs: T[]): Promise<R[]> {
    if (jobs.length > 1 && this.applyBatch) {
      const results = await this.applyBatch(manager, jobs);
      if (results.length !== jobs.length) throw new Error(`Group commit: ${results.length} results for ${jobs.length} jobs`);
      return results;
    }
    const out: R[] = [];
    for (const job of jobs) out.push(await this.apply(manager, job));
    return out;
  }
}
