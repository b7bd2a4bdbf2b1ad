import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { cacheControlFor, isServerPath } from './dashboard-files';

const INDEX = '<!doctype html><title>Goalpost</title><script type="module" src="/assets/index-Ab12Cd.js"></script>';

describe('serving the dashboard', () => {
  let dist: string;
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'goalpost-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd.js'), 'console.log(1)');
    writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
    t = await bootApp({}, { dashboardRoot: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / without letting browsers keep it', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const res = await get('/assets/index-Ab12Cd.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/robots.txt')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it("answers the dashboard's own routes with index.html", async () => {
    for (const url of ['/deliveries', '/deliveries/42?status=failed', '/settings/ingest-keys']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('keeps server paths and missing files as JSON 404s', async () => {
    for (const url of ['/api/nothing', '/api/admin', '/t/nothing', '/data/nothing', '/health/x', '/metrics/x', '/assets/missing.js', '/favicon.ico']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error, url).toBe('not_found');
    }
  });

  it('leaves the API and tracking routes alone', async () => {
    expect((await get('/api/admin/session')).json()).toMatchObject({ setupRequired: true });
    expect((await get('/t/goalpost.js')).headers['content-type']).toMatch(/javascript/);
    expect((await get('/health')).json()).toHaveProperty('database');
  });
});

describe('without a built dashboard', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({}, { dashboardRoot: null });
  });
  afterAll(() => t.close());

  it('answers / with how to build it instead of failing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/dashboard is not built.*npm start/);
    expect((await t.app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
  });
});

describe('dashboard-files', () => {
  it('tells server paths from dashboard routes', () => {
    expect(['/api', '/api/x', '/t/goalpost.js', '/data/register/goal', '/health', '/metrics'].every(isServerPath)).toBe(true);
    expect(['/', '/deliveries', '/tracking', '/datasets', '/apis'].some(isServerPath)).toBe(false);
  });

  it('picks a cache policy per file', () => {
    expect(cacheControlFor('/srv/dist/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/assets/index-1a2b.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/dist/logo.svg')).toBe('public, max-age=3600');
  });
});
