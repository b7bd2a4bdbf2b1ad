import { Injectable } from '@nestjs/common';
import type { DeliveryFilter, ResendJobListResponse, ResendJobResponse, ResendPreviewResponse } from '@goalpost/contracts';
import { AuditService } from '../../audit/audit.service';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { Db } from '../../database/db.service';
import { toIso } from '../../database/sql-params';
import { DeliveryHistoryService } from '../history/delivery-history.service';
import { DeliverySearchRepository } from '../history/delivery-search.repository';
import { ResendJobEntity } from './resend-job.entity';
import { ResendJobRunner } from './resend-job-runner';
import { ResendJobsRepository } from './resend-jobs.repository';

const LISTED_JOBS = 20;

@Injectable()
export class ResendJobsService {
  constructor(
    private readonly jobs: ResendJobsRepository,
    private readonly search: DeliverySearchRepository,
    private readonly history: DeliveryHistoryService,
    private readonly runner: ResendJobRunner,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  /** How many conversions a job with this filter would re-send: live ones whose delivery failed or is still pending. */
  async preview(filter: DeliveryFilter): Promise<ResendPreviewResponse> {
    return { matching: await this.search.countResendable(await this.history.resolveFilter(filter)) };
  }

  /** Fixes the set of conversions now, commits the job with its audit entry, then works through it in the background. */
  async start(filter: DeliveryFilter, force: boolean, actor: string): Promise<ResendJobResponse> {
    const resolved = await this.history.resolveFilter(filter);
    const now = Date.now();
    const jobId = await this.db.write(async (m) => {
      const job = await this.jobs.insert(m, {
        state: 'running',
        filter: JSON.stringify(filter),
        force,
        total: 0,
        queued: 0,
        cursor: 0,
        createdBy: actor,
        createdAt: now,
        finishedAt: null,
        error: null,
        owner: this.runner.owner,
        heartbeatAt: now,
      });
      const total = await this.jobs.insertItems(m, job.id, resolved);
      await this.jobs.update(m, job.id, total === 0 ? { total, state: 'done', finishedAt: now } : { total });
      await this.audit.record({ actor, action: 'resend-job.start', target: `resend job ${job.id}`, details: { filter, force, total } }, m);
      return job.id;
    });
    void this.runner.run(jobId);
    return this.get(jobId);
  }

  async get(id: number): Promise<ResendJobResponse> {
    const job = await this.jobs.findById(id);
    if (!job) throw new DomainError(DomainErrorCode.NotFound, `Resend job ${id} does not exist`, 'id');
    return this.withProgress(job);
  }

  async list(): Promise<ResendJobListResponse> {
    const jobs = await this.jobs.recent(LISTED_JOBS);
    return { items: await Promise.all(jobs.map((job) => this.withProgress(job))) };
  }

  /** Where the re-queued conversions stand now: delivered, failed again, or still waiting. */
  private async withProgress(job: ResendJobEntity): Promise<ResendJobResponse> {
    const counts = await this.jobs.statusCounts(job.id, job.cursor);
    const count = (status: string) => counts.get(status) ?? 0;
    return {
      id: job.id,
      state: job.state,
      filter: JSON.parse(job.filter) as DeliveryFilter,
      force: job.force,
      total: job.total,
      queued: job.queued,
      delivered: count('delivered'),
      failed: count('failed'),
      pending: count('pending'),
      createdBy: job.createdBy,
      createdAt: new Date(job.createdAt).toISOString(),
      finishedAt: toIso(job.finishedAt),
      error: job.error,
    };
  }
}
