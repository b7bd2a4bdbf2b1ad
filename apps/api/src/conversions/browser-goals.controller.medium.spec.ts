import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { seedGoal } from '../../test/support/seed';
import { GoalsService } from '../goals/goals.service';

describe('goals from browsers', () => {
  let t: TestApp;
  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/t/goals', headers: { origin: 'https://shop.example' }, payload });

  beforeAll(async () => {
    t = await bootApp({ ALLOWED_ORIGINS: 'https://shop.example' });
    await seedGoal(t.app, '5', 'Sale');
    const signUp = await seedGoal(t.app, '6', 'Sign-up');
    await t.app.get(GoalsService).update(signUp.id, { allowBrowser: true });
  });
  afterAll(() => t.close());

  it('records only goals that allow it, naming the goal field otherwise', async () => {
    const refused = await post({ goal: '5', mref: 'B-1' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'browser_goal_not_allowed', fields: [{ field: 'goal' }] });
    // A trace-only goal from an anonymous visitor is refused before the goal is even looked at.
    expect((await post({ goal: '5', mref: 'B-1', traceOnly: true })).statusCode).toBe(401);
    expect((await post({ goal: '9', mref: 'B-1' })).json()).toMatchObject({ error: 'unknown_goal', fields: [{ field: 'goal' }] });

    const first = await post({ goal: '6', mref: 'B-1' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ goalId: '6', goalName: 'Sign-up', mref: 'B-1', source: 'browser', status: 'unattributed', duplicate: false });
    const again = await post({ goal: '6', mref: 'B-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, duplicate: true });
  });
});
