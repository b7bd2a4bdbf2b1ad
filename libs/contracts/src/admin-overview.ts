import type { UpstreamHealth } from './health';

export type OverviewPeriod = '24h' | '7d' | '30d' | '90d';

/** GET /api/admin/overview?period=7d */
export interface OverviewResponse {
  period: OverviewPeriod;
  /** Size of each series point; days start at midnight in `timeZone`. */
  bucket: 'hour' | 'day';
  /** IANA zone the day buckets follow, e.g. "Europe/London". */
  timeZone: string;
  from: string;
  to: string;
  /** Live conversions created in [from, to), by their status now; clicks first seen in it. */
  totals: {
    clicks: number;
    conversions: number;
    delivered: number;
    failed: number;
    pending: number;
    unattributed: number;
    /** Sum of delivered live conversion values, in pence. */
    deliveredValueMinor: number;
  };
  /** One point per hour (24h) or per day (other periods), oldest first. */
  series: OverviewPoint[];
  upstream: UpstreamHealth;
}

/** Conversions are counted in the bucket they were created in, with the status they have now. */
export interface OverviewPoint {
  /** Start of the bucket (ISO). */
  at: string;
  clicks: number;
  conversions: number;
  delivered: number;
  failed: number;
  /** delivered / (delivered + failed), null when neither happened. */
  successRate: number | null;
}
