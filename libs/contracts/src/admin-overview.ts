import type { UpstreamHealth } from './health';

export type OverviewPeriod = '24h' | '7d' | '30d' | '90d';

/** GET /api/admin/overview?period=7d */
export interface OverviewResponse {
  period: OverviewPeriod;
  from: string;
  to: string;
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
