import type { ApiErrorBody, ClickResponse, ConversionResponse } from '@goalpost/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { expect, it } from 'vitest';
import { CLICK_COOKIE } from './harness/api-client';
import { REPO_ROOT } from './harness/build-output';
import { describeEachDialect, type SuiteContext } from './harness/dialects';
import { readSetCookie, type HttpResponse } from './harness/http';
import { uid } from './harness/ids';
import { ALLOWED_ORIGIN, GOAL_ID, REDIRECT_HOST } from './harness/stack';

const DASHBOARD_BUILT = existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'));
const CLICK_LIMIT = 30;
const GOAL_LIMIT = 10;

function cookieOf(res: HttpResponse): string {
  const cookie = readSetCookie(res, CLICK_COOKIE);
  if (!cookie) throw new Error(`no ${CLICK_COOKIE} cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return cookie.value;
}

function expectRefusedForRate(res: HttpResponse, limit: number): void {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.header('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.json<ApiErrorBody>()).toMatchObject({ statusCode: 429, error: 'too_many_requests' });
  expect(res.json<ApiErrorBody>().message).toContain(`at most ${limit} a minute`);
}

/** The dashboard's own session (first-run setup through the API), to read what was stored. */
async function adminCookie(ctx: SuiteContext): Promise<string> {
  const res = await ctx.stack.api.send('/api/admin/setup', { json: { email: 'owner@shop.example', password: 'correct horse battery' } });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
  const session = readSetCookie(res, 'gp_session');
  if (!session) throw new Error('no session cookie');
  return `gp_session=${session.value}`;
}

/** Raw bytes, so a compressed body can be checked as sent. */
async function getRaw(ctx: SuiteContext, path: string, headers: Record<string, string> = {}) {
  const res = await request(new URL(path, ctx.stack.api.http.baseUrl), { headers });
  return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
}

describeEachDialect('the public endpoints under abuse', (ctx) => {
  it('limits clicks and browser goals per address: the burst beyond the limit is refused, not stored and not sent', async () => {
    const api = await ctx.stack.useApi({ TRACKING_CLICKS_PER_MINUTE: String(CLICK_LIMIT), TRACKING_GOALS_PER_MINUTE: String(GOAL_LIMIT) });
    const prefix = uid('burst');

    const started = performance.now();
    const clicks = await Promise.all(
      Array.from({ length: 300 }, (_, i) => api.send('/t/clicks', { json: { clickSource: 'aflite', clickSessionID: `${prefix}-${i}` } })),
    );
    const clickMs = performance.now() - started;
    const accepted = clicks.filter((res) => res.status === 204);
    console.log(`300 clicks from one address in ${clickMs.toFixed(0)} ms: ${accepted.length} stored, ${clicks.length - accepted.length} refused (429)`);
    expect(accepted).toHaveLength(CLICK_LIMIT);
    for (const res of clicks.filter((r) => r.status !== 204)) expectRefusedForRate(res, CLICK_LIMIT);
    // The pixel draws on the same budget.
    expectRefusedForRate(await api.get(`/t/click?clickSource=aflite&clickSessionID=${prefix}-pixel`), CLICK_LIMIT);

    const admin = await adminCookie(ctx);
    const stored = await api.get(`/api/admin/clicks?q=${prefix}&limit=200`, { cookie: admin });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json<{ items: ClickResponse[] }>().items).toHaveLength(CLICK_LIMIT);

    const goals = await Promise.all(Array.from({ length: 100 }, (_, i) => api.send('/t/goals', { json: { goal: GOAL_ID, mref: `${prefix}-order-${i}` } })));
    const recorded = goals.filter((res) => res.status === 201).map((res) => res.json<ConversionResponse>());
    console.log(`100 browser goals from one address: ${recorded.length} recorded, ${goals.length - recorded.length} refused (429)`);
    expect(recorded).toHaveLength(GOAL_LIMIT);
    for (const res of goals.filter((r) => r.status !== 201)) expectRefusedForRate(res, GOAL_LIMIT);

    // Without a click cookie they are kept unattributed: visible, never delivered. The refused ones are not kept at all.
    expect(recorded.every((c) => c.status === 'unattributed')).toBe(true);
    const history = await api.get(`/api/admin/deliveries?q=${prefix}-order&limit=200`, { cookie: admin });
    expect(history.status, history.text).toBe(200);
    expect(
      history
        .json<{ items: { mref: string }[] }>()
        .items.map((c) => c.mref)
        .sort(),
    ).toEqual(recorded.map((c) => c.mref).sort());
    const report = await ctx.stack.sandbox.report();
    expect(report.goals.filter((g) => g.mref.startsWith(prefix))).toEqual([]);
  });

  it('sends at most the limit of attributed browser goals on to Aflite', async () => {
    const api = await ctx.stack.useApi({ TRACKING_GOALS_PER_MINUTE: String(GOAL_LIMIT) });
    const prefix = uid('sent');
    const cookie = await api.snippetClick(uid('cs'));
    const goals = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        api.send('/t/goals', { json: { goal: GOAL_ID, mref: `${prefix}-${i}` }, headers: { cookie: `${CLICK_COOKIE}=${cookie}` } }),
      ),
    );
    const recorded = goals.filter((res) => res.status === 201).map((res) => res.json<ConversionResponse>());
    expect(recorded).toHaveLength(GOAL_LIMIT);
    for (const conversion of recorded) await api.waitForStatus(GOAL_ID, conversion.mref, 'delivered');
    const report = await ctx.stack.sandbox.report();
    expect(
      report.goals
        .filter((g) => g.mref.startsWith(prefix))
        .map((g) => g.mref)
        .sort(),
    ).toEqual(recorded.map((c) => c.mref).sort());
  });

  it('refuses trace-only goals from anonymous visitors, and values above the goal cap, sending nothing', async () => {
    const { api, sandbox } = ctx.stack;
    const cookie = await api.snippetClick(uid('cs'));
    const headers = { origin: ALLOWED_ORIGIN, cookie: `${CLICK_COOKIE}=${cookie}` };

    const trace = await api.send('/t/goals', { json: { goal: GOAL_ID, mref: uid('trace'), traceOnly: true }, headers });
    expect(trace.status).toBe(401);
    expect(trace.json<ApiErrorBody>().fields).toEqual([{ field: 'traceOnly', message: expect.stringContaining('ingest key') }]);

    const huge = await api.send('/t/goals', { json: { goal: GOAL_ID, mref: uid('huge'), value: '20000000.00' }, headers });
    expect(huge.status).toBe(400);
    expect(huge.json<ApiErrorBody>().fields?.[0]).toMatchObject({ field: 'value', message: expect.stringContaining('at most 100.00') });

    const fine = await api.send('/t/goals', { json: { goal: GOAL_ID, mref: uid('fine'), value: '99.99' }, headers });
    expect(fine.status, fine.text).toBe(201);
    await api.waitForStatus(GOAL_ID, fine.json<ConversionResponse>().mref, 'delivered');
    const report = await sandbox.report();
    expect(report.traces).toEqual([]);
    expect(report.goals.map((g) => g.value)).toEqual(['99.99']);
  });

  it('takes a click from a page only with clickSource=aflite', async () => {
    const { api } = ctx.stack;
    for (const res of [
      await api.send('/t/clicks', { json: { clickSessionID: uid('cs') } }),
      await api.send('/t/clicks', { json: { clickSessionID: uid('cs'), clickSource: 'email' } }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.json<ApiErrorBody>().fields?.[0].field).toBe('clickSource');
    }
    expect((await api.send('/t/clicks', { json: { clickSessionID: uid('cs'), clickSource: 'AfLiTe' } })).status).toBe(204);
  });

  it("gives a browser that names a known clickSessionID a cookie of its own, never the visitor's", async () => {
    const { api } = ctx.stack;
    const clickSessionID = uid('cs');
    const visitor = cookieOf(await api.send('/t/clicks', { json: { clickSource: 'aflite', clickSessionID } }));
    const other = cookieOf(await api.send('/t/clicks', { json: { clickSource: 'aflite', clickSessionID } }));
    const pixel = cookieOf(await api.get(`/t/click?clickSource=aflite&clickSessionID=${clickSessionID}`));
    expect(new Set([visitor, other, pixel]).size).toBe(3);
    for (const cookie of [visitor, other, pixel]) {
      expect(await api.createConversion({ goalId: GOAL_ID, mref: uid('order'), clickCookie: cookie })).toMatchObject({ attribution: 'cookie', clickSessionID });
    }
  });

  it('puts security headers on every answer, and lets shops load the snippet and the pixel', async () => {
    const { api } = ctx.stack;
    const answers = {
      dashboard: await api.get('/'),
      docs: await api.get('/api/docs'),
      session: await api.get('/api/admin/session'),
      missing: await api.get('/api/nothing-here'),
      snippet: await api.get('/t/goalpost.js'),
      pixel: await api.get(`/t/click?clickSource=aflite&clickSessionID=${uid('cs')}`),
      redirect: await api.get(`/t/click?${new URLSearchParams({ clickSource: 'aflite', clickSessionID: uid('cs'), to: `https://${REDIRECT_HOST}/p` })}`),
    };
    for (const [name, res] of Object.entries(answers)) {
      expect(res.header('x-content-type-options'), name).toBe('nosniff');
      expect(res.header('x-frame-options'), name).toBe('DENY');
      expect(res.header('referrer-policy'), name).toBe('strict-origin-when-cross-origin');
      const csp = res.header('content-security-policy') ?? '';
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toContain("script-src 'self'");
      expect(csp, name).not.toContain('upgrade-insecure-requests');
    }
    expect(answers.docs.status).toBe(200);
    expect(answers.session.header('cross-origin-resource-policy')).toBe('same-origin');
    expect(answers.snippet.header('cross-origin-resource-policy')).toBe('cross-origin');
    expect(answers.pixel.status).toBe(200);
    expect(answers.pixel.header('cross-origin-resource-policy')).toBe('cross-origin');
    expect(answers.redirect.status).toBe(302);
    // The Swagger UI page loads its own script files only.
    const init = await api.get('/api/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
  });

  it.skipIf(!DASHBOARD_BUILT)('serves the dashboard bundle compressed and its source maps to nobody', async () => {
    const index = await ctx.stack.api.get('/');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(index.text)?.[1];
    if (!script) throw new Error(`no script in the dashboard's index.html:\n${index.text}`);

    const plain = await getRaw(ctx, script);
    const br = await getRaw(ctx, script, { 'accept-encoding': 'br, gzip' });
    const gzip = await getRaw(ctx, script, { 'accept-encoding': 'gzip' });
    console.log(`dashboard ${script}: ${plain.body.length} bytes plain, ${br.body.length} brotli, ${gzip.body.length} gzip`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);

    expect(plain.body.toString('utf8')).not.toContain('sourceMappingURL');
    const map = await ctx.stack.api.get(`${script}.map`);
    expect(map.status).toBe(404);
  });
});
