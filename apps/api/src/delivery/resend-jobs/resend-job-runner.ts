import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Db } from '../../database/db.service';
import { ResendService } from '../resend.service';
import { ResendJobsRepository } from './resend-jobs.repository';

/** A running job whose instance has not reported progress for this long is taken over. */
const STALE_MS = 60_000;
const SWEEP_MS = 30_000;
const MAX_CHUNK_FAILURES = 3;

type Step = 'more' | 'done' | 'not-mine';

/**
 * Works through resend jobs a chunk at a time: each chunk re-queues up to RESEND_JOB_CHUNK conversions and moves
 * the job's cursor in one transaction, so a crash never loses or repeats a chunk. Jobs run on the
 * instance that started them; with the worker enabled, an instance also takes over jobs whose owner
 * went quiet (crashed or stopped).
 */
@Injectable()
export class ResendJobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`.slice(0, 64);
  private readonly chunkSize: number;
  private readonly logger = new Logger('ResendJobs');
  private readonly active = new Map<number, Promise<void>>();
  private stopping = false;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly jobs: ResendJobsRepository,
    private readonly resend: ResendService,
  ) {
    this.chunkSize = config.chunks.resendJob;
  }

  onApplicationBootstrap(): void {
    if (!this.config.workerEnabled) return;
    void this.adoptOrphans();
    this.sweepTimer = setInterval(() => void this.adoptOrphans(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await Promise.allSettled([...this.active.values()]);
    // Hand unfinished jobs back at once rather than making another instance wait for STALE_MS.
    await this.jobs.release(this.owner).catch((error: unknown) => this.logger.error({ err: error }, 'could not release resend jobs'));
  }

  /** Starts working on a job this instance owns (no-op if it already is). */
  run(jobId: number): Promise<void> {
    const existing = this.active.get(jobId);
    if (existing) return existing;
    const work = this.loop(jobId).finally(() => this.active.delete(jobId));
    this.active.set(jobId, work);
    return work;
  }

  /** Resolves when every job this instance is working on has stopped (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
  }

  private async loop(jobId: number): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let step: Step;
      try {
        step = await this.step(jobId);
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.error({ err: error, jobId, failures }, 'resend job chunk failed');
        if (failures >= MAX_CHUNK_FAILURES) {
          await this.fail(jobId, error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000 * failures));
        continue;
      }
      if (step !== 'more') return;
      this.resend.wakeWorker();
      // Let other writers in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private step(jobId: number): Promise<Step> {
    return this.db.write(async (m): Promise<Step> => {
      const job = await this.jobs.findById(jobId, m);
      if (!job || job.state !== 'running' || job.owner !== this.owner) return 'not-mine';
      const ids = await this.jobs.nextItems(m, jobId, job.cursor, this.chunkSize);
      const now = Date.now();
      if (ids.length === 0) {
        await this.jobs.update(m, jobId, { state: 'done', finishedAt: now, heartbeatAt: now });
        return 'done';
      }
      await this.resend.requeueWithin(m, ids, job.force);
      await this.jobs.update(m, jobId, { cursor: ids[ids.length - 1], queued: job.queued + ids.length, heartbeatAt: now });
      return 'more';
    });
  }

  private async fail(jobId: number, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.jobs
      .markFailed(jobId, message.slice(0, 500), Date.now())
      .catch((e: unknown) => this.logger.error({ err: e, jobId }, 'could not mark resend job failed'));
  }

  /** Claims running jobs nobody is working on (their instance stopped or went quiet) and resumes them. */
  async adoptOrphans(): Promise<void> {
    if (this.stopping) return;
    try {
      const now = Date.now();
      for (const id of await this.jobs.claimStale(this.owner, now, now - STALE_MS)) {
        this.logger.log({ jobId: id }, 'resuming resend job');
        void this.run(id);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'resend job sweep failed');
    }
  }
}
