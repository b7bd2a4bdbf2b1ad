import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goalParams, newSandbox, qs, registerGet, registerPost, type Sandbox } from '../../test/helpers';

describe('GET|POST /data/register/goal', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = newSandbox();
  });
  afterEach(() => sandbox.app.close());

  it('registers a new goal over GET and answers plain text', async () => {
    const res = await registerGet(sandbox, goalParams());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('OK goal registered mref=ORDER-1');
    const [goal] = sandbox.state.report().goals;
    expect(goal).toMatchObject({
      mref: 'ORDER-1',
      goalId: '5',
      value: '10.99',
      clickSessionId: 'click-1',
      merchantId: '42',
      method: 'GET',
    });
    expect(Date.parse(goal.receivedAt)).not.toBeNaN();
  });

  it('registers over a form-encoded POST', async () => {
    const res = await registerPost(sandbox, goalParams({ mref: 'ORDER 2&x' }));
    expect(res.body).toBe('OK goal registered mref=ORDER 2&x');
    expect(sandbox.state.report().goals[0]).toMatchObject({ mref: 'ORDER 2&x', method: 'POST' });
  });

  it('accepts query parameters on POST, the form body winning on conflict', async () => {
    const { apikey, mid, ...rest } = goalParams();
    const res = await registerPost(sandbox, { ...rest, value: '3.50' }, qs({ apikey, mid, value: '9' }));
    expect(res.body).toBe('OK goal registered mref=ORDER-1');
    expect(sandbox.state.report().goals[0].value).toBe('3.50');
  });

  it('rejects a wrong or missing apikey before anything else', async () => {
    for (const apikey of ['nope', undefined]) {
      const res = await registerGet(sandbox, goalParams({ apikey, mref: undefined }));
      expect(res.statusCode).toBe(403);
      expect(res.body).toBe('ERROR: invalid apikey');
    }
    expect(sandbox.state.report().goals).toEqual([]);
  });

  it('rejects a wrong mid', async () => {
    const res = await registerGet(sandbox, goalParams({ mid: '43' }));
    expect(res.statusCode).toBe(403);
    expect(res.body).toBe('ERROR: invalid mid');
  });

  it('answers help=1 with the parameter list and counts it as help', async () => {
    const res = await registerGet(sandbox, { apikey: 'test-key', mid: '42', help: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    for (const name of ['apikey', 'mid', 'clickSessionID', 'goalid', 'mref', 'value', 'traceOnly', 'help']) {
      expect(res.body).toContain(name);
    }
    expect(sandbox.state.report().requests).toEqual({ register: 0, goals: 0, help: 1 });
  });

  it.each(['clickSessionID', 'goalid', 'mref', 'value'])('names a missing %s', async (name) => {
    const res = await registerGet(sandbox, goalParams({ [name]: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe(`ERROR: missing parameter ${name}`);
  });

  it('treats an empty parameter as missing', async () => {
    const res = await registerGet(sandbox, goalParams({ goalid: '' }));
    expect(res.body).toBe('ERROR: missing parameter goalid');
  });

  it.each(['10.999', '-1', '1,50', '1e3', '.5', '10.', 'ten'])('rejects value %s', async (value) => {
    const res = await registerGet(sandbox, goalParams({ value }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe('ERROR: invalid value');
    expect(sandbox.state.report().goals).toEqual([]);
  });

  it.each(['0', '10', '10.5', '10.99'])('accepts value %s', async (value) => {
    const res = await registerGet(sandbox, goalParams({ value }));
    expect(res.statusCode).toBe(200);
  });

  it('keeps traceOnly goals apart from goals, duplicates and mref counts', async () => {
    await registerGet(sandbox, goalParams());
    const res = await registerGet(sandbox, goalParams({ traceOnly: '1' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('OK trace recorded (not registered) mref=ORDER-1');
    await registerGet(sandbox, goalParams({ traceOnly: '1' }));
    const report = sandbox.state.report();
    expect(report.goals).toHaveLength(1);
    expect(report.traces.map((t) => t.mref)).toEqual(['ORDER-1', 'ORDER-1']);
    expect(report.perMref).toEqual({ 'ORDER-1': 1 });
    expect(report.duplicates).toEqual([]);
  });

  it('answers a repeated mref with the duplicate error and counts every arrival', async () => {
    await registerGet(sandbox, goalParams());
    const second = await registerPost(sandbox, goalParams({ value: '1.00' }));
    const third = await registerGet(sandbox, goalParams());
    await registerGet(sandbox, goalParams({ mref: 'ORDER-2' }));
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe('ERROR: duplicate mref ORDER-1 - goal recorded in error');
    expect(third.body).toBe(second.body);
    const report = sandbox.state.report();
    expect(report.goals.map((g) => [g.mref, g.value])).toEqual([
      ['ORDER-1', '10.99'],
      ['ORDER-2', '10.99'],
    ]);
    expect(report.perMref).toEqual({ 'ORDER-1': 3, 'ORDER-2': 1 });
    expect(report.duplicates).toEqual(['ORDER-1']);
    expect(report.requests).toEqual({ register: 4, goals: 0, help: 0 });
  });

  it('does not answer HEAD, so a probe can never register a goal', async () => {
    const res = await sandbox.app.inject({ method: 'HEAD', url: `/data/register/goal?${qs(goalParams())}` });
    expect(res.statusCode).toBe(404);
    expect(sandbox.state.report().goals).toEqual([]);
  });

  it('answers a malformed request on /data/* in plain text', async () => {
    const res = await sandbox.app.inject({
      method: 'POST',
      url: '/data/register/goal',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(/^ERROR: /);
  });
});
