import { Injectable } from '@nestjs/common';
import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import { In } from 'typeorm';
import { ConversionEntity } from '../../conversions/conversion.entity';
import { Db } from '../../database/db.service';
import { DeliveryAttemptEntity } from '../delivery-attempt.entity';
import { DeliveryEntity } from '../delivery.entity';
import { GoalEntity } from '../../goals/goal.entity';
import { afterPosition, type KeysetPosition } from '../../common/keyset-cursor';
import { caseInsensitivePrefixMatch, SqlParams, sqlInt } from '../../database/sql-params';

/** A DeliveryFilter checked and turned into column values; null `goalPk` means an unknown goal (matches nothing). */
export interface ResolvedFilter {
  status?: ConversionStatus;
  goalPk?: number | null;
  from?: number;
  to?: number;
  isTest?: boolean;
  q?: string;
}

/** One row of the history with what the list shows beside the conversion. */
export interface DeliveryRow {
  conversion: ConversionEntity;
  goal: GoalEntity | null;
  delivery: DeliveryEntity | null;
  attemptCount: number;
  lastAttemptAt: number | null;
  lastAttemptReason: string | null;
  lastAttemptOutcome: AttemptOutcome | null;
}

/**
 * Conversions a manual re-send may put back in the queue: those with an outbox row that failed or is still
 * pending. Only live, attributed conversions ever get an outbox row, so the join also leaves out tests.
 */
const RESENDABLE = `JOIN "deliveries" d ON d."conversion_id" = c."id" AND d."state" IN ('failed', 'pending')`;

/**
 * Reads of the delivery history: conversions with their outbox rows and attempts. Pages are keyset on
 * (created_at, id) descending, so every filter combination walks one of the (…, created_at, id) indexes
 * instead of counting past an OFFSET.
 */
@Injectable()
export class DeliverySearchRepository {
  constructor(private readonly db: Db) {}

  /** Conditions on `conversions c`; false when nothing can match. */
  private conditions(filter: ResolvedFilter, params: SqlParams): string[] | false {
    if (filter.goalPk === null) return false;
    const where: string[] = [];
    if (filter.status) where.push(`c."status" = ${params.add(filter.status)}`);
    if (filter.goalPk !== undefined) where.push(`c."goal_id" = ${params.add(filter.goalPk)}`);
    if (filter.isTest !== undefined) where.push(`c."is_test" = ${filter.isTest ? 'TRUE' : 'FALSE'}`);
    if (filter.from !== undefined) where.push(`c."created_at" >= ${params.add(filter.from)}`);
    if (filter.to !== undefined) where.push(`c."created_at" < ${params.add(filter.to)}`);
    if (filter.q) {
      const { q } = filter;
      where.push(`(${caseInsensitivePrefixMatch('c."mref"', q, params)} OR ${caseInsensitivePrefixMatch('c."click_session_id"', q, params)})`);
    }
    return where;
  }

  /** Ids of the next `limit` conversions after `after`, newest first. */
  async pageIds(filter: ResolvedFilter, after: KeysetPosition | null, limit: number): Promise<{ id: number; at: number }[]> {
    const params = new SqlParams(this.db.dialect);
    const where = this.conditions(filter, params);
    if (where === false) return [];
    if (after) where.push(afterPosition('c."created_at"', 'c."id"', after, (v) => params.add(v)));
    const rows = await this.db.query<{ id: number; created_at: number | string }>(
      this.db.manager,
      `SELECT c."id", c."created_at" FROM "conversions" c
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c."created_at" DESC, c."id" DESC LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => ({ id: Number(r.id), at: Number(r.created_at) }));
  }

  /**
   * How many conversions match the filter, counting no further than `bound` + 1: a year of traffic costs no
   * more to count than the bound does. Above the bound the answer is `bound` and a lower bound.
   */
  async countMatching(filter: ResolvedFilter, bound: number): Promise<{ total: number; isLowerBound: boolean }> {
    const params = new SqlParams(this.db.dialect);
    const where = this.conditions(filter, params);
    if (where === false) return { total: 0, isLowerBound: false };
    const [row] = await this.db.query<{ n: number | string }>(
      this.db.manager,
      `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "conversions" c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${sqlInt(bound + 1)}) "matching"`,
      params.values,
    );
    const n = Number(row?.n ?? 0);
    return n > bound ? { total: bound, isLowerBound: true } : { total: n, isLowerBound: false };
  }

  /**
   * `FROM … WHERE …` of the conversions matching the filter whose delivery may be re-sent, as `c`; false
   * when nothing can match. Shared with the resend jobs, which copy the same set into their items.
   */
  resendableFrom(filter: ResolvedFilter, params: SqlParams): string | false {
    const where = this.conditions(filter, params);
    if (where === false) return false;
    return `FROM "conversions" c ${RESENDABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  }

  async countResendable(filter: ResolvedFilter): Promise<number> {
    const params = new SqlParams(this.db.dialect);
    const from = this.resendableFrom(filter, params);
    if (from === false) return 0;
    const [row] = await this.db.query<{ n: number | string }>(this.db.manager, `SELECT COUNT(*) AS "n" ${from}`, params.values);
    return Number(row?.n ?? 0);
  }

  /** Every attempt of one conversion, oldest first. */
  attemptsOf(conversionId: number): Promise<DeliveryAttemptEntity[]> {
    return this.db.manager.find(DeliveryAttemptEntity, { where: { conversionId }, order: { id: 'ASC' } });
  }

  /** Every attempt of these conversions, oldest first. */
  async attemptsOfConversions(conversionIds: number[]): Promise<DeliveryAttemptEntity[]> {
    if (conversionIds.length === 0) return [];
    return this.db.manager.find(DeliveryAttemptEntity, { where: { conversionId: In(conversionIds) }, order: { id: 'ASC' } });
  }

  /** The outbox rows of these conversions (tests and unattributed ones have none). */
  async deliveriesOfConversions(conversionIds: number[]): Promise<DeliveryEntity[]> {
    if (conversionIds.length === 0) return [];
    return this.db.manager.findBy(DeliveryEntity, { conversionId: In(conversionIds) });
  }

  /** Full rows for the given ids, in the order given. */
  async load(ids: number[]): Promise<DeliveryRow[]> {
    if (ids.length === 0) return [];
    const m = this.db.manager;
    const [conversions, deliveries, goals, stats] = await Promise.all([
      m.findBy(ConversionEntity, { id: In(ids) }),
      this.deliveriesOfConversions(ids),
      m.find(GoalEntity),
      this.attemptStats(ids),
    ]);
    const byId = new Map(conversions.map((c) => [c.id, c]));
    const deliveryOf = new Map(deliveries.map((d) => [d.conversionId, d]));
    const goalOf = new Map(goals.map((g) => [g.id, g]));
    return ids.flatMap((id) => {
      const conversion = byId.get(id);
      if (!conversion) return [];
      const stat = stats.get(id);
      return [
        {
          conversion,
          goal: goalOf.get(conversion.goalId) ?? null,
          delivery: deliveryOf.get(id) ?? null,
          attemptCount: stat?.count ?? 0,
          lastAttemptAt: stat?.lastAt ?? null,
          lastAttemptReason: stat?.lastReason ?? null,
          lastAttemptOutcome: stat?.lastOutcome ?? null,
        },
      ];
    });
  }

  private async attemptStats(ids: number[]): Promise<Map<number, { count: number; lastAt: number; lastReason: string | null; lastOutcome: AttemptOutcome }>> {
    const params = new SqlParams(this.db.dialect);
    const list = ids.map((id) => params.add(id)).join(', ');
    const rows = await this.db.query<{ conversion_id: number; n: number | string; last_at: number | string; reason: string | null; outcome: AttemptOutcome }>(
      this.db.manager,
      `SELECT s."conversion_id", s."n", a."started_at" AS "last_at", a."reason", a."outcome"
       FROM (SELECT "conversion_id", COUNT(*) AS "n", MAX("id") AS "last_id" FROM "delivery_attempts"
             WHERE "conversion_id" IN (${list}) GROUP BY "conversion_id") s
       JOIN "delivery_attempts" a ON a."id" = s."last_id"`,
      params.values,
    );
    return new Map(rows.map((r) => [Number(r.conversion_id), { count: Number(r.n), lastAt: Number(r.last_at), lastReason: r.reason, lastOutcome: r.outcome }]));
  }
}
