import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.service';
import { SqlParams } from '../../database/sql-params';
import type { BucketPlan } from './buckets';

/** Live conversions of one status in one bucket of the plan. */
export interface ConversionBucket {
  bucket: number;
  status: string;
  count: number;
  valueMinor: number;
}

export interface ClickBucket {
  bucket: number;
  count: number;
}

/** The overview's counts, grouped in SQL by the plan's bucket keys. */
@Injectable()
export class OverviewRepository {
  constructor(private readonly db: Db) {}

  async conversionBuckets(plan: BucketPlan): Promise<ConversionBucket[]> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<{ b: number | string; status: string; n: number | string; v: number | string | null }>(
      this.db.manager,
      `SELECT ${plan.keyExpr('c."created_at"')} AS "b", c."status", COUNT(*) AS "n", SUM(c."value_minor") AS "v"
       FROM "conversions" c
       WHERE c."is_test" = FALSE AND c."created_at" >= ${params.add(plan.from)} AND c."created_at" <= ${params.add(plan.to)}
       GROUP BY 1, 2`,
      params.values,
    );
    return rows.map((row) => ({ bucket: Number(row.b), status: row.status, count: Number(row.n), valueMinor: Number(row.v ?? 0) }));
  }

  /** Clicks by the bucket they were first seen in. */
  async clickBuckets(plan: BucketPlan): Promise<ClickBucket[]> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<{ b: number | string; n: number | string }>(
      this.db.manager,
      `SELECT ${plan.keyExpr('"first_seen_at"')} AS "b", COUNT(*) AS "n" FROM "clicks"
       WHERE "first_seen_at" >= ${params.add(plan.from)} AND "first_seen_at" <= ${params.add(plan.to)} GROUP BY 1`,
      params.values,
    );
    return rows.map((row) => ({ bucket: Number(row.b), count: Number(row.n) }));
  }
}
