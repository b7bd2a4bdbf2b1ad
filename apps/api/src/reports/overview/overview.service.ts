import { Injectable } from '@nestjs/common';
import type { OverviewPeriod, OverviewPoint, OverviewResponse } from '@goalpost/contracts';
import { Db } from '../../database/db.service';
import { HealthService } from '../../health/health.service';
import { DASHBOARD_TIME_ZONE } from '../../common/dashboard-time';
import { planBuckets } from './buckets';

interface ConversionBucketRow {
  b: number | string;
  status: string;
  n: number | string;
  v: number | string | null;
}

@Injectable()
export class OverviewService {
  constructor(
    private readonly db: Db,
    private readonly health: HealthService,
  ) {}

  async overview(period: OverviewPeriod, now = Date.now()): Promise<OverviewResponse> {
    const plan = planBuckets(period, now, DASHBOARD_TIME_ZONE);
    const p = (i: number) => this.db.param(i);
    const range = [plan.from, plan.to];
    const [conversionRows, clickRows, upstream] = await Promise.all([
      this.db.query<ConversionBucketRow>(
        this.db.manager,
        `SELECT ${plan.keyExpr('c."created_at"')} AS "b", c."status", COUNT(*) AS "n", SUM(c."value_minor") AS "v"
         FROM "conversions" c
         WHERE c."is_test" = FALSE AND c."created_at" >= ${p(1)} AND c."created_at" <= ${p(2)}
         GROUP BY 1, 2`,
        range,
      ),
      this.db.query<{ b: number | string; n: number | string }>(
        this.db.manager,
        `SELECT ${plan.keyExpr('"first_seen_at"')} AS "b", COUNT(*) AS "n" FROM "clicks"
         WHERE "first_seen_at" >= ${p(1)} AND "first_seen_at" <= ${p(2)} GROUP BY 1`,
        range,
      ),
      this.health.upstream(),
    ]);

    const index = new Map(plan.starts.map((start, i) => [plan.keyOf(start), i]));
    const series: OverviewPoint[] = plan.starts.map((start) => ({ at: new Date(start).toISOString(), clicks: 0, conversions: 0, delivered: 0, failed: 0, successRate: null }));
    const totals = { clicks: 0, conversions: 0, delivered: 0, failed: 0, pending: 0, unattributed: 0, deliveredValueMinor: 0 };

    for (const row of clickRows) {
      const point = series[index.get(Number(row.b)) ?? -1];
      if (!point) continue;
      point.clicks += Number(row.n);
      totals.clicks += Number(row.n);
    }
    for (const row of conversionRows) {
      const point = series[index.get(Number(row.b)) ?? -1];
      if (!point) continue;
      const n = Number(row.n);
      point.conversions += n;
      totals.conversions += n;
      if (row.status === 'delivered') {
        point.delivered += n;
        totals.delivered += n;
        totals.deliveredValueMinor += Number(row.v ?? 0);
      } else if (row.status === 'failed') {
        point.failed += n;
        totals.failed += n;
      } else if (row.status === 'pending') totals.pending += n;
      else if (row.status === 'unattributed') totals.unattributed += n;
    }
    for (const point of series) {
      const decided = point.delivered + point.failed;
      point.successRate = decided === 0 ? null : point.delivered / decided;
    }
    return {
      period,
      bucket: plan.bucket,
      timeZone: DASHBOARD_TIME_ZONE,
      from: new Date(plan.from).toISOString(),
      to: new Date(plan.to).toISOString(),
      totals,
      series,
      upstream,
    };
  }
}
