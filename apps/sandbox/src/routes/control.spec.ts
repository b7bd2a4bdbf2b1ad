import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goalParams, newSandbox, qs, registerGet, registerPost, type Sandbox } from '../../test/helpers';

describe('/_sandbox controls', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = newSandbox();
  });
  afterEach(() => sandbox.app.close());

  const putFault = (payload: unknown) => sandbox.app.inject({ method: 'PUT', url: '/_sandbox/faults', payload: payload as object });
  const feed = () => sandbox.app.inject({ method: 'GET', url: `/data/goals?${qs({ apikey: 'test-key', mref: 'ORDER-1' })}` });

  describe('faults', () => {
    it('sets, shows and clears a fault', async () => {
      expect((await sandbox.app.inject({ method: 'GET', url: '/_sandbox/faults' })).json()).toEqual({ fault: null });
      const put = await putFault({ status: 503 });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ fault: { status: 503, errorRate: 1, paths: ['register'] } });
      expect((await sandbox.app.inject({ method: 'GET', url: '/_sandbox/faults' })).json()).toEqual(put.json());
      const del = await sandbox.app.inject({ method: 'DELETE', url: '/_sandbox/faults' });
      expect(del.json()).toEqual({ fault: null });
      expect((await registerGet(sandbox, goalParams())).statusCode).toBe(200);
    });

    it('sets and shows a mix of faults', async () => {
      const put = await putFault({
        mix: [
          { status: 503, errorRate: 0.3 },
          { reset: true, errorRate: 0.1 },
        ],
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({
        fault: null,
        mix: [
          { status: 503, errorRate: 0.3, paths: ['register'] },
          { reset: true, errorRate: 0.1, paths: ['register'] },
        ],
      });
      const bad = await putFault({
        mix: [
          { status: 503, errorRate: 0.8 },
          { reset: true, errorRate: 0.8 },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('mix');
    });

    it('rejects bad input with 400 naming the field and keeps the previous fault', async () => {
      await putFault({ status: 500 });
      const res = await putFault({ status: 503, errorRate: 2 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ field: 'errorRate', error: 'errorRate: must be a number from 0 to 1' });
      expect(sandbox.state.faults.current?.status).toBe(500);
    });

    it('rejects a body that is not a JSON object', async () => {
      const res = await putFault([1]);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('body');
      const broken = await sandbox.app.inject({
        method: 'PUT',
        url: '/_sandbox/faults',
        headers: { 'content-type': 'application/json' },
        payload: '{',
      });
      expect(broken.statusCode).toBe(400);
    });

    it('answers an injected status without recording, with Retry-After', async () => {
      await putFault({ status: 503, retryAfter: 30 });
      const res = await registerPost(sandbox, goalParams());
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toBe('ERROR: injected 503');
      const report = sandbox.state.report();
      expect(report.goals).toEqual([]);
      expect(report.perMref).toEqual({});
      expect(report.requests.register).toBe(1);
    });

    it('echoes the apikey it was sent in the body and headers with echoKey', async () => {
      await putFault({ echoKey: true, status: 302, count: 1 });
      const redirect = await registerGet(sandbox, goalParams());
      expect(redirect.statusCode).toBe(302);
      expect(redirect.headers.location).toContain('apikey=test-key');
      expect(redirect.headers['x-request-id']).toBe('req-test-key');
      expect(redirect.headers.server).toContain('test-key');
      expect(redirect.body).toMatch(/^ERROR: injected 302\n\(request: apikey=test-key&/);
      await putFault({ echoKey: true, count: 1 });
      const accepted = await registerGet(sandbox, goalParams());
      expect(accepted.statusCode).toBe(200);
      expect(accepted.body).toMatch(/^OK goal registered mref=ORDER-1\n.*"apikey":"test-key"/);
      expect(accepted.headers.location).toBeUndefined();
      expect(sandbox.state.report().goals).toHaveLength(1);
    });

    it('can inject a 200 with an error body', async () => {
      await putFault({ status: 200 });
      const res = await registerGet(sandbox, goalParams());
      expect([res.statusCode, res.body]).toEqual([200, 'ERROR: injected 200']);
    });

    it('clears itself after count faulted requests', async () => {
      await putFault({ status: 500, count: 2 });
      const statuses = [];
      for (const mref of ['A', 'B', 'C']) statuses.push((await registerGet(sandbox, goalParams({ mref }))).statusCode);
      expect(statuses).toEqual([500, 500, 200]);
      expect(sandbox.state.faults.current).toBeNull();
      expect(sandbox.state.report().goals.map((g) => g.mref)).toEqual(['C']);
    });

    it('faults only the register path by default, and the goals feed when asked', async () => {
      await putFault({ status: 502 });
      expect((await feed()).statusCode).toBe(200);
      await putFault({ status: 502, paths: ['goals'] });
      expect((await feed()).statusCode).toBe(502);
      expect((await registerGet(sandbox, goalParams())).statusCode).toBe(200);
    });

    it('never faults at errorRate 0', async () => {
      await putFault({ status: 500, errorRate: 0 });
      expect((await registerGet(sandbox, goalParams())).statusCode).toBe(200);
    });

    it('drops the response on reset, and releases hung requests on close, under inject too', async () => {
      await putFault({ reset: true, count: 1 });
      await expect(registerGet(sandbox, goalParams())).rejects.toMatchObject({ code: 'LIGHT_ECONNRESET' });
      await putFault({ hang: 'after-record' });
      const hung = registerGet(sandbox, goalParams());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sandbox.state.faults.heldCount).toBe(1);
      expect(sandbox.state.report().goals).toHaveLength(1);
      await sandbox.app.close();
      await expect(hung).rejects.toMatchObject({ code: 'LIGHT_ECONNRESET' });
    });

    it('delays the answer by latencyMs, then answers normally', async () => {
      await putFault({ latencyMs: 120 });
      const started = Date.now();
      const res = await registerGet(sandbox, goalParams());
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(res.body).toBe('OK goal registered mref=ORDER-1');
    });
  });

  describe('report and requests', () => {
    it('reports goals, traces, counts and duplicates', async () => {
      await registerGet(sandbox, goalParams());
      await registerGet(sandbox, goalParams());
      await registerGet(sandbox, goalParams({ mref: 'T', traceOnly: '1' }));
      await registerGet(sandbox, { apikey: 'test-key', mid: '42', help: '1' });
      await feed();
      const res = await sandbox.app.inject({ method: 'GET', url: '/_sandbox/report' });
      const report = res.json();
      expect(report.goals).toHaveLength(1);
      expect(Object.keys(report.goals[0]).sort()).toEqual(['clickSessionId', 'goalId', 'merchantId', 'method', 'mref', 'receivedAt', 'value']);
      expect(report.traces.map((t: { mref: string }) => t.mref)).toEqual(['T']);
      expect(report.perMref).toEqual({ 'ORDER-1': 2 });
      expect(report.duplicates).toEqual(['ORDER-1']);
      expect(report.requests).toEqual({ register: 3, goals: 1, help: 1 });
    });

    it('lists the raw requests, oldest first, limited', async () => {
      await registerGet(sandbox, goalParams({ mref: 'A' }));
      await sandbox.app.inject({
        method: 'POST',
        url: '/data/register/goal?apikey=test-key',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Goalpost/test', 'x-other': '1' },
        payload: qs({ mid: '42', clickSessionID: 'c', goalid: '5', mref: 'B', value: '1' }) + '&mref=B2',
      });
      await feed();
      const all = (await sandbox.app.inject({ method: 'GET', url: '/_sandbox/requests' })).json().requests;
      expect(all.map((r: { path: string }) => r.path)).toEqual(['/data/register/goal', '/data/register/goal', '/data/goals']);
      const [post] = (await sandbox.app.inject({ method: 'GET', url: '/_sandbox/requests?limit=2' })).json().requests;
      expect(post).toEqual({
        method: 'POST',
        path: '/data/register/goal',
        query: { apikey: 'test-key' },
        body: { mid: '42', clickSessionID: 'c', goalid: '5', mref: ['B', 'B2'], value: '1' },
        receivedAt: expect.any(String),
        headers: { 'user-agent': 'Goalpost/test', 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(sandbox.state.report().goals.map((g) => g.mref)).toEqual(['A', 'B']);
    });

    it.each(['0', 'abc', '1001', '-1'])('rejects limit=%s', async (limit) => {
      const res = await sandbox.app.inject({ method: 'GET', url: `/_sandbox/requests?limit=${limit}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('limit');
    });
  });

  it('resets goals, traces, requests, counts and faults', async () => {
    await registerGet(sandbox, goalParams());
    await registerGet(sandbox, goalParams({ traceOnly: '1' }));
    await putFault({ status: 500 });
    const res = await sandbox.app.inject({ method: 'POST', url: '/_sandbox/reset' });
    expect(res.json()).toEqual({ ok: true });
    expect(sandbox.state.report()).toEqual({
      goals: [],
      traces: [],
      perMref: {},
      duplicates: [],
      requests: { register: 0, goals: 0, help: 0 },
    });
    expect(sandbox.state.recentRequests(50)).toEqual([]);
    expect(sandbox.state.faults.current).toBeNull();
    expect((await registerGet(sandbox, goalParams())).body).toBe('OK goal registered mref=ORDER-1');
  });
});
