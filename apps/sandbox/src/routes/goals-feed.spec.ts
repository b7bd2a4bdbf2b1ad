import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goalParams, newSandbox, qs, registerGet, type Sandbox } from '../../test/helpers';

describe('GET|POST /data/goals', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = newSandbox();
  });
  afterEach(() => sandbox.app.close());

  const feed = (params: Record<string, string>) => sandbox.app.inject({ method: 'GET', url: `/data/goals?${qs(params)}` });

  it('returns the recorded goal with a 10% commission', async () => {
    await registerGet(sandbox, goalParams({ clickSessionID: 'abc' }));
    const res = await feed({ apikey: 'test-key', mref: 'ORDER-1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const date = sandbox.state.report().goals[0].receivedAt;
    expect(res.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<goals mref="ORDER-1"><goal><goalid>5</goalid><mref>ORDER-1</mref><value>10.99</value>' +
        '<commission>1.10</commission><clickSessionID>abc</clickSessionID><status>pending</status>' +
        `<date>${date}</date></goal></goals>`,
    );
    expect(sandbox.state.report().requests.goals).toBe(1);
  });

  it('answers an empty feed for an unknown mref, and for a trace-only one', async () => {
    await registerGet(sandbox, goalParams({ mref: 'T-1', traceOnly: '1' }));
    for (const mref of ['NOPE', 'T-1']) {
      const res = await feed({ apikey: 'test-key', mref });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<goals mref="${mref}"/>`);
    }
  });

  it('escapes XML special characters in values and the mref attribute', async () => {
    const mref = `A&B<"'>`;
    await registerGet(sandbox, goalParams({ mref, clickSessionID: '<script>&' }));
    const res = await feed({ apikey: 'test-key', mref });
    expect(res.body).toContain('<goals mref="A&amp;B&lt;&quot;&apos;&gt;">');
    expect(res.body).toContain('<mref>A&amp;B&lt;&quot;&apos;&gt;</mref>');
    expect(res.body).toContain('<clickSessionID>&lt;script&gt;&amp;</clickSessionID>');
  });

  it('writes values with two decimals and rounds commission half up', async () => {
    await registerGet(sandbox, goalParams({ mref: 'R', value: '0.05' }));
    await registerGet(sandbox, goalParams({ mref: 'W', value: '12' }));
    expect((await feed({ apikey: 'test-key', mref: 'R' })).body).toContain('<value>0.05</value><commission>0.01</commission>');
    expect((await feed({ apikey: 'test-key', mref: 'W' })).body).toContain('<value>12.00</value><commission>1.20</commission>');
  });

  it('accepts a form-encoded POST', async () => {
    await registerGet(sandbox, goalParams());
    const res = await sandbox.app.inject({
      method: 'POST',
      url: '/data/goals',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: qs({ apikey: 'test-key', mref: 'ORDER-1' }),
    });
    expect(res.body).toContain('<mref>ORDER-1</mref>');
  });

  it('rejects a wrong apikey', async () => {
    const res = await feed({ apikey: 'nope', mref: 'ORDER-1' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toBe('ERROR: invalid apikey');
  });

  it('requires mref', async () => {
    const res = await feed({ apikey: 'test-key' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('ERROR: missing parameter mref');
  });
});
