import type { SaleTraceResponse } from '@goalpost/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedClick, seedConversion, seedGoal } from '../../../test/support/seed';

describe('trace a sale', () => {
  let t: TestApp;
  let admin: AdminSession;
  const trace = async (q: string): Promise<SaleTraceResponse> => {
    const res = await asAdmin(t.app, admin, `/api/admin/trace?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await bootApp();
    admin = await setUpAdmin(t.app);
  });
  afterAll(() => t.close());

  it('explains when nothing matches', async () => {
    const res = await trace('ORDER-404');
    expect(res).toMatchObject({ query: 'ORDER-404', click: null, conversions: [] });
    expect(res.explanation).toMatch(/^Nothing matches "ORDER-404"/);
  });

  it('explains a click that never turned into a goal', async () => {
    await seedClick(t.app, 'lonely-click', Date.now() - 3_600_000);
    const res = await trace('lonely-click');
    expect(res.click?.clickSessionID).toBe('lonely-click');
    expect(res.conversions).toEqual([]);
    expect(res.explanation).toMatch(/recorded this click .* but no goal has arrived for it/);
  });

  it('follows an mref to its click, attempts and verdict', async () => {
    const goal = await seedGoal(t.app);
    await seedClick(t.app, 'click-ORDER-1', Date.now() - 60_000);
    await seedConversion(t.app, {
      goal,
      mref: 'ORDER-1',
      status: 'delivered',
      delivery: { state: 'delivered', attemptCount: 1 },
      attempts: [{ outcome: 'delivered', body: 'OK goal registered mref=ORDER-1' }],
    });
    const byMref = await trace('ORDER-1');
    expect(byMref.click?.clickSessionID).toBe('click-ORDER-1');
    expect(byMref.conversions).toHaveLength(1);
    expect(byMref.conversions[0]).toMatchObject({
      reason: 'delivered',
      conversion: { mref: 'ORDER-1', goalName: 'Sale' },
      attempts: [{ outcome: 'delivered' }],
    });
    expect(byMref.explanation).toBeNull();
    // The same story from the clickSessionID.
    expect((await trace('click-ORDER-1')).conversions.map((c) => c.conversion.mref)).toEqual(['ORDER-1']);
  });

  it('tells "no click at all" from "click not passed on" for unattributed sales', async () => {
    const goal = await seedGoal(t.app, '8', 'Lead');
    await seedConversion(t.app, { goal, mref: 'LEAD-OLD', status: 'unattributed', clickSessionId: null, createdAt: Date.parse('2020-01-01T00:00:00Z') });
    await seedConversion(t.app, { goal, mref: 'LEAD-NEW', status: 'unattributed', clickSessionId: null });
    expect((await trace('LEAD-OLD')).conversions[0].reason).toBe('no-click');
    expect((await trace('LEAD-NEW')).conversions[0].reason).toBe('unattributed');
  });

  it('requires q', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/trace');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('q');
  });
});
