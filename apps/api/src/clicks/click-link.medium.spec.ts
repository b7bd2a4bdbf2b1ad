import type { ApiErrorBody } from '@goalpost/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { Db } from '../database/db.service';
import { ClickEntity } from './click.entity';
import { CLICK_COOKIE } from './click-cookie';
import { CLICK_OUTCOME_HEADER } from './clicks-public.controller';
import { ClicksService } from './clicks.service';

const LANDING = 'https://landing.example';
const VISITOR = '198.51.100.20';

describe('the pixel and the redirect link never strand a visitor', () => {
  let t: TestApp;
  let db: Db;
  let visitorNumber = 0;
  /** Each call comes from an address of its own unless told: the limit is tested on its own. */
  const get = (url: string, remoteAddress = `203.0.113.${(visitorNumber += 1)}`) => t.app.inject({ method: 'GET', url, remoteAddress });
  const stored = (clickSessionId: string) => db.manager.findOneBy(ClickEntity, { clickSessionId });
  const cookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === CLICK_COOKIE)?.value;

  beforeAll(async () => {
    t = await bootApp({ REDIRECT_HOSTS: 'landing.example,*.promo.example', TRACKING_CLICKS_PER_MINUTE: '3' });
    db = t.app.get(Db);
  });
  afterAll(() => t.close());

  it('records a click whose link carries other parameters and names in any case', async () => {
    const res = await get(`/t/click?clickSource=aflite&clickSessionID=cl-extra&utm_source=aff&to=${encodeURIComponent(`${LANDING}/p`)}`);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(`${LANDING}/p`);
    expect(res.headers[CLICK_OUTCOME_HEADER]).toBe('recorded');
    expect(cookieOf(res)).toBeTruthy();
    expect(await stored('cl-extra')).toMatchObject({ via: 'pixel', landingUrl: `${LANDING}/p` });

    const mixed = await get('/t/click?ClickSource=Aflite&CLICKSESSIONID=cl-mixed&Foo=bar');
    expect(mixed.statusCode).toBe(200);
    expect(mixed.headers['content-type']).toBe('image/gif');
    expect(await stored('cl-mixed')).not.toBeNull();
  });

  it("keeps the target's own query when to is given unencoded, and takes Aflite's appended parameters out of it", async () => {
    const res = await get(`/t/click?utm_source=aff&to=${LANDING}/p?x=1&y=2&clickSource=aflite&clickSessionID=cl-raw`);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(`${LANDING}/p?x=1&y=2`);
    expect(await stored('cl-raw')).toMatchObject({ landingUrl: `${LANDING}/p?x=1&y=2` });

    const before = await get(`/t/click?clickSource=aflite&clickSessionID=cl-raw2&to=${LANDING}/p?x=1&y=two+words&z=%C3%A9`);
    expect(before.headers.location).toBe(`${LANDING}/p?x=1&y=two+words&z=%C3%A9`);

    const encoded = await get(`/t/click?to=${encodeURIComponent(`${LANDING}/p?x=1&y=2`)}&clickSource=aflite&clickSessionID=cl-enc&utm_medium=m`);
    expect(encoded.headers.location).toBe(`${LANDING}/p?x=1&y=2`);
  });

  it.each([
    ['no clickSessionID', 'clickSource=aflite', 'clickSessionID is missing'],
    ['an invalid clickSessionID', 'clickSource=aflite&clickSessionID=%3Cscript%3E', 'clickSessionID is not valid'],
    ['no clickSource', 'clickSessionID=cl-bad-1', 'clickSource is missing'],
    ['another network', 'clickSource=awin&clickSessionID=cl-bad-2', 'clickSource is not "aflite"'],
  ])('sends the visitor on and answers the pixel for a link with %s, recording nothing', async (_, query, reason) => {
    const redirect = await get(`/t/click?${query}&to=${LANDING}/p?x=1`);
    expect(redirect.statusCode, redirect.body).toBe(302);
    expect(redirect.headers.location).toBe(`${LANDING}/p?x=1`);
    expect(redirect.headers[CLICK_OUTCOME_HEADER]).toBe(`not recorded: ${reason}`);
    expect(cookieOf(redirect)).toBeUndefined();

    const pixel = await get(`/t/click?${query}`);
    expect(pixel.statusCode).toBe(200);
    expect(pixel.headers['content-type']).toBe('image/gif');
    expect(pixel.headers[CLICK_OUTCOME_HEADER]).toBe(`not recorded: ${reason}`);
    expect(cookieOf(pixel)).toBeUndefined();
    expect(await db.manager.countBy(ClickEntity, { clickSessionId: 'cl-bad-1' })).toBe(0);
    expect(await db.manager.countBy(ClickEntity, { clickSessionId: 'cl-bad-2' })).toBe(0);
  });

  it.each([
    ['a foreign host', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a scheme without slashes', 'https:evil.example'],
    ['backslashes', 'https:\\\\evil.example\\landing.example'],
    ['userinfo that looks like the host', `${LANDING}@evil.com/`],
    ['userinfo, encoded', encodeURIComponent(`${LANDING}@evil.com/`)],
    ['a look-alike host', 'https://landing.example.evil.com/'],
    ['a suffix of the host', 'https://evillanding.example/'],
    ['javascript:', 'javascript:alert(1)//landing.example'],
    ['data:', 'data:text/html,hi'],
    ['the apex of a wildcard', 'https://promo.example/'],
    ['an empty to', ''],
  ])('refuses a redirect to %s with a 400 naming to, recording nothing', async (_, to) => {
    const res = await get(`/t/click?clickSource=aflite&clickSessionID=cl-open&to=${to}`);
    expect(res.statusCode, res.headers.location).toBe(400);
    expect(res.json<ApiErrorBody>().fields?.[0]).toMatchObject({ field: 'to' });
    expect(await stored('cl-open')).toBeNull();
  });

  it.each([
    ['a mixed-case host', 'https://LANDING.Example/P?x=1', 'https://landing.example/P?x=1'],
    ['a backslash in the path', 'https://landing.example\\@evil.com', 'https://landing.example/@evil.com'],
    ['a subdomain of a wildcard', 'https://Deals.Promo.example/', 'https://deals.promo.example/'],
  ])('redirects to %s in its normalised form, as a browser reads it', async (_, to, location) => {
    const res = await get(`/t/click?clickSource=aflite&clickSessionID=cl-norm&to=${to}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(location);
  });

  it('still sends a redirect visitor over the limit on, without recording; the pixel over it gets its 429', async () => {
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await get(`/t/click?clickSource=aflite&clickSessionID=cl-limit-${i}&to=${LANDING}/p?x=${i}`, VISITOR));
    expect(answers.map((res) => res.statusCode)).toEqual([302, 302, 302, 302, 302]);
    expect(answers.map((res) => res.headers.location)).toEqual([0, 1, 2, 3, 4].map((i) => `${LANDING}/p?x=${i}`));
    expect(answers.map((res) => res.headers[CLICK_OUTCOME_HEADER])).toEqual([
      'recorded',
      'recorded',
      'recorded',
      'not recorded: over the rate limit',
      'not recorded: over the rate limit',
    ]);
    expect(answers[3].headers['retry-after']).toBeDefined();
    expect(cookieOf(answers[3])).toBeUndefined();
    expect(await db.manager.countBy(ClickEntity, { clickSessionId: 'cl-limit-3' })).toBe(0);

    const pixel = await get('/t/click?clickSource=aflite&clickSessionID=cl-limit-pixel', VISITOR);
    expect(pixel.statusCode).toBe(429);
    expect(pixel.json<ApiErrorBody>().message).toMatch(/at most 3 a minute/);
    // Not an open redirect for those over the limit either.
    expect((await get('/t/click?clickSource=aflite&clickSessionID=cl-limit-x&to=https://evil.example/', VISITOR)).statusCode).toBe(400);
  });
});

describe('a redirect link whose click cannot be stored', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({ REDIRECT_HOSTS: 'landing.example' });
    // As at shutdown: the click writer is closed and refuses every click after it.
    await t.app.get(ClicksService).finishWrites();
  });
  afterAll(() => t.close());

  it('still sends the visitor on, saying the click was not stored; the pixel answers the failure', async () => {
    const redirect = await t.app.inject({ method: 'GET', url: `/t/click?clickSource=aflite&clickSessionID=cl-closed&to=${LANDING}/p?x=1` });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`${LANDING}/p?x=1`);
    expect(redirect.headers[CLICK_OUTCOME_HEADER]).toBe('not recorded: not stored');
    expect(redirect.cookies).toEqual([]);

    const pixel = await t.app.inject({ method: 'GET', url: '/t/click?clickSource=aflite&clickSessionID=cl-closed' });
    expect(pixel.statusCode).toBe(503);
    expect(await t.app.get(Db).manager.countBy(ClickEntity, { clickSessionId: 'cl-closed' })).toBe(0);
  });
});
