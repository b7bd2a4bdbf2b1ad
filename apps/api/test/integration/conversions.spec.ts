import type { ConversionResponse } from '@goalpost/contracts';
import { expect, it } from 'vitest';
import { CLICK_COOKIE } from './harness/api-client';
import { describeEachDialect } from './harness/dialects';
import { uid } from './harness/ids';
import { paramsOf } from './harness/sandbox-client';
import { AFLITE_API_KEY, AFLITE_MID, GOAL_ID } from './harness/stack';

describeEachDialect('conversions reach Aflite exactly once', (ctx) => {
  it('delivers a conversion for a snippet click by POST with exactly the parameters Aflite expects', async () => {
    const { api, sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const mref = uid('order');
    await api.snippetClick(clickSessionID, { landingUrl: `https://shop.example/p/42?clickSource=aflite&clickSessionID=${clickSessionID}` });

    const created = await api.createConversion({ goalId: GOAL_ID, mref, value: '12.50', clickSessionID });
    expect(created).toMatchObject({
      mref,
      goalId: GOAL_ID,
      value: '12.50',
      valueMinor: 1250,
      clickSessionID,
      attribution: 'explicit',
      source: 'api',
      test: false,
      duplicate: false,
    });
    expect(['pending', 'delivered']).toContain(created.status);

    const delivered = await api.waitForStatus(GOAL_ID, mref, 'delivered');
    expect(delivered.deliveredAt).not.toBeNull();
    const requests = await sandbox.registerRequestsFor(mref);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', query: {}, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(requests[0].body).toEqual({ apikey: AFLITE_API_KEY, mid: AFLITE_MID, clickSessionID, goalid: GOAL_ID, mref, value: '12.50' });
    const report = await sandbox.report();
    expect(report.perMref).toEqual({ [mref]: 1 });
    expect(report.goals).toEqual([
      expect.objectContaining({ mref, goalId: GOAL_ID, value: '12.50', clickSessionId: clickSessionID, merchantId: AFLITE_MID, method: 'POST' }),
    ]);
  });

  it('attributes by the gp_click cookie alone, from a merchant server and from the browser', async () => {
    const { api, sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const cookie = await api.snippetClick(clickSessionID);

    const serverMref = uid('order');
    const fromServer = await api.createConversion({ goalId: GOAL_ID, mref: serverMref, value: '20.00', clickCookie: cookie });
    expect(fromServer).toMatchObject({ attribution: 'cookie', clickSessionID });

    const browserMref = uid('order');
    const res = await api.send('/t/goals', { json: { goal: GOAL_ID, mref: browserMref, value: '7.25' }, headers: { cookie: `${CLICK_COOKIE}=${cookie}` } });
    expect(res.status, res.text).toBe(201);
    expect(res.json<ConversionResponse>()).toMatchObject({ attribution: 'cookie', clickSessionID, source: 'browser', value: '7.25' });

    for (const [mref, value] of [
      [serverMref, '20.00'],
      [browserMref, '7.25'],
    ]) {
      await api.waitForStatus(GOAL_ID, mref, 'delivered');
      const requests = await sandbox.registerRequestsFor(mref);
      expect(requests).toHaveLength(1);
      expect(paramsOf(requests[0])).toMatchObject({ clickSessionID, mref, value, goalid: GOAL_ID });
    }
  });

  it('keeps one conversion per goal and mref, whether repeated one after another or at the same time', async () => {
    const { api, sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const sequentialMref = uid('order');
    const first = await api.createConversion({ goalId: GOAL_ID, mref: sequentialMref, value: '5.00', clickSessionID });
    const repeat = await api.postConversion({ goalId: GOAL_ID, mref: sequentialMref, value: '5.00', clickSessionID });
    expect(repeat.status).toBe(200);
    expect(repeat.json<ConversionResponse>()).toMatchObject({ id: first.id, duplicate: true });

    const concurrentMref = uid('order');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.postConversion({ goalId: GOAL_ID, mref: concurrentMref, value: '6.00', clickSessionID })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array<number>(19).fill(200), 201]);
    const bodies = answers.map((a) => a.json<ConversionResponse>());
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(19);

    await api.waitForStatus(GOAL_ID, sequentialMref, 'delivered');
    await api.waitForStatus(GOAL_ID, concurrentMref, 'delivered');
    const report = await sandbox.report();
    expect(report.perMref).toEqual({ [sequentialMref]: 1, [concurrentMref]: 1 });
    expect(report.requests.register).toBe(2);
  });

  it('records a conversion without a click as unattributed and never sends it', async () => {
    const { api, sandbox } = ctx.stack;
    const noClick = uid('order');
    const unknownCookie = uid('order');
    expect(await api.createConversion({ goalId: GOAL_ID, mref: noClick, value: '3.00' })).toMatchObject({
      status: 'unattributed',
      attribution: 'none',
      clickSessionID: null,
    });
    expect(await api.createConversion({ goalId: GOAL_ID, mref: unknownCookie, clickCookie: 'no-such-cookie' })).toMatchObject({
      status: 'unattributed',
      attribution: 'none',
    });

    // The worker takes due deliveries in order: once a later attributed one is delivered, nothing earlier is waiting.
    const fence = uid('order');
    await api.createConversion({ goalId: GOAL_ID, mref: fence, clickSessionID: uid('cs') });
    await api.waitForStatus(GOAL_ID, fence, 'delivered');

    expect((await api.storedConversion(GOAL_ID, noClick)).status).toBe('unattributed');
    expect((await api.storedConversion(GOAL_ID, unknownCookie)).status).toBe('unattributed');
    expect((await api.health()).worker.pending).toBe(0);
    const report = await sandbox.report();
    expect(Object.keys(report.perMref)).toEqual([fence]);
    expect(report.traces).toEqual([]);
  });

  it('sends trace-only conversions to the trace report, never deduplicated against a live mref', async () => {
    const { api, sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const mref = uid('order');
    await api.createConversion({ goalId: GOAL_ID, mref, value: '9.00', clickSessionID });
    await api.waitForStatus(GOAL_ID, mref, 'delivered');

    const trace = await api.traceConversion({ goalId: GOAL_ID, mref, value: '1.00', clickSessionID });
    expect(trace.conversion).toMatchObject({ mref, test: true, duplicate: false, status: 'delivered', value: '1.00' });
    expect(trace.attempt).toMatchObject({ trigger: 'test', statusCode: 200, params: expect.objectContaining({ traceOnly: '1', mref, mid: AFLITE_MID }) });
    expect(trace.attempt.params.apikey).not.toBe(AFLITE_API_KEY);
    expect(JSON.stringify(trace)).not.toContain(AFLITE_API_KEY);

    const dropIn = await api.send(
      `/data/register/goal?${new URLSearchParams({ apikey: api.ingestKey, goalid: GOAL_ID, mref, value: '2.00', clickSessionID, traceOnly: '1' })}`,
    );
    expect(dropIn.status, dropIn.text).toBe(200);
    expect(dropIn.text).toContain('trace');

    const report = await sandbox.report();
    expect(report.traces.map((t) => [t.mref, t.value])).toEqual([
      [mref, '1.00'],
      [mref, '2.00'],
    ]);
    expect(report.perMref).toEqual({ [mref]: 1 });
    expect(report.goals).toHaveLength(1);
    const live = await api.storedConversion(GOAL_ID, mref);
    expect(live).toMatchObject({ test: false, value: '9.00', status: 'delivered' });
  });

  it('accepts the drop-in GET and POST with Aflite parameter names and sends the real key and merchant ID', async () => {
    const { api, sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const getMref = uid('order');
    const postMref = uid('order');
    // What a merchant already calling Aflite sends, with the ingest key where the Aflite key was.
    const params = { apikey: api.ingestKey, clickSessionID, goalid: GOAL_ID };

    const viaGet = await api.send(`/data/register/goal?${new URLSearchParams({ ...params, mid: AFLITE_MID, mref: getMref, value: '10.99' })}`);
    expect(viaGet.status, viaGet.text).toBe(200);
    expect(viaGet.text).toMatch(/^OK/);
    const form = { ...params, mref: postMref, value: '4.50' };
    const viaPost = await api.send('/data/register/goal', { form });
    expect(viaPost.status, viaPost.text).toBe(200);
    expect(viaPost.text).toMatch(/^OK/);
    const again = await api.send('/data/register/goal', { form });
    expect(again.status).toBe(200);
    expect(again.text).toContain('duplicate');

    for (const [mref, value] of [
      [getMref, '10.99'],
      [postMref, '4.50'],
    ]) {
      expect(await api.waitForStatus(GOAL_ID, mref, 'delivered')).toMatchObject({ source: 'dropin', attribution: 'explicit' });
      const requests = await sandbox.registerRequestsFor(mref);
      expect(requests).toHaveLength(1);
      expect(paramsOf(requests[0])).toEqual({ apikey: AFLITE_API_KEY, mid: AFLITE_MID, clickSessionID, goalid: GOAL_ID, mref, value });
    }
    expect((await sandbox.report()).perMref).toEqual({ [getMref]: 1, [postMref]: 1 });
  });

  // Last in this file, so the api is restarted only once for it.
  it('sends by GET, all parameters in the query string, when AFLITE_METHOD=GET', async () => {
    const api = await ctx.stack.useApi({ AFLITE_METHOD: 'GET' });
    const { sandbox } = ctx.stack;
    const clickSessionID = uid('cs');
    const mref = uid('order');
    await api.snippetClick(clickSessionID);
    await api.createConversion({ goalId: GOAL_ID, mref, value: '12.50', clickSessionID });
    await api.waitForStatus(GOAL_ID, mref, 'delivered');

    const requests = await sandbox.registerRequestsFor(mref);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', body: {} });
    expect(requests[0].query).toEqual({ apikey: AFLITE_API_KEY, mid: AFLITE_MID, clickSessionID, goalid: GOAL_ID, mref, value: '12.50' });
    expect((await sandbox.report()).goals).toEqual([expect.objectContaining({ mref, method: 'GET' })]);
  });
});
