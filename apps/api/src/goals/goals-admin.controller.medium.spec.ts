import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalsService } from './goals.service';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../test/support/test-app';

describe('goals', () => {
  let t: TestApp;
  let admin: AdminSession;
  const send = (method: 'POST' | 'PATCH', url: string, body: unknown) => asAdmin(t.app, admin, url, { method, body });

  beforeAll(async () => {
    t = await bootApp();
    admin = await setUpAdmin(t.app);
  });
  afterAll(() => t.close());

  it('creates a goal with its default value in pence', async () => {
    const res = await send('POST', '/api/admin/goals', { afliteGoalId: ' 5 ', name: 'Sale', defaultValue: '10.5', allowBrowser: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ afliteGoalId: '5', name: 'Sale', defaultValue: '10.50', allowBrowser: true, enabled: true });
    expect((await t.app.get(GoalsService).findByAfliteId('5'))?.defaultValueMinor).toBe(1050);
  });

  it('refuses a second goal with the same Aflite goal ID', async () => {
    const res = await send('POST', '/api/admin/goals', { afliteGoalId: '5', name: 'Other' });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0].field).toBe('afliteGoalId');
  });

  it.each([
    [{ name: 'No id' }, 'afliteGoalId'],
    [{ afliteGoalId: 'a b', name: 'x' }, 'afliteGoalId'],
    [{ afliteGoalId: '9', name: '' }, 'name'],
    [{ afliteGoalId: '9', name: 'x', defaultValue: '10.999' }, 'defaultValue'],
    [{ afliteGoalId: '9', name: 'x', defaultValue: '-1' }, 'defaultValue'],
    [{ afliteGoalId: '9', name: 'x', defaultValue: 10 }, 'defaultValue'],
    [{ afliteGoalId: '9', name: 'x', allowBrowser: 'yes' }, 'allowBrowser'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await send('POST', '/api/admin/goals', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe(field);
  });

  it('edits, clears the default value, and disables', async () => {
    const created = (await send('POST', '/api/admin/goals', { afliteGoalId: '7', name: 'Sign-up', defaultValue: '0' })).json();
    const edited = await send('PATCH', `/api/admin/goals/${created.id}`, { name: 'Newsletter sign-up', defaultValue: null, enabled: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Newsletter sign-up', defaultValue: null, enabled: false, afliteGoalId: '7' });
    const list = (await asAdmin(t.app, admin, '/api/admin/goals')).json();
    expect(list.map((g: { name: string }) => g.name)).toEqual(['Newsletter sign-up', 'Sale']);
    // A disabled goal refuses new conversions.
    await expect(t.app.get(GoalsService).requireUsable('7', 'goalId')).rejects.toThrow(/disabled/);

    const audit = (await asAdmin(t.app, admin, '/api/admin/audit')).json().items;
    expect(audit[0]).toMatchObject({
      action: 'goal.update',
      target: `goal ${created.id}`,
      details: { name: 'Newsletter sign-up', defaultValue: null, enabled: false },
    });
    expect(audit[1]).toMatchObject({ action: 'goal.create', target: `goal ${created.id}` });
  });

  it('keeps a maximum browser value on the goal, shows the cap in force, and refuses one below the default', async () => {
    const created = await send('POST', '/api/admin/goals', { afliteGoalId: '8', name: 'Lead', defaultValue: '4.00', allowBrowser: true });
    expect(created.json()).toMatchObject({ maxBrowserValue: null, browserValueCap: '40.00' });
    const id = created.json().id;

    const set = await send('PATCH', `/api/admin/goals/${id}`, { maxBrowserValue: '75.5' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ maxBrowserValue: '75.50', browserValueCap: '75.50' });
    expect((await t.app.get(GoalsService).getById(id)).maxBrowserValueMinor).toBe(7550);

    for (const [body, message] of [
      [{ maxBrowserValue: '1.999' }, /^maxBrowserValue: must be an amount/],
      [{ maxBrowserValue: 30 }, /^maxBrowserValue must be an amount/],
      [{ maxBrowserValue: '3.99' }, /^maxBrowserValue: must be at least the default value \(4\.00\)/],
      [{ defaultValue: '80.00' }, /^maxBrowserValue: must be at least the default value \(80\.00\)/],
      [{ maxBrowserValue: '99999999.99' }, /^maxBrowserValue: must be at most/],
    ] as const) {
      const res = await send('PATCH', `/api/admin/goals/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ field: 'maxBrowserValue', message: expect.stringMatching(message) });
    }

    const cleared = await send('PATCH', `/api/admin/goals/${id}`, { maxBrowserValue: null, defaultValue: null });
    expect(cleared.json()).toMatchObject({ maxBrowserValue: null, defaultValue: null, browserValueCap: '1000.00' });
  });

  it('refuses an audit page size out of range, naming limit', async () => {
    for (const limit of ['0', '201', 'ten']) {
      const res = await asAdmin(t.app, admin, `/api/admin/audit?limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ field: 'limit', message: expect.stringMatching(/^limit must be (a whole number|at least 1|at most 200)$/) });
    }
  });

  it('refuses null for a required field on edit, and unknown goals', async () => {
    const res = await send('PATCH', '/api/admin/goals/1', { name: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('name');
    expect((await send('PATCH', '/api/admin/goals/999', { name: 'x' })).statusCode).toBe(404);
    expect((await send('PATCH', '/api/admin/goals/1', { afliteGoalId: '7' })).statusCode).toBe(409);
  });
});
