import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';

const BUNDLE = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;

describe('headers and compression on every answer', () => {
  let dist: string;
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'goalpost-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Goalpost</title><script type="module" src="/assets/index-Ab12Cd.js"></script>');
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd.js'), BUNDLE);
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd.js.map'), '{"version":3,"sources":["src/secret.ts"]}');
    t = await bootApp({}, { dashboardRoot: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('forbids framing and sniffing and keeps scripts to the own origin, on pages, API answers and errors alike', async () => {
    for (const url of ['/', '/deliveries', '/api/admin/session', '/api/nothing', '/assets/missing.js', '/t/goalpost.js', '/api/docs']) {
      const res = await get(url);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      const csp = String(res.headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp, url).toContain(directive);
      expect(csp, url).not.toContain('upgrade-insecure-requests');
    }
    expect((await get('/api/docs')).statusCode).toBe(200);
  });

  it('lets other origins load the snippet and the pixel, and nothing else', async () => {
    expect((await get('/t/goalpost.js')).headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await get('/t/click?clickSource=aflite&clickSessionID=corp-1')).headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await get('/')).headers['cross-origin-resource-policy']).toBe('same-origin');
    expect((await get('/api/admin/session')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('compresses the bundle with brotli or gzip as the browser accepts', async () => {
    const plain = await get('/assets/index-Ab12Cd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);

    const br = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(BUNDLE);
    expect(br.rawPayload.length).toBeLessThan(BUNDLE.length / 4);

    const gzip = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(BUNDLE);
  });

  it('never serves a source map', async () => {
    const res = await get('/assets/index-Ab12Cd.js.map');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret.ts');
  });
});
