import { Injectable } from '@nestjs/common';
import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import { EntityManager, In } from 'typeorm';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { GroupCommit } from '../database/group-commit';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity, DeliveryState } from './delivery.entity';

export interface ClaimedDelivery {
  delivery: DeliveryEntity;
  conversion: ConversionEntity;
}

export type NewAttempt = Omit<DeliveryAttemptEntity, 'id'>;

/** A claimed delivery with its first call, whose attempt was committed as in flight together with the claim. */
export type ClaimedWithCall<C> = ClaimedDelivery & { first: (C & { attemptId: number }) | null };

/** What one processed delivery changes: its attempt, its outbox row and its conversion's status, in one commit. */
export interface DeliveryOutcome {
  attemptId: number;
  attempt: Partial<NewAttempt> & { outcome: AttemptOutcome };
  delivery?: Partial<Pick<DeliveryEntity, 'state' | 'attemptCount' | 'nextAttemptAt' | 'needsReconcile' | 'forceSend' | 'lastError' | 'reconciled' | 'nextTrigger'>>;
  conversionStatus?: ConversionStatus;
  deliveredAt?: number;
}

interface AttemptStart {
  deliveryId: number | null;
  attempt: NewAttempt;
}

interface AttemptFinish {
  deliveryId: number | null;
  conversionId: number;
  outcome: DeliveryOutcome;
  at: number;
}

/**
 * The worker's writes. Concurrent deliveries start and finish at nearly the same moments, so their attempt
 * rows and outcomes go through group commit: a handful of commits for a claimed batch instead of two each,
 * leaving the single SQLite write path to ingest. Each caller still resumes only after its own commit.
 */
@Injectable()
export class DeliveryRepository {
  private readonly starts: GroupCommit<AttemptStart, number>;
  private readonly finishes: GroupCommit<AttemptFinish, void>;

  constructor(private readonly db: Db) {
    this.starts = new GroupCommit(db, (m, job) => this.writeStart(m, job));
    this.finishes = new GroupCommit(db, (m, job) => this.writeFinish(m, job));
  }

  /**
   * Leases up to `limit` due deliveries to `owner`. On PostgreSQL, SKIP LOCKED lets several instances
   * claim side by side without ever taking the same row; on SQLite the single-statement update runs
   * under the database's write lock, which gives the same guarantee.
   *
   * `firstCall` describes the call each delivery will make first (null: none). Its attempt is recorded as
   * in flight, and a send flags the delivery for reconciliation, in the claim's own transaction: committed
   * before any request leaves, at one commit per claimed batch instead of one per delivery.
   */
  async claimDue<C extends { attempt: NewAttempt }>(
    owner: string,
    now: number,
    limit: number,
    leaseMs: number,
    firstCall: (claimed: ClaimedDelivery) => C | null,
  ): Promise<ClaimedWithCall<C>[]> {
    const p = (i: number) => this.db.param(i);
    const lock = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    return this.db.write(async (m) => {
      const claimed = await this.db.query<{ id: number }>(
        m,
        `UPDATE "deliveries" SET "lease_owner" = ${p(1)}, "lease_until" = ${p(2)}, "updated_at" = ${p(3)}
         WHERE "id" IN (
           SELECT "id" FROM "deliveries"
           WHERE "state" = 'pending' AND "next_attempt_at" <= ${p(3)} AND ("lease_until" IS NULL OR "lease_until" < ${p(3)})
           ORDER BY "next_attempt_at", "id" LIMIT ${p(4)} ${lock})
         RETURNING "id"`,
        [owner, now + leaseMs, now, limit],
      );
      if (claimed.length === 0) return [];
      const deliveries = await m.findBy(DeliveryEntity, { id: In(claimed.map((r) => r.id)) });
      const conversions = await m.findBy(ConversionEntity, { id: In(deliveries.map((d) => d.conversionId)) });
      const byId = new Map(conversions.map((c) => [c.id, c]));
      const out: ClaimedWithCall<C>[] = [];
      const sending: number[] = [];
      for (const delivery of deliveries) {
        const item: ClaimedDelivery = { delivery, conversion: byId.get(delivery.conversionId)! };
        const call = firstCall(item);
        if (!call) {
          out.push({ ...item, first: null });
          continue;
        }
        if (call.attempt.kind === 'send') sending.push(delivery.id);
        const saved = await m.save(m.create(DeliveryAttemptEntity, call.attempt));
        out.push({ ...item, first: { ...call, attemptId: saved.id } });
      }
      if (sending.length > 0) await m.update(DeliveryEntity, { id: In(sending) }, { needsReconcile: true, updatedAt: now });
      return out;
    });
  }

  /**
   * Records the attempt as in flight and flags the delivery for reconciliation *before* the request
   * leaves: if the process dies mid-send, whoever claims it next asks Aflite before sending again.
   */
  startAttempt(deliveryId: number | null, attempt: NewAttempt): Promise<number> {
    return this.starts.submit({ deliveryId, attempt });
  }

  finish(deliveryId: number | null, conversionId: number, outcome: DeliveryOutcome): Promise<void> {
    return this.finishes.submit({ deliveryId, conversionId, outcome, at: Date.now() });
  }

  private async writeStart(m: EntityManager, { deliveryId, attempt }: AttemptStart): Promise<number> {
    if (deliveryId !== null && attempt.kind === 'send') {
      await m.update(DeliveryEntity, { id: deliveryId }, { needsReconcile: true, updatedAt: attempt.startedAt });
    }
    const saved = await m.save(m.create(DeliveryAttemptEntity, attempt));
    return saved.id;
  }

  private async writeFinish(m: EntityManager, { deliveryId, conversionId, outcome, at }: AttemptFinish): Promise<void> {
    await m.update(DeliveryAttemptEntity, { id: outcome.attemptId }, outcome.attempt);
    if (deliveryId !== null && outcome.delivery) {
      await m.update(DeliveryEntity, { id: deliveryId }, { ...outcome.delivery, leaseOwner: null, leaseUntil: null, updatedAt: at });
    }
    await this.setConversionStatus(m, conversionId, outcome);
  }

  /** Gives a claimed delivery back without an attempt (e.g. Aflite not configured yet). */
  async postpone(deliveryId: number, until: number, reason: string): Promise<void> {
    await this.db.write((m) =>
      m.update(DeliveryEntity, { id: deliveryId }, { leaseOwner: null, leaseUntil: null, nextAttemptAt: until, lastError: reason, updatedAt: Date.now() }),
    );
  }

  /** At shutdown: hand every lease this instance holds back, so another instance need not wait for expiry. */
  async releaseAll(owner: string): Promise<void> {
    await this.db.write((m) => m.update(DeliveryEntity, { leaseOwner: owner }, { leaseOwner: null, leaseUntil: null }));
  }

  async countByState(state: DeliveryState): Promise<number> {
    return this.db.manager.countBy(DeliveryEntity, { state });
  }

  /** Puts deliveries back in the queue for a manual re-send; failed ones are checked against Aflite first unless forced. */
  async requeue(m: EntityManager, deliveryIds: number[], force: boolean): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    const now = Date.now();
    const rows = await m.findBy(DeliveryEntity, { id: In(deliveryIds), state: In(['failed', 'pending']) });
    for (const row of rows) {
      await m.update(
        DeliveryEntity,
        { id: row.id },
        { state: 'pending', nextAttemptAt: now, attemptCount: 0, needsReconcile: force ? row.needsReconcile : true, forceSend: force, nextTrigger: 'manual', lastError: null, updatedAt: now },
      );
      await m.update(ConversionEntity, { id: row.conversionId }, { status: 'pending' });
    }
    return rows.length;
  }

  private async setConversionStatus(m: EntityManager, conversionId: number, outcome: DeliveryOutcome): Promise<void> {
    if (!outcome.conversionStatus) return;
    await m.update(
      ConversionEntity,
      { id: conversionId },
      outcome.deliveredAt ? { status: outcome.conversionStatus, deliveredAt: outcome.deliveredAt } : { status: outcome.conversionStatus },
    );
  }
}
