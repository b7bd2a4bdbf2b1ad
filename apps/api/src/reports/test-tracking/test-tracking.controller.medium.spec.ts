import { AfliteParam } from '@goalpost/aflite';
import type { RecentClicksResponse, TraceTestResponse } from '@goalpost/contracts';
import { startSandbox, type RunningSandbox } from '@goalpost/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedClick, seedGoal } from '../../../test/support/seed';

const API_KEY = 'sandbox-key-5678';

describe('test tracking', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let admin: AdminSession;

  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: API_KEY, merchantId: '1001', port: 0 });
    t = await bootApp({ AFLITE_BASE_URL: sandbox.url });
    admin = await setUpAdmin(t.app);
    await seedGoal(t.app, '5', 'Sale', 1500);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('asks for the key and merchant ID before a test can be sent', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/test-tracking/trace', { method: 'POST', body: { goalId: '5', clickSessionID: 'abc123' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('aflite_not_configured');
  });

  it("sends a trace-only conversion with a generated TEST- reference and shows Aflite's answer", async () => {
    await asAdmin(t.app, admin, '/api/admin/settings', { method: 'PATCH', body: { afliteApiKey: API_KEY, afliteMid: '1001' } });
    const before = Date.now();
    const res = await asAdmin(t.app, admin, '/api/admin/test-tracking/trace', { method: 'POST', body: { goalId: '5', clickSessionID: 'abc123' } });
    expect(res.statusCode, res.body).toBe(200);
    const body: TraceTestResponse = res.json();
    expect(body.conversion).toMatchObject({ test: true, source: 'dashboard', status: 'delivered', value: '15.00', clickSessionID: 'abc123' });
    expect(Number(body.conversion.mref.replace(/^TEST-/, ''))).toBeGreaterThanOrEqual(before);
    expect(body.attempt).toMatchObject({ trigger: 'test', statusCode: 200, outcome: 'delivered' });
    expect(body.attempt.params[AfliteParam.traceOnly]).toBe('1');
    expect(body.attempt.params[AfliteParam.apiKey]).toBe('••••5678');
    expect(JSON.stringify(body)).not.toContain(API_KEY);
    expect(sandbox.state.report().traces.map((g) => g.mref)).toEqual([body.conversion.mref]);
    expect(sandbox.state.report().goals).toEqual([]);
  });

  it('names the field of a bad test request', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/test-tracking/trace', {
      method: 'POST',
      body: { goalId: '5', clickSessionID: 'has space', mref: 'a"b' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['clickSessionID', 'mref']);
    const unknown = await asAdmin(t.app, admin, '/api/admin/test-tracking/trace', { method: 'POST', body: { goalId: '99', clickSessionID: 'abc' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields[0].field).toBe('goalId');
  });

  it("fetches Aflite's help text with the key redacted", async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/test-tracking/help');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe(200);
    expect(res.json().body).toContain('/data/register/goal');
    expect(JSON.stringify(res.json())).not.toContain(API_KEY);
  });

  it('lists clicks seen since a moment, newest first, and hands back a time to poll from', async () => {
    const now = Date.now();
    await seedClick(t.app, 'old-click', now - 600_000);
    await seedClick(t.app, 'new-click-1', now - 2_000);
    await seedClick(t.app, 'new-click-2', now - 1_000);
    const res = await asAdmin(t.app, admin, `/api/admin/test-tracking/clicks?since=${new Date(now - 60_000).toISOString()}`);
    const body: RecentClicksResponse = res.json();
    expect(body.items.map((c) => c.clickSessionID)).toEqual(['new-click-2', 'new-click-1']);
    // serverTime lags so a click committed just after the query is caught next time.
    expect(Date.parse(body.serverTime)).toBeLessThan(Date.now());
    expect(Date.parse(body.serverTime)).toBeGreaterThan(now - 10_000);
    const bad = await asAdmin(t.app, admin, '/api/admin/test-tracking/clicks?since=later');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('since');
  });
});
