import type { OverviewPeriod } from '@goalpost/contracts';
import { startOfZonedDay, zoneOffsetMs } from '../../common/dashboard-time';
import { sqlInt } from '../../database/sql-params';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const DAYS: Record<Exclude<OverviewPeriod, '24h'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** How a period is cut into series points, and the SQL that puts a row in its point. */
export interface BucketPlan {
  bucket: 'hour' | 'day';
  from: number;
  to: number;
  /** Start of each bucket, oldest first. */
  starts: number[];
  /** Integer key of the bucket `column` (epoch ms) falls in: integer division, the same on SQLite and PostgreSQL. */
  keyExpr(column: string): string;
  keyOf(start: number): number;
}

export function planBuckets(period: OverviewPeriod, now: number, timeZone: string): BucketPlan {
  if (period === '24h') {
    const current = Math.floor(now / HOUR) * HOUR;
    const starts = Array.from({ length: 24 }, (_, i) => current - (23 - i) * HOUR);
    return { bucket: 'hour', from: starts[0], to: now, starts, keyExpr: (column) => `(${column} / ${HOUR})`, keyOf: (start) => Math.floor(start / HOUR) };
  }
  const days = DAYS[period];
  const starts = Array.from({ length: days }, (_, i) => startOfZonedDay(now, days - 1 - i, timeZone));
  const segments = offsetSegments([...starts, now], timeZone);
  return {
    bucket: 'day',
    from: starts[0],
    to: now,
    starts,
    // Local day number: shift each instant by the zone's offset at that instant, then divide by a day.
    keyExpr: (column) => `((${column} + ${offsetCase(column, segments)}) / ${DAY})`,
    keyOf: (start) => Math.floor((start + zoneOffsetMs(start, timeZone)) / DAY),
  };
}

interface Segment {
  /** First instant with this offset (undefined for the first segment). */
  from?: number;
  offset: number;
}

/** The zone's offset over the sampled range, split where summer time starts or ends. */
function offsetSegments(samples: number[], timeZone: string): Segment[] {
  const segments: Segment[] = [{ offset: zoneOffsetMs(samples[0], timeZone) }];
  for (let i = 1; i < samples.length; i++) {
    const before = segments[segments.length - 1].offset;
    if (zoneOffsetMs(samples[i], timeZone) === before) continue;
    let lo = samples[i - 1];
    let hi = samples[i];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zoneOffsetMs(mid, timeZone) === before) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi, offset: zoneOffsetMs(hi, timeZone) });
  }
  return segments;
}

function offsetCase(column: string, segments: Segment[]): string {
  if (segments.length === 1) return sqlInt(segments[0].offset);
  const branches = segments.slice(1).map((s, i) => `WHEN ${column} < ${sqlInt(s.from ?? 0)} THEN ${sqlInt(segments[i].offset)}`);
  return `CASE ${branches.join(' ')} ELSE ${sqlInt(segments[segments.length - 1].offset)} END`;
}
