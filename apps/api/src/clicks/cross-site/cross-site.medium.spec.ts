import type { AuditListResponse, CrossSiteHealth, HealthResponse } from '@goalpost/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { Db } from '../../database/db.service';
import { CrossSiteClickEntity } from './cross-site-click.entity';

const GOALPOST_HOST = 'track.shop.example';

describe('noticing a cross-site deployment', () => {
  let t: TestApp;
  let admin: AdminSession;
  const health = async () => (await t.app.inject({ method: 'GET', url: '/health' })).json<HealthResponse>().tracking.crossSite;
  const dashboard = async () => (await asAdmin(t.app, admin, '/api/admin/test-tracking/cross-site')).json<CrossSiteHealth>();
  const snippetClick = (clickSessionID: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/t/clicks', headers: { host: GOALPOST_HOST, ...headers }, payload: { clickSource: 'aflite', clickSessionID } });
  const link = (query: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/t/click?${query}`, headers: { host: GOALPOST_HOST, ...headers } });

  beforeAll(async () => {
    t = await bootApp({ ALLOWED_ORIGINS: 'https://www.shop.example,https://other-shop.example', REDIRECT_HOSTS: 'landing.example,www.shop.example' });
    admin = await setUpAdmin(t.app);
  });
  afterAll(() => t.close());

  it('sees nothing while every click comes from the same site as Goalpost', async () => {
    expect((await snippetClick('xs-same-1', { origin: 'https://www.shop.example' })).statusCode).toBe(204);
    // A redirect is judged by where it sends the visitor: its Referer is the affiliate's, always another site.
    const redirect = await link('clickSource=aflite&clickSessionID=xs-same-2&to=https://www.shop.example/p?x=1', { referer: 'https://affiliate.example/blog' });
    expect(redirect.statusCode).toBe(302);
    expect((await link('clickSource=aflite&clickSessionID=xs-same-3', { referer: 'https://www.shop.example/landing' })).statusCode).toBe(200);
    expect(await health()).toEqual({ seen: false, lastOrigin: null, lastSeenAt: null, sites: [] });
  });

  it('records a click from a page on another site, in /health and for the dashboard, keeping only its origin', async () => {
    const before = Date.now();
    expect((await snippetClick('xs-other-1', { origin: 'https://other-shop.example' })).statusCode).toBe(204);
    const seen = await health();
    expect(seen).toMatchObject({ seen: true, lastOrigin: 'https://other-shop.example' });
    expect(Date.parse(seen.lastSeenAt ?? '')).toBeGreaterThanOrEqual(before);
    expect(seen.sites).toEqual([
      expect.objectContaining({ pageSite: 'other-shop.example', goalpostSite: 'shop.example', lastOrigin: 'https://other-shop.example', clicks: 1 }),
    ]);
    expect(await dashboard()).toEqual(seen);

    // More clicks from that site within the minute are counted in memory, not written one by one.
    for (let i = 0; i < 3; i += 1) await snippetClick(`xs-other-more-${i}`, { origin: 'https://other-shop.example' });
    expect((await health()).sites[0].clicks).toBe(1);
  });

  it('judges a redirect by its target and a pixel by its Referer, and ignores clicks it did not record', async () => {
    await link('clickSource=aflite&clickSessionID=xs-redirect&to=https://landing.example/p?x=1');
    await link('clickSource=aflite&clickSessionID=xs-pixel', { referer: 'https://blog.pixel-shop.example/post/1?secret=1' });
    await link('clickSource=email&clickSessionID=xs-not-aflite&to=https://landing.example/', { host: GOALPOST_HOST });
    await snippetClick('xs-refused', { origin: 'https://not-allowed.example' });

    const seen = await health();
    expect(seen.lastOrigin).toBe('https://blog.pixel-shop.example');
    expect(seen.sites.map((site) => site.pageSite)).toEqual(['pixel-shop.example', 'landing.example', 'other-shop.example']);
    expect(JSON.stringify(seen)).not.toContain('secret');
    expect(JSON.stringify(seen)).not.toContain('not-allowed');
  });

  it('forgets what it saw when the merchant clears it, with an audit entry naming the sites', async () => {
    const cleared = await asAdmin(t.app, admin, '/api/admin/test-tracking/cross-site', { method: 'DELETE' });
    expect(cleared.statusCode, cleared.body).toBe(204);
    expect(await dashboard()).toEqual({ seen: false, lastOrigin: null, lastSeenAt: null, sites: [] });
    const audit = (await asAdmin(t.app, admin, '/api/admin/audit')).json<AuditListResponse>();
    expect(audit.items[0]).toMatchObject({
      action: 'tracking.cross-site-clear',
      details: { sites: ['pixel-shop.example', 'landing.example', 'other-shop.example'] },
    });
    expect((await asAdmin(t.app, admin, '/api/admin/test-tracking/cross-site', { method: 'DELETE', noCsrf: true })).statusCode).toBe(403);

    // Seen again as soon as the next cross-site click arrives.
    await snippetClick('xs-again', { origin: 'https://other-shop.example' });
    expect((await health()).sites.map((site) => site.pageSite)).toEqual(['other-shop.example']);
  });
});

describe('a cookie domain of another site than Goalpost', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({ ALLOWED_ORIGINS: 'https://shop.example', COOKIE_DOMAIN: 'shop.example' });
  });
  afterAll(() => t.close());

  it('counts the shop’s clicks as cross-site: the browser refuses a cookie for a domain Goalpost is not on', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/t/clicks',
      headers: { host: 'goalpost.hosting.example', origin: 'https://shop.example' },
      payload: { clickSource: 'aflite', clickSessionID: 'xs-cookie-domain' },
    });
    expect(res.statusCode).toBe(204);
    const seen = (await t.app.inject({ method: 'GET', url: '/health' })).json<HealthResponse>().tracking.crossSite;
    expect(seen.sites).toEqual([expect.objectContaining({ pageSite: 'shop.example', goalpostSite: 'hosting.example (cookie domain shop.example)' })]);
  });
});

describe('forged Referers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(() => t.close());

  it('cannot grow the list of sites beyond 50', async () => {
    const pixel = (i: number) =>
      t.app.inject({ method: 'GET', url: `/t/click?clickSource=aflite&clickSessionID=xs-forged-${i}`, headers: { referer: `https://forged-${i}.example/` } });
    for (let i = 0; i < 55; i += 1) expect((await pixel(i)).statusCode).toBe(200);
    const count = await t.app.get(Db).manager.count(CrossSiteClickEntity);
    console.log(`55 forged Referer sites: ${count} kept`);
    expect(count).toBe(50);
    expect(await t.app.get(Db).manager.findOneBy(CrossSiteClickEntity, { pageSite: 'forged-54.example' })).toBeNull();
  });
});
