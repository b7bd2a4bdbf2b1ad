import type { EntityManager } from 'typeorm';
import type { Db } from './db.service';

interface Pending<T, R> {
  job: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that arrive while a transaction is running wait for the next one, which then
 * commits all of them at once; each caller is answered only after its own commit. If a batch fails, its
 * jobs are retried one transaction each, so one bad job cannot take its neighbours down with it.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly apply: (manager: EntityManager, job: T) => Promise<R>,
    private readonly maxBatch = 256,
  ) {}

  submit(job: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /** Resolves when everything submitted so far is committed (used at shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async commit(batch: Pending<T, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.db.write(async (manager) => {
        const out: R[] = [];
        for (const item of batch) out.push(await this.apply(manager, item.job));
        return out;
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const item of batch) await this.commit([item]);
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]));
  }
}
