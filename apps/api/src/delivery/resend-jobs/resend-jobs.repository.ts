import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Db } from '../../database/db.service';
import { SqlParams } from '../../database/sql-params';
import { DeliverySearchRepository, type ResolvedFilter } from '../history/delivery-search.repository';
import { ResendJobEntity } from './resend-job.entity';

export type NewResendJob = Omit<ResendJobEntity, 'id'>;
export type ResendJobChange = Partial<Omit<ResendJobEntity, 'id'>>;

/** Resend jobs and the conversions each covers (resend_job_items), walked in conversion id order. */
@Injectable()
export class ResendJobsRepository {
  constructor(
    private readonly db: Db,
    private readonly history: DeliverySearchRepository,
  ) {}

  insert(manager: EntityManager, job: NewResendJob): Promise<ResendJobEntity> {
    return manager.save(manager.create(ResendJobEntity, job));
  }

  /** Copies the conversions the filter may re-send into the job's items; answers how many the job has. */
  async insertItems(manager: EntityManager, jobId: number, filter: ResolvedFilter): Promise<number> {
    const params = new SqlParams(this.db.dialect);
    const from = this.history.resendableFrom(filter, params);
    if (from === false) return 0;
    const job = params.add(jobId);
    await this.db.query(
      manager,
      `INSERT INTO "resend_job_items" ("job_id", "conversion_id")
       SELECT ${job}, c."id" ${from}`,
      params.values,
    );
    const count = new SqlParams(this.db.dialect);
    const [row] = await this.db.query<{ n: number | string }>(
      manager,
      `SELECT COUNT(*) AS "n" FROM "resend_job_items" WHERE "job_id" = ${count.add(jobId)}`,
      count.values,
    );
    return Number(row?.n ?? 0);
  }

  async update(manager: EntityManager, id: number, change: ResendJobChange): Promise<void> {
    await manager.update(ResendJobEntity, { id }, change);
  }

  findById(id: number, manager: EntityManager = this.db.manager): Promise<ResendJobEntity | null> {
    return manager.findOneBy(ResendJobEntity, { id });
  }

  /** The most recent jobs, newest first. */
  recent(limit: number): Promise<ResendJobEntity[]> {
    return this.db.manager.find(ResendJobEntity, { order: { id: 'DESC' }, take: limit });
  }

  /** The next conversion ids of the job after `after`, in order. */
  async nextItems(manager: EntityManager, jobId: number, after: number, limit: number): Promise<number[]> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<{ conversion_id: number }>(
      manager,
      `SELECT "conversion_id" FROM "resend_job_items" WHERE "job_id" = ${params.add(jobId)} AND "conversion_id" > ${params.add(after)} ORDER BY "conversion_id" LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => Number(r.conversion_id));
  }

  /** How many of the job's conversions up to `upTo` are in each status now. */
  async statusCounts(jobId: number, upTo: number): Promise<Map<string, number>> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<{ status: string; n: number | string }>(
      this.db.manager,
      `SELECT c."status", COUNT(*) AS "n" FROM "resend_job_items" i JOIN "conversions" c ON c."id" = i."conversion_id"
       WHERE i."job_id" = ${params.add(jobId)} AND i."conversion_id" <= ${params.add(upTo)} GROUP BY c."status"`,
      params.values,
    );
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Hands the running jobs of `owner` back, for another instance to take over at once. */
  async release(owner: string): Promise<void> {
    await this.db.write((m) => m.update(ResendJobEntity, { owner, state: 'running' }, { owner: null, heartbeatAt: null }));
  }

  async markFailed(id: number, error: string, at: number): Promise<void> {
    await this.db.write((m) => m.update(ResendJobEntity, { id }, { state: 'failed', error, finishedAt: at }));
  }

  /** Gives `owner` every running job with no heartbeat since `staleBefore`; answers their ids. */
  async claimStale(owner: string, now: number, staleBefore: number): Promise<number[]> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.write((m) =>
      this.db.query<{ id: number }>(
        m,
        `UPDATE "resend_jobs" SET "owner" = ${params.add(owner)}, "heartbeat_at" = ${params.add(now)}
         WHERE "state" = 'running' AND ("heartbeat_at" IS NULL OR "heartbeat_at" < ${params.add(staleBefore)})
         RETURNING "id"`,
        params.values,
      ),
    );
    return rows.map((r) => Number(r.id));
  }
}
