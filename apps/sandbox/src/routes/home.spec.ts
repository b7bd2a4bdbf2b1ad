import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goalParams, newSandbox, registerGet, type Sandbox } from '../../test/helpers';

describe('GET /', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = newSandbox();
  });
  afterEach(() => sandbox.app.close());

  it('shows goals, traces, duplicates and the fault as a self-refreshing page', async () => {
    await registerGet(sandbox, goalParams({ mref: '<b>O-1</b>' }));
    await registerGet(sandbox, goalParams({ mref: '<b>O-1</b>' }));
    await registerGet(sandbox, goalParams({ mref: 'TRACE-9', traceOnly: '1' }));
    await sandbox.app.inject({ method: 'PUT', url: '/_sandbox/faults', payload: { status: 503, count: 3 } });

    const res = await sandbox.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<meta http-equiv="refresh" content="2">');
    expect(res.body).toContain('&lt;b&gt;O-1&lt;/b&gt;');
    expect(res.body).not.toContain('<b>O-1</b>');
    expect(res.body).toContain('×2 (duplicate)');
    expect(res.body).toContain('TRACE-9');
    expect(res.body).toContain('&quot;status&quot;: 503');
    expect(res.body).not.toMatch(/<(script|link)\b|src=|href=/);
  });

  it('says when nothing has happened yet', async () => {
    const res = await sandbox.app.inject({ method: 'GET', url: '/' });
    expect(res.body).toContain('No goals registered yet.');
    expect(res.body).toContain('No trace-only goals yet.');
    expect(res.body).toContain('No fault injected.');
  });
});
