import { describe, expect, it } from 'vitest';
import { planBuckets } from './buckets';

const LONDON = 'Europe/London';

describe('planBuckets', () => {
  it('cuts 24h into the current hour and the 23 before it', () => {
    const now = Date.parse('2024-06-10T12:34:56Z');
    const plan = planBuckets('24h', now, LONDON);
    expect(plan.bucket).toBe('hour');
    expect(plan.starts).toHaveLength(24);
    expect(new Date(plan.starts[23]).toISOString()).toBe('2024-06-10T12:00:00.000Z');
    expect(new Date(plan.from).toISOString()).toBe('2024-06-09T13:00:00.000Z');
    expect(plan.keyExpr('"t"')).toBe('("t" / 3600000)');
  });

  it('starts days at London midnight during summer time', () => {
    const plan = planBuckets('7d', Date.parse('2024-06-10T12:00:00Z'), LONDON);
    expect(plan.starts.map((s) => new Date(s).toISOString())).toEqual([
      '2024-06-03T23:00:00.000Z',
      '2024-06-04T23:00:00.000Z',
      '2024-06-05T23:00:00.000Z',
      '2024-06-06T23:00:00.000Z',
      '2024-06-07T23:00:00.000Z',
      '2024-06-08T23:00:00.000Z',
      '2024-06-09T23:00:00.000Z',
    ]);
    expect(plan.keyExpr('"t"')).toBe('(("t" + 3600000) / 86400000)');
  });

  it('splits the offset where the clocks go back, so each instant lands on its London day', () => {
    const now = Date.parse('2024-10-30T10:00:00Z');
    const plan = planBuckets('7d', now, LONDON);
    const sql = plan.keyExpr('t');
    // BST ended at 2024-10-27T01:00:00Z.
    expect(sql).toBe(`((t + CASE WHEN t < ${Date.parse('2024-10-27T01:00:00Z')} THEN 3600000 ELSE 0 END) / 86400000)`);
    // Evaluate the SQL expression's arithmetic for instants either side of midnight on each side of the change.
    const keyOf = (t: number) => Math.floor((t + (t < Date.parse('2024-10-27T01:00:00Z') ? 3_600_000 : 0)) / 86_400_000);
    const bucketOf = (iso: string) => plan.starts.findIndex((s) => plan.keyOf(s) === keyOf(Date.parse(iso)));
    expect(bucketOf('2024-10-25T23:30:00Z')).toBe(bucketOf('2024-10-26T12:00:00Z')); // 00:30 BST on the 26th
    expect(bucketOf('2024-10-26T22:59:59Z')).toBe(bucketOf('2024-10-26T12:00:00Z')); // 23:59 BST on the 26th
    expect(bucketOf('2024-10-26T23:00:00Z')).toBe(bucketOf('2024-10-27T12:00:00Z')); // midnight on the 27th
    expect(bucketOf('2024-10-28T00:00:00Z')).toBe(plan.starts.length - 3); // GMT midnight on the 28th
    expect(new Set(plan.starts.map(plan.keyOf)).size).toBe(7);
  });

  it('covers 90 days with one bucket per day', () => {
    const plan = planBuckets('90d', Date.parse('2024-04-01T08:00:00Z'), LONDON);
    expect(plan.starts).toHaveLength(90);
    expect(new Date(plan.starts[89]).toISOString()).toBe('2024-03-31T23:00:00.000Z');
    expect(new Date(plan.starts[0]).toISOString()).toBe('2024-01-03T00:00:00.000Z');
  });
});
