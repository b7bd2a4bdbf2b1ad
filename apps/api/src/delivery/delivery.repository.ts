import { Injectable } from '@nestjs/common';
import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import { EntityManager, In, Not } from 'typeorm';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { GroupCommit } from '../database/group-commit';
import { SqlParams } from '../database/sql-params';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity, DeliveryState } from './delivery.entity';

export interface ClaimedDelivery {
  delivery: DeliveryEntity;
  conversion: ConversionEntity;
}

export type NewAttempt = Omit<DeliveryAttemptEntity, 'id'>;

export interface ClaimRequest {
  owner: string;
  now: number;
  limit: number;
  leaseMs: number;
}

export interface AttemptToRecord {
  deliveryId: number;
  attempt: NewAttempt;
}

/** The columns a delivery's outcome sets on its outbox row. */
export type DeliveryChange = Partial<
  Pick<DeliveryEntity, 'state' | 'attemptCount' | 'nextAttemptAt' | 'needsReconcile' | 'forceSend' | 'lastError' | 'reconciled' | 'nextTrigger'>
>;

export interface ConversionChange {
  status: ConversionStatus;
  deliveredAt?: number;
}

/** An in-flight attempt closed: Aflite's answer, the outcome and why; and the conversion's status when it changes. */
export interface AttemptClose {
  attemptId: number;
  attempt: Partial<NewAttempt> & { outcome: AttemptOutcome };
  conversion: ConversionChange | null;
}

/** What one processed delivery changes: its attempt, its outbox row and its conversion's status, in one commit. */
export interface DeliveryOutcome extends AttemptClose {
  delivery: DeliveryChange;
}

/** Why an attempt still in flight when its delivery is claimed again was closed without Aflite's answer. */
export const INTERRUPTED_REASON =
  'No outcome was recorded: the instance making this call stopped, or lost its database, before it could store the answer. Taken over by a new claim.';

/** A claimed delivery as its claimer knows it: every write under the claim matches the owner as well as the id. */
export interface Lease {
  deliveryId: number;
  owner: string;
}

/** `lease-lost`: the lease ran out and another instance claimed the delivery; it owns the outcome now. */
export type LeasedWrite = 'written' | 'lease-lost';

interface AttemptStart {
  /** Null for an attempt outside the outbox (a trace-only test). */
  lease: Lease | null;
  attempt: NewAttempt;
}

interface AttemptFinish {
  lease: Lease | null;
  conversionId: number;
  close: AttemptClose;
  delivery: DeliveryChange | null;
  at: number;
}

/**
 * The worker's writes. Concurrent deliveries start and finish at nearly the same moments, so their attempt
 * rows and outcomes go through group commit: a handful of commits for a claimed batch instead of two each,
 * leaving the single SQLite write path to ingest. Each caller still resumes only after its own commit.
 */
@Injectable()
export class DeliveryRepository {
  private readonly starts: GroupCommit<AttemptStart, number | null>;
  private readonly finishes: GroupCommit<AttemptFinish, LeasedWrite>;

  constructor(private readonly db: Db) {
    this.starts = new GroupCommit(db, (m, job) => this.writeStart(m, job));
    this.finishes = new GroupCommit(db, (m, job) => this.writeFinish(m, job));
  }

  /**
   * Leases up to `limit` due deliveries to `owner`, inside the caller's transaction. On PostgreSQL, SKIP LOCKED
   * lets several instances claim side by side without ever taking the same row; on SQLite the single-statement
   * update runs under the database's write lock, which gives the same guarantee.
   */
  async claim(m: EntityManager, { owner, now, limit, leaseMs }: ClaimRequest): Promise<ClaimedDelivery[]> {
    const params = new SqlParams(this.db.dialect);
    const [leaseOwner, leaseUntil, at, max] = params.addAll([owner, now + leaseMs, now, limit]);
    const lock = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const claimed = await this.db.query<{ id: number }>(
      m,
      `UPDATE "deliveries" SET "lease_owner" = ${leaseOwner}, "lease_until" = ${leaseUntil}, "updated_at" = ${at}
       WHERE "id" IN (
         SELECT "id" FROM "deliveries"
         WHERE "state" = 'pending' AND "next_attempt_at" <= ${at} AND ("lease_until" IS NULL OR "lease_until" < ${at})
         ORDER BY "next_attempt_at", "id" LIMIT ${max} ${lock})
       RETURNING "id"`,
      params.values,
    );
    if (claimed.length === 0) return [];
    const deliveries = await m.findBy(DeliveryEntity, { id: In(claimed.map((r) => r.id)) });
    const conversionIds = deliveries.map((d) => d.conversionId);
    // An attempt still in flight belongs to a claimer that died or lost its lease: it will never record an answer.
    await m.update(DeliveryAttemptEntity, { conversionId: In(conversionIds), outcome: 'in-flight' }, { outcome: 'interrupted', reason: INTERRUPTED_REASON });
    const conversions = await m.findBy(ConversionEntity, { id: In(conversionIds) });
    const byId = new Map(conversions.map((c) => [c.id, c]));
    // The foreign key guarantees the conversion; a row without one could not be delivered anyway.
    return deliveries.flatMap((delivery) => {
      const conversion = byId.get(delivery.conversionId);
      return conversion ? [{ delivery, conversion }] : [];
    });
  }

  /**
   * Records attempts as in flight inside the caller's transaction, answering their ids in order; a send flags
   * its delivery for reconciliation, so whoever claims it after a crash asks Aflite before sending again.
   */
  async recordAttempts(m: EntityManager, attempts: AttemptToRecord[], now: number): Promise<number[]> {
    const ids: number[] = [];
    for (const { attempt } of attempts) ids.push((await m.save(m.create(DeliveryAttemptEntity, attempt))).id);
    const sending = attempts.filter((a) => a.attempt.kind === 'send').map((a) => a.deliveryId);
    if (sending.length > 0) await m.update(DeliveryEntity, { id: In(sending) }, { needsReconcile: true, updatedAt: now });
    return ids;
  }

  /**
   * Records a send as in flight and flags its delivery for reconciliation *before* the request leaves: if
   * the process dies mid-send, whoever claims it next asks Aflite before sending again. Null, and nothing
   * recorded, when the lease is lost: the send must not leave.
   */
  recordSendAttempt(lease: Lease, attempt: NewAttempt): Promise<number | null> {
    return this.starts.submit({ lease, attempt });
  }

  /** Records an attempt outside the outbox (a trace-only test) as in flight. */
  async recordAttempt(attempt: NewAttempt): Promise<number> {
    const id = await this.starts.submit({ lease: null, attempt });
    if (id === null) throw new Error('an attempt outside the outbox has no lease to lose');
    return id;
  }

  /**
   * Writes a delivery's outcome under its lease. When the lease is lost only our own attempt row is closed:
   * the outbox row and the conversion's status belong to the instance that claimed the delivery since.
   */
  finish(lease: Lease, conversionId: number, outcome: DeliveryOutcome): Promise<LeasedWrite> {
    const { delivery, ...close } = outcome;
    return this.finishes.submit({ lease, conversionId, close, delivery, at: Date.now() });
  }

  /** Closes an attempt that leaves the outbox row as it is: a goals-feed "not held" before the send, a test. */
  async closeAttempt(conversionId: number, close: AttemptClose): Promise<void> {
    await this.finishes.submit({ lease: null, conversionId, close, delivery: null, at: Date.now() });
  }

  private async writeStart(m: EntityManager, { lease, attempt }: AttemptStart): Promise<number | null> {
    if (lease !== null) {
      const fenced = await m.update(DeliveryEntity, { id: lease.deliveryId, leaseOwner: lease.owner }, { needsReconcile: true, updatedAt: attempt.startedAt });
      if (fenced.affected === 0) return null;
    }
    const saved = await m.save(m.create(DeliveryAttemptEntity, attempt));
    return saved.id;
  }

  private async writeFinish(m: EntityManager, { lease, conversionId, close, delivery, at }: AttemptFinish): Promise<LeasedWrite> {
    await m.update(DeliveryAttemptEntity, { id: close.attemptId }, close.attempt);
    if (lease !== null && delivery) {
      const fenced = await m.update(
        DeliveryEntity,
        { id: lease.deliveryId, leaseOwner: lease.owner },
        { ...delivery, leaseOwner: null, leaseUntil: null, updatedAt: at },
      );
      if (fenced.affected === 0) return 'lease-lost';
    }
    if (close.conversion) await m.update(ConversionEntity, { id: conversionId }, close.conversion);
    return 'written';
  }

  /** Gives a claimed delivery back without an attempt (e.g. Aflite not configured yet). */
  async postpone(lease: Lease, until: number, reason: string): Promise<LeasedWrite> {
    const fenced = await this.db.write((m) =>
      m.update(
        DeliveryEntity,
        { id: lease.deliveryId, leaseOwner: lease.owner },
        { leaseOwner: null, leaseUntil: null, nextAttemptAt: until, lastError: reason, updatedAt: Date.now() },
      ),
    );
    return fenced.affected === 0 ? 'lease-lost' : 'written';
  }

  /**
   * Gives back the leases `owner` holds on deliveries other than `busy` (those it is still processing),
   * answering how many: after a database error they may have nothing working on them. A delivery whose
   * send may have reached Aflite stays flagged for reconciliation, so its next claim asks Aflite first.
   */
  async releaseIdle(owner: string, busy: number[]): Promise<number> {
    const where = busy.length > 0 ? { leaseOwner: owner, id: Not(In(busy)) } : { leaseOwner: owner };
    const result = await this.db.write((m) => m.update(DeliveryEntity, where, { leaseOwner: null, leaseUntil: null, updatedAt: Date.now() }));
    return result.affected ?? 0;
  }

  /** At shutdown, once the worker stopped: commits the attempts and outcomes queued and refuses later ones. */
  async finishWrites(): Promise<void> {
    await Promise.all([this.starts.close(), this.finishes.close()]);
  }

  /** At shutdown: hand every lease this instance holds back, so another instance need not wait for expiry. */
  async releaseAll(owner: string): Promise<void> {
    await this.db.write((m) => m.update(DeliveryEntity, { leaseOwner: owner }, { leaseOwner: null, leaseUntil: null }));
  }

  async countByState(state: DeliveryState): Promise<number> {
    return this.db.manager.countBy(DeliveryEntity, { state });
  }

  /** Conversion ids of live (not test) conversions in a status, oldest first. */
  async conversionIdsByStatus(status: ConversionStatus): Promise<number[]> {
    const rows = await this.db.manager.find(ConversionEntity, { select: { id: true }, where: { status, isTest: false }, order: { id: 'ASC' } });
    return rows.map((r) => r.id);
  }

  /**
   * Puts the deliveries of these conversions back in the queue for a manual re-send; failed ones are checked
   * against Aflite first unless forced. Delivered ones are left alone.
   */
  async requeue(m: EntityManager, conversionIds: number[], force: boolean): Promise<number> {
    if (conversionIds.length === 0) return 0;
    const now = Date.now();
    const rows = await m.findBy(DeliveryEntity, { conversionId: In(conversionIds), state: In(['failed', 'pending']) });
    for (const row of rows) {
      await m.update(
        DeliveryEntity,
        { id: row.id },
        {
          state: 'pending',
          nextAttemptAt: now,
          attemptCount: 0,
          needsReconcile: force ? row.needsReconcile : true,
          forceSend: force,
          nextTrigger: 'manual',
          lastError: null,
          updatedAt: now,
        },
      );
      await m.update(ConversionEntity, { id: row.conversionId }, { status: 'pending' });
    }
    return rows.length;
  }
}
