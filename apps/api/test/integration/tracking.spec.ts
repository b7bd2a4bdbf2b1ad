import type { ClickResponse, ConversionResponse } from '@goalpost/contracts';
import { expect, it } from 'vitest';
import { CLICK_COOKIE } from './harness/api-client';
import { describeEachDialect } from './harness/dialects';
import { readSetCookie, type HttpResponse } from './harness/http';
import { uid } from './harness/ids';
import { paramOf } from './harness/sandbox-client';
import { ALLOWED_ORIGIN, GOAL_ID, REDIRECT_HOST } from './harness/stack';

const THIRTY_DAYS_S = 30 * 86_400;

function clickCookieOf(res: HttpResponse): string {
  const cookie = readSetCookie(res, CLICK_COOKIE);
  if (!cookie) throw new Error(`no ${CLICK_COOKIE} cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  const attributes = cookie.attributes.toLowerCase();
  for (const attribute of ['httponly', 'samesite=lax', 'path=/', `max-age=${THIRTY_DAYS_S}`]) expect(attributes).toContain(attribute);
  // Served over plain HTTP here: a Secure cookie would never come back.
  expect(attributes).not.toContain('secure');
  return cookie.value;
}

describeEachDialect('click capture on the merchant site', (ctx) => {
  it('serves the snippet as JavaScript', async () => {
    const res = await ctx.stack.api.get('/t/goalpost.js');
    expect(res.status).toBe(200);
    expect(res.header('content-type')).toMatch(/^application\/javascript/);
    expect(res.text).toContain('/t/clicks');
  });

  it('answers the pixel with a GIF and a click cookie that attributes a later conversion', async () => {
    const { api, sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const res = await api.get(`/t/click?clickSource=aflite&clickSessionID=${clickSessionID}`);
    expect(res.status).toBe(200);
    expect(res.header('content-type')).toBe('image/gif');
    expect(res.header('cache-control')).toBe('no-store');
    expect(res.text.startsWith('GIF89a')).toBe(true);
    const cookie = clickCookieOf(res);

    const mref = uid('order');
    expect(await api.createConversion({ goalId: GOAL_ID, mref, clickCookie: cookie })).toMatchObject({ attribution: 'cookie', clickSessionID });
    await api.waitForStatus(GOAL_ID, mref, 'delivered');
    const [request] = await sandbox.registerRequestsFor(mref);
    expect(paramOf(request, 'clickSessionID')).toBe(clickSessionID);
  });

  it('redirects to an allowed host, setting the cookie on the way', async () => {
    const { api } = ctx.stack;
    const clickSessionID = uid('cs');
    const target = `https://${REDIRECT_HOST}/product/42?colour=blue`;
    const res = await api.get(`/t/click?${new URLSearchParams({ clickSource: 'aflite', clickSessionID, to: target })}`);
    expect(res.status).toBe(302);
    expect(res.header('location')).toBe(target);
    const cookie = clickCookieOf(res);
    expect(await api.createConversion({ goalId: GOAL_ID, mref: uid('order'), clickCookie: cookie })).toMatchObject({ attribution: 'cookie', clickSessionID });
  });

  it("takes an affiliate's link as Aflite and affiliates make it: other parameters, names in any case, an unencoded to with its own query", async () => {
    const { api } = ctx.stack;
    const clickSessionID = uid('cs');
    const res = await api.get(`/t/click?utm_source=aff&to=https://${REDIRECT_HOST}/p?x=1&y=2&ClickSource=Aflite&CLICKSESSIONID=${clickSessionID}`);
    expect(res.status, res.text).toBe(302);
    expect(res.header('location')).toBe(`https://${REDIRECT_HOST}/p?x=1&y=2`);
    expect(res.header('x-goalpost-click')).toBe('recorded');
    const cookie = clickCookieOf(res);
    expect(await api.createConversion({ goalId: GOAL_ID, mref: uid('order'), clickCookie: cookie })).toMatchObject({ attribution: 'cookie', clickSessionID });

    // A link whose click is not Aflite's still takes the visitor where it says, and records nothing.
    const notAflite = await api.get(`/t/click?clickSource=email&clickSessionID=${uid('cs')}&to=https://${REDIRECT_HOST}/p?x=1`);
    expect(notAflite.status).toBe(302);
    expect(notAflite.header('location')).toBe(`https://${REDIRECT_HOST}/p?x=1`);
    expect(notAflite.header('x-goalpost-click')).toBe('not recorded: clickSource is not "aflite"');
    expect(readSetCookie(notAflite, CLICK_COOKIE)).toBeUndefined();
    const pixel = await api.get('/t/click?clickSource=aflite');
    expect(pixel.status).toBe(200);
    expect(pixel.header('content-type')).toBe('image/gif');
  });

  it('keeps a long referrer and a landing URL that grows when normalised without failing the click', async () => {
    const { api } = ctx.stack;
    const longReferrer = `https://affiliate.example/${'r'.repeat(3000)}`;
    const pixel = await api.get(`/t/click?clickSource=aflite&clickSessionID=${uid('cs')}`, { referer: longReferrer });
    expect(pixel.status, pixel.text).toBe(200);

    // 1,000 "é" are 1,000 characters here and 6,000 once percent-encoded in the normalised URL.
    const target = `https://${REDIRECT_HOST}/${'é'.repeat(1000)}`;
    const redirect = await api.get(`/t/click?${new URLSearchParams({ clickSource: 'aflite', clickSessionID: uid('cs'), to: target })}`);
    expect(redirect.status, redirect.text).toBe(302);
    expect(redirect.header('location')).toBe(new URL(target).href);
  });

  it('allows cross-origin snippet calls from an allowed origin only', async () => {
    const { api } = ctx.stack;
    const preflight = (origin: string, path: string) =>
      api.send(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

    for (const path of ['/t/clicks', '/t/goals']) {
      const allowed = await preflight(ALLOWED_ORIGIN, path);
      expect(allowed.status, allowed.text).toBe(204);
      expect(allowed.header('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(allowed.header('access-control-allow-credentials')).toBe('true');
      expect(allowed.header('access-control-allow-methods')).toContain('POST');
      expect(allowed.header('access-control-allow-headers')).toContain('content-type');

      const refused = await preflight('https://evil.example', path);
      expect(refused.status).toBe(403);
      expect(refused.header('access-control-allow-origin')).toBeUndefined();
    }

    const clickSessionID = uid('cs');
    const clickRes = await api.send('/t/clicks', { json: { clickSource: 'aflite', clickSessionID }, headers: { origin: ALLOWED_ORIGIN } });
    expect(clickRes.status).toBe(204);
    expect(clickRes.header('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const cookie = clickCookieOf(clickRes);

    const goalRes = await api.send('/t/goals', {
      json: { goal: GOAL_ID, mref: uid('order') },
      headers: { origin: ALLOWED_ORIGIN, cookie: `${CLICK_COOKIE}=${cookie}` },
    });
    expect(goalRes.status, goalRes.text).toBe(201);
    expect(goalRes.header('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(goalRes.json<ConversionResponse>()).toMatchObject({ attribution: 'cookie', clickSessionID, value: '10.00' });
  });

  it('records a click sent by the merchant server and gives back its cookie value', async () => {
    const { api } = ctx.stack;
    const clickSessionID = uid('cs');
    const res = await api.send('/api/v1/clicks', { json: { clickSessionID, clickSource: 'aflite' }, headers: { authorization: `Bearer ${api.ingestKey}` } });
    expect(res.status, res.text).toBe(201);
    const click = res.json<ClickResponse>();
    expect(click).toMatchObject({ clickSessionID, via: 'server', hits: 1 });
    expect(await api.createConversion({ goalId: GOAL_ID, mref: uid('order'), clickCookie: click.cookieValue })).toMatchObject({
      attribution: 'cookie',
      clickSessionID,
    });
  });
});
