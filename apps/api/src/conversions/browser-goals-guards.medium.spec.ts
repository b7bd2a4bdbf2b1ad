import type { ApiErrorBody, ConversionResponse } from '@goalpost/contracts';
import { startSandbox, type RunningSandbox } from '@goalpost/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGoal } from '../../test/support/seed';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../test/support/test-app';
import { CLICK_COOKIE } from '../clicks/click-cookie';
import { ClicksService } from '../clicks/clicks.service';
import { Db } from '../database/db.service';
import { GoalsService } from '../goals/goals.service';
import { IngestKeysService } from '../ingest-keys/ingest-keys.service';
import { ConversionEntity } from './conversion.entity';

const API_KEY = 'sandbox-key-guards';

describe('what a browser may not do with /t/goals', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let admin: AdminSession;
  let ingestKey: string;
  let cookie: string;
  const post = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/t/goals', payload, headers: { cookie: `${CLICK_COOKIE}=${cookie}`, ...headers } });
  const stored = (mref: string) => t.app.get(Db).manager.countBy(ConversionEntity, { mref });

  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: API_KEY, merchantId: '1001', port: 0 });
    t = await bootApp({ AFLITE_BASE_URL: sandbox.url, AFLITE_API_KEY: API_KEY, AFLITE_MID: '1001' });
    admin = await setUpAdmin(t.app);
    ingestKey = (await t.app.get(IngestKeysService).create('shop backend')).key;
    const goals = t.app.get(GoalsService);
    const signUp = await seedGoal(t.app, '6', 'Sign-up', 1000);
    await goals.update(signUp.id, { allowBrowser: true });
    const donation = await seedGoal(t.app, '7', 'Donation', null);
    await goals.update(donation.id, { allowBrowser: true });
    cookie = (await t.app.get(ClicksService).record({ clickSessionId: 'cs-guards', via: 'snippet' })).cookieValue;
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('refuses a trace-only goal from an anonymous visitor, naming traceOnly, and sends nothing to Aflite', async () => {
    const res = await post({ goal: '6', mref: 'TRACE-ANON', traceOnly: true });
    expect(res.statusCode).toBe(401);
    expect(res.json<ApiErrorBody>()).toMatchObject({ error: 'trace_only_not_allowed', fields: [{ field: 'traceOnly' }] });
    expect(res.json<ApiErrorBody>().message).toMatch(/ingest key.*signed-in dashboard session/);

    const wrongKey = await post({ goal: '6', mref: 'TRACE-ANON', traceOnly: true }, { authorization: 'Bearer gpk_not-a-real-key' });
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.json<ApiErrorBody>().fields?.[0].field).toBe('authorization');

    expect(await stored('TRACE-ANON')).toBe(0);
    expect(sandbox.state.report().requests.register).toBe(0);
  });

  it('sends a trace-only goal for the holder of an ingest key or of a dashboard session', async () => {
    const byKey = await post({ goal: '6', mref: 'TRACE-KEY', traceOnly: true }, { authorization: `Bearer ${ingestKey}` });
    expect(byKey.statusCode, byKey.body).toBe(200);
    const bySession = await post({ goal: '6', mref: 'TRACE-SESSION', traceOnly: true }, { cookie: `${CLICK_COOKIE}=${cookie}; ${admin.cookie}` });
    expect(bySession.statusCode, bySession.body).toBe(200);
    expect(sandbox.state.report().traces.map((g) => g.mref)).toEqual(['TRACE-KEY', 'TRACE-SESSION']);
  });

  it("refuses a browser goal worth more than the goal's cap, naming value; the server API is not capped", async () => {
    // Sign-up has a default of 10.00 and no maximum of its own: 10× the default.
    expect((await post({ goal: '6', mref: 'CAP-1', value: '100.00' })).statusCode).toBe(201);
    const over = await post({ goal: '6', mref: 'CAP-2', value: '100.01' });
    expect(over.statusCode).toBe(400);
    expect(over.json<ApiErrorBody>()).toMatchObject({ error: 'invalid_value', fields: [{ field: 'value' }] });
    expect(over.json<ApiErrorBody>().message).toMatch(/^value: at most 100\.00 for "Sign-up" from a browser/);
    expect((await post({ goal: '6', mref: 'CAP-3', value: 20_000_000 })).statusCode).toBe(400);
    expect((await post({ goal: '6', mref: 'CAP-3', value: '20000000.00', traceOnly: true }, { authorization: `Bearer ${ingestKey}` })).statusCode).toBe(400);
    // Without a default value: 1,000.00.
    expect((await post({ goal: '7', mref: 'CAP-4', value: '1000.00' })).statusCode).toBe(201);
    expect((await post({ goal: '7', mref: 'CAP-5', value: '1000.01' })).json<ApiErrorBody>().fields?.[0].field).toBe('value');
    expect(await stored('CAP-2')).toBe(0);
    expect(await stored('CAP-3')).toBe(0);
    expect(await stored('CAP-5')).toBe(0);

    const fromServer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/conversions',
      headers: { authorization: `Bearer ${ingestKey}` },
      payload: { goalId: '6', mref: 'CAP-SERVER', value: '20000.00', clickSessionID: 'cs-guards' },
    });
    expect(fromServer.statusCode, fromServer.body).toBe(201);
  });

  it('follows the maximum the merchant sets on the goal in the dashboard', async () => {
    const [signUp] = (await asAdmin(t.app, admin, '/api/admin/goals')).json<{ id: number; afliteGoalId: string }[]>().filter((g) => g.afliteGoalId === '6');
    const raised = await asAdmin(t.app, admin, `/api/admin/goals/${signUp.id}`, { method: 'PATCH', body: { maxBrowserValue: '250.00' } });
    expect(raised.json()).toMatchObject({ maxBrowserValue: '250.00', browserValueCap: '250.00' });
    const res = await post({ goal: '6', mref: 'CAP-RAISED', value: '250.00' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ConversionResponse>().value).toBe('250.00');
    expect((await post({ goal: '6', mref: 'CAP-RAISED-2', value: '250.01' })).statusCode).toBe(400);
  });
});
