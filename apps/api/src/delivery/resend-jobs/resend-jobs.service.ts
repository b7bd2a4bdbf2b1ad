import { Injectable } from '@nestjs/common';
import type { DeliveryFilter, ResendJobListResponse, ResendJobResponse, ResendPreviewResponse } from '@goalpost/contracts';
import { AuditService } from '../../audit/audit.service';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { Db } from '../../database/db.service';
import { toIso } from '../../database/sql-params';
import { DeliverySearchRepository } from '../history/delivery-search.repository';
import { ResendJobEntity } from './resend-job.entity';
import { ResendJobRunner } from './resend-job-runner';

const LISTED_JOBS = 20;

@Injectable()
export class ResendJobsService {
  constructor(
    private readonly search: DeliverySearchRepository,
    private readonly runner: ResendJobRunner,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  /** How many conversions a job with this filter would re-send: live ones whose delivery failed or is still pending. */
  async preview(filter: DeliveryFilter): Promise<ResendPreviewResponse> {
    return { matching: await this.search.countResendable(await this.search.resolve(filter)) };
  }

  /** Fixes the set of conversions now, commits the job with its audit entry, then works through it in the background. */
  async start(filter: DeliveryFilter, force: boolean, actor: string): Promise<ResendJobResponse> {
    const resolved = await this.search.resolve(filter);
    const now = Date.now();
    const jobId = await this.db.write(async (m) => {
      const job = await m.save(
        m.create(ResendJobEntity, {
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
        }),
      );
      const total = await this.search.snapshotResendable(m, job.id, resolved);
      await m.update(ResendJobEntity, { id: job.id }, total === 0 ? { total, state: 'done', finishedAt: now } : { total });
      await this.audit.record({ actor, action: 'resend-job.start', target: `resend job ${job.id}`, details: { filter, force, total } }, m);
      return job.id;
    });
    void this.runner.run(jobId);
    return this.get(jobId);
  }

  async get(id: number): Promise<ResendJobResponse> {
    const job = await this.db.manager.findOneBy(ResendJobEntity, { id });
    if (!job) throw new DomainError(DomainErrorCode.NotFound, `Resend job ${id} does not exist`, 'id');
    return this.withProgress(job);
  }

  async list(): Promise<ResendJobListResponse> {
    const jobs = await this.db.manager.find(ResendJobEntity, { order: { id: 'DESC' }, take: LISTED_JOBS });
    return { items: await Promise.all(jobs.map((job) => this.withProgress(job))) };
  }

  /** Where the re-queued conversions stand now: delivered, failed again, or still waiting. */
  private async withProgress(job: ResendJobEntity): Promise<ResendJobResponse> {
    const p = (i: number) => this.db.param(i);
    const rows = await this.db.query<{ status: string; n: number | string }>(
      this.db.manager,
      `SELECT c."status", COUNT(*) AS "n" FROM "resend_job_items" i JOIN "conversions" c ON c."id" = i."conversion_id"
       WHERE i."job_id" = ${p(1)} AND i."conversion_id" <= ${p(2)} GROUP BY c."status"`,
      [job.id, job.cursor],
    );
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
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
