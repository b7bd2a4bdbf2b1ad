import type { OverviewResponse } from '@goalpost/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedClick, seedConversion, seedGoal } from '../../../test/support/seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('overview', () => {
  let t: TestApp;
  let admin: AdminSession;
  const overview = async (period: string): Promise<OverviewResponse> => {
    const res = await asAdmin(t.app, admin, `/api/admin/overview?period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await bootApp();
    admin = await setUpAdmin(t.app);
    const goal = await seedGoal(t.app);
    const now = Date.now();
    await seedClick(t.app, 'c-now', now);
    await seedClick(t.app, 'c-3d', now - 3 * DAY);
    await seedClick(t.app, 'c-old', now - 200 * DAY);
    await seedConversion(t.app, { goal, mref: 'D1', status: 'delivered', createdAt: now - 2 * HOUR, valueMinor: 1_000 });
    await seedConversion(t.app, { goal, mref: 'D2', status: 'delivered', createdAt: now - 2 * HOUR, valueMinor: 2_550 });
    await seedConversion(t.app, { goal, mref: 'F1', status: 'failed', createdAt: now - 2 * HOUR });
    await seedConversion(t.app, { goal, mref: 'P1', status: 'pending', createdAt: now });
    await seedConversion(t.app, { goal, mref: 'U1', status: 'unattributed', clickSessionId: null, createdAt: now - 3 * DAY });
    await seedConversion(t.app, { goal, mref: 'D3', status: 'delivered', createdAt: now - 20 * DAY, valueMinor: 999 });
    // Tests never count.
    await seedConversion(t.app, { goal, mref: 'T1', status: 'delivered', isTest: true, createdAt: now - HOUR, valueMinor: 50_000 });
  });
  afterAll(() => t.close());

  it('totals and buckets the last 24 hours by hour', async () => {
    const o = await overview('24h');
    expect(o.bucket).toBe('hour');
    expect(o.series).toHaveLength(24);
    expect(o.totals).toEqual({ clicks: 1, conversions: 4, delivered: 2, failed: 1, pending: 1, unattributed: 0, deliveredValueMinor: 3_550 });
    const twoHoursAgo = o.series[o.series.length - 3];
    expect(twoHoursAgo).toMatchObject({ conversions: 3, delivered: 2, failed: 1 });
    expect(twoHoursAgo.successRate).toBeCloseTo(2 / 3);
    expect(o.series.at(-1)).toMatchObject({ clicks: 1, conversions: 1, successRate: null });
    expect(o.series.reduce((n, p) => n + p.conversions, 0)).toBe(4);
    expect(o.upstream).toMatchObject({ circuit: 'closed', held: 0 });
  });

  it('buckets longer periods by London day', async () => {
    const week = await overview('7d');
    expect(week).toMatchObject({ bucket: 'day', timeZone: 'Europe/London' });
    expect(week.series).toHaveLength(7);
    expect(week.totals).toMatchObject({ clicks: 2, conversions: 5, unattributed: 1 });
    expect(week.series.reduce((n, p) => n + p.clicks, 0)).toBe(2);
    const month = await overview('30d');
    expect(month.totals).toMatchObject({ conversions: 6, delivered: 3, deliveredValueMinor: 4_549 });
    expect((await overview('90d')).series).toHaveLength(90);
  });

  it('refuses an unknown period', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/overview?period=1y');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('period');
  });
});
