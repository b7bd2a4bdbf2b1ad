import { Agent, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIALS, goalParams, qs } from '../test/helpers';
import { type RunningSandbox, startSandbox } from './server';

describe('startSandbox over real HTTP', () => {
  let sandbox: RunningSandbox;
  let agent: Agent;
  let closed = false;

  beforeEach(async () => {
    sandbox = await startSandbox({ ...CREDENTIALS, port: 0 });
    agent = new Agent();
    closed = false;
  });
  afterEach(async () => {
    if (!closed) await sandbox.close();
    await agent.destroy();
  });

  const register = (params: Record<string, string>, headersTimeout?: number) =>
    request(`${sandbox.url}/data/register/goal`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: qs(params),
      dispatcher: agent,
      headersTimeout,
    });
  const setFault = (fault: object) =>
    request(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
      dispatcher: agent,
    }).then((res) => res.body.json());
  const errorCode = (promise: Promise<unknown>) =>
    promise.then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('listens on a random port and registers a form POST', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.url.endsWith(':0')).toBe(false);
    const res = await register(goalParams());
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('OK goal registered mref=ORDER-1');
    expect(sandbox.state.report().goals).toHaveLength(1);
  });

  it('hang before-record: never answers and records nothing', async () => {
    await setFault({ hang: 'before-record' });
    expect(await errorCode(register(goalParams(), 200))).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(sandbox.state.report().goals).toEqual([]);
    expect(sandbox.state.report().requests.register).toBe(1);
  });

  it('hang after-record: records the goal, then never answers', async () => {
    await setFault({ hang: 'after-record' });
    expect(await errorCode(register(goalParams(), 200))).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(sandbox.state.report().goals.map((g) => g.mref)).toEqual(['ORDER-1']);
    // The retry a client makes after the timeout is what Aflite would error as a duplicate.
    await request(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE', dispatcher: agent }).then((res) => res.body.dump());
    expect(await (await register(goalParams())).body.text()).toBe('ERROR: duplicate mref ORDER-1 - goal recorded in error');
  });

  it('reset: drops the connection without answering or recording', async () => {
    await setFault({ reset: true, count: 1 });
    expect(await errorCode(register(goalParams()))).toBe('UND_ERR_SOCKET');
    expect(sandbox.state.report().goals).toEqual([]);
    expect((await register(goalParams())).statusCode).toBe(200);
  });

  it('faults the goals feed when asked', async () => {
    await setFault({ hang: 'before-record', paths: ['goals'] });
    const feed = request(`${sandbox.url}/data/goals?${qs({ apikey: CREDENTIALS.apiKey, mref: 'X' })}`, {
      dispatcher: agent,
      headersTimeout: 200,
    });
    expect(await errorCode(feed)).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('closes promptly while requests hang, ending their connections', async () => {
    await setFault({ hang: 'before-record' });
    const pending = errorCode(register(goalParams()));
    await waitFor(() => sandbox.state.faults.heldCount === 1);
    expect(sandbox.state.faults.heldCount).toBe(1);
    const started = Date.now();
    await sandbox.close();
    closed = true;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await pending).toBe('UND_ERR_SOCKET');
  });

  it('closes promptly while a request waits on injected latency', async () => {
    await setFault({ latencyMs: 60_000 });
    const pending = errorCode(register(goalParams()));
    await waitFor(() => sandbox.state.report().requests.register === 1);
    const started = Date.now();
    await sandbox.close();
    closed = true;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await pending).toBe('UND_ERR_SOCKET');
  });

  it('POST /_sandbox/reset ends hung requests', async () => {
    await setFault({ hang: 'after-record' });
    const pending = errorCode(register(goalParams()));
    await waitFor(() => sandbox.state.faults.heldCount === 1);
    const res = await request(`${sandbox.url}/_sandbox/reset`, { method: 'POST', dispatcher: agent });
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    expect(await pending).toBe('UND_ERR_SOCKET');
    expect(sandbox.state.faults.heldCount).toBe(0);
    expect(sandbox.state.report().goals).toEqual([]);
  });
});
