import type { ApiErrorBody } from '@goalpost/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGoal } from '../../test/support/seed';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { ClickEntity } from '../clicks/click.entity';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { GoalsService } from '../goals/goals.service';

const VISITOR = '198.51.100.7';
const OTHER_VISITOR = '203.0.113.9';

describe('rate limits on the public tracking routes', () => {
  let t: TestApp;
  let db: Db;

  beforeAll(async () => {
    t = await bootApp({ TRACKING_CLICKS_PER_MINUTE: '5', TRACKING_GOALS_PER_MINUTE: '3' });
    db = t.app.get(Db);
    const goal = await seedGoal(t.app, '6', 'Sign-up');
    await t.app.get(GoalsService).update(goal.id, { allowBrowser: true });
  });
  afterAll(() => t.close());

  const postClick = (clickSessionID: string, remoteAddress = VISITOR) =>
    t.app.inject({ method: 'POST', url: '/t/clicks', remoteAddress, payload: { clickSource: 'aflite', clickSessionID } });

  it('answers clicks beyond the limit with 429, Retry-After and a message, and stores none of them', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => postClick(`rl-click-${i}`)));
    const statuses = answers.map((res) => res.statusCode);
    expect(statuses.filter((s) => s === 204)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);

    const refused = answers.find((res) => res.statusCode === 429);
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused?.headers['content-type']).toMatch(/^application\/json/);
    expect(refused?.json<ApiErrorBody>()).toMatchObject({ statusCode: 429, error: 'too_many_requests' });
    expect(refused?.json<ApiErrorBody>().message).toMatch(/at most 5 a minute/);
    expect(refused?.headers['set-cookie']).toBeUndefined();

    expect(await db.manager.count(ClickEntity)).toBe(5);
  });

  it('counts the pixel in the same budget as the click post, per address', async () => {
    const pixel = await t.app.inject({ method: 'GET', url: '/t/click?clickSource=aflite&clickSessionID=rl-pixel', remoteAddress: VISITOR });
    expect(pixel.statusCode).toBe(429);

    const elsewhere = await t.app.inject({ method: 'GET', url: '/t/click?clickSource=aflite&clickSessionID=rl-pixel', remoteAddress: OTHER_VISITOR });
    expect(elsewhere.statusCode).toBe(200);
    expect((await postClick('rl-other', OTHER_VISITOR)).statusCode).toBe(204);
    expect(await db.manager.count(ClickEntity)).toBe(7);
  });

  it('limits browser goals separately from clicks', async () => {
    const answers = [];
    for (let i = 0; i < 6; i += 1) {
      answers.push(await t.app.inject({ method: 'POST', url: '/t/goals', remoteAddress: OTHER_VISITOR, payload: { goal: '6', mref: `RL-${i}` } }));
    }
    expect(answers.map((res) => res.statusCode)).toEqual([201, 201, 201, 429, 429, 429]);
    expect(answers[3].json<ApiErrorBody>().message).toMatch(/Too many browser goals from this address: at most 3 a minute/);
    expect(await db.manager.count(ConversionEntity)).toBe(3);
  });

  it('leaves the snippet itself, the API and the preflights alone', async () => {
    for (let i = 0; i < 8; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/t/goalpost.js', remoteAddress: VISITOR })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'OPTIONS', url: '/t/clicks', remoteAddress: VISITOR })).statusCode).toBe(204);
    }
  });
});
