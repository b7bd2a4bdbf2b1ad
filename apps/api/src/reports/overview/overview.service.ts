import { Injectable } from '@nestjs/common';
import type { OverviewPeriod, OverviewPoint, OverviewResponse } from '@goalpost/contracts';
import { HealthService } from '../../health/health.service';
import { DASHBOARD_TIME_ZONE } from '../../common/dashboard-time';
import { planBuckets } from './buckets';
import { OverviewRepository } from './overview.repository';

@Injectable()
export class OverviewService {
  constructor(
    private readonly counts: OverviewRepository,
    private readonly health: HealthService,
  ) {}

  async overview(period: OverviewPeriod, now = Date.now()): Promise<OverviewResponse> {
    const plan = planBuckets(period, now, DASHBOARD_TIME_ZONE);
    const [conversionRows, clickRows, upstream] = await Promise.all([
      this.counts.conversionBuckets(plan),
      this.counts.clickBuckets(plan),
      this.health.upstream(),
    ]);

    const index = new Map(plan.starts.map((start, i) => [plan.keyOf(start), i]));
    const series: OverviewPoint[] = plan.starts.map((start) => ({
      at: new Date(start).toISOString(),
      clicks: 0,
      conversions: 0,
      delivered: 0,
      failed: 0,
      successRate: null,
    }));
    const totals = { clicks: 0, conversions: 0, delivered: 0, failed: 0, pending: 0, unattributed: 0, deliveredValueMinor: 0 };

    for (const row of clickRows) {
      const point = series[index.get(row.bucket) ?? -1];
      if (!point) continue;
      point.clicks += row.count;
      totals.clicks += row.count;
    }
    for (const row of conversionRows) {
      const point = series[index.get(row.bucket) ?? -1];
      if (!point) continue;
      const n = row.count;
      point.conversions += n;
      totals.conversions += n;
      if (row.status === 'delivered') {
        point.delivered += n;
        totals.delivered += n;
        totals.deliveredValueMinor += row.valueMinor;
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
