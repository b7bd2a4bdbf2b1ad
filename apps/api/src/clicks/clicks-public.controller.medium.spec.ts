import type { ApiErrorBody } from '@goalpost/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGoal } from '../../test/support/seed';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { Db } from '../database/db.service';
import { GoalsService } from '../goals/goals.service';
import { ClickEntity } from './click.entity';
import { CLICK_COOKIE } from './click-cookie';

function clickCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === CLICK_COOKIE);
  if (!cookie) throw new Error(`no ${CLICK_COOKIE} cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return cookie.value;
}

describe('click capture from pages', () => {
  let t: TestApp;
  const postClick = (payload: object, cookie?: string) =>
    t.app.inject({ method: 'POST', url: '/t/clicks', payload, headers: cookie ? { cookie: `${CLICK_COOKIE}=${cookie}` } : {} });
  const goal = (mref: string, cookie: string) =>
    t.app.inject({ method: 'POST', url: '/t/goals', payload: { goal: '6', mref }, headers: { cookie: `${CLICK_COOKIE}=${cookie}` } });

  beforeAll(async () => {
    t = await bootApp();
    const signUp = await seedGoal(t.app, '6', 'Sign-up');
    await t.app.get(GoalsService).update(signUp.id, { allowBrowser: true });
  });
  afterAll(() => t.close());

  it('requires clickSource=aflite (in any case) on the click post, naming the field, and records no pixel without it', async () => {
    const missing = await postClick({ clickSessionID: 'cs-nosource' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ApiErrorBody>().fields).toContainEqual({ field: 'clickSource', message: 'clickSource is required and must be "aflite"' });
    expect((await postClick({ clickSessionID: 'cs-nosource', clickSource: 'awin' })).json<ApiErrorBody>().fields?.[0].field).toBe('clickSource');

    // The pixel answers its GIF all the same (an image has no one to show an error to), recording nothing.
    const pixel = await t.app.inject({ method: 'GET', url: '/t/click?clickSessionID=cs-nosource' });
    expect(pixel.statusCode).toBe(200);
    expect(pixel.headers['x-goalpost-click']).toBe('not recorded: clickSource is missing');
    expect(await t.app.get(Db).manager.countBy(ClickEntity, { clickSessionId: 'cs-nosource' })).toBe(0);

    expect((await postClick({ clickSessionID: 'cs-upper', clickSource: 'AFLITE' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/t/click?clickSource=Aflite&clickSessionID=cs-upper' })).statusCode).toBe(200);
  });

  it("never hands a visitor's cookie to another browser that names the same clickSessionID", async () => {
    const visitor = clickCookieOf(await postClick({ clickSource: 'aflite', clickSessionID: 'cs-victim' }));
    const snooper = clickCookieOf(await postClick({ clickSource: 'aflite', clickSessionID: 'cs-victim' }));
    const viaPixel = clickCookieOf(await t.app.inject({ method: 'GET', url: '/t/click?clickSource=aflite&clickSessionID=cs-victim' }));
    expect(new Set([visitor, snooper, viaPixel]).size).toBe(3);

    // The visitor landing again keeps the cookie it has.
    expect(clickCookieOf(await postClick({ clickSource: 'aflite', clickSessionID: 'cs-victim' }, visitor))).toBe(visitor);
    // A cookie held for another click is not carried over to this one.
    const elsewhere = clickCookieOf(await postClick({ clickSource: 'aflite', clickSessionID: 'cs-elsewhere' }, visitor));
    expect(elsewhere).not.toBe(visitor);

    // Every token attributes to the click it was given for.
    for (const [i, cookie] of [visitor, snooper, viaPixel].entries()) {
      const res = await goal(`TOK-${i}`, cookie);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ attribution: 'cookie', clickSessionID: 'cs-victim' });
    }
    expect((await goal('TOK-elsewhere', elsewhere)).json()).toMatchObject({ attribution: 'cookie', clickSessionID: 'cs-elsewhere' });
    expect(await t.app.get(Db).manager.findOneBy(ClickEntity, { clickSessionId: 'cs-victim' })).toMatchObject({ hits: 4 });
  });
});
