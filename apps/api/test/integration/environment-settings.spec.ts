import { expect, it } from 'vitest';
import { AdminSession } from './harness/admin-session';
import { describeEachDialect } from './harness/dialects';
import { freePort } from './harness/free-port';
import { REDIRECT_HOST } from './harness/stack';

interface AuditItem {
  id: number;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

/** What a mistaken second start would point Goalpost at: nothing listens on port 9 of this machine. */
const DEAD_AFLITE = { AFLITE_BASE_URL: 'http://127.0.0.1:9', AFLITE_MID: '9999', REDIRECT_HOSTS: 'dead.example' };

describeEachDialect('settings from the environment', (ctx) => {
  let admin: AdminSession | undefined;
  const signedIn = async () => (admin ??= await AdminSession.setUp(ctx.stack.api.http));
  const storedSettings = async () => JSON.parse(await ctx.stack.cli('settings', '--json')) as Record<string, unknown>;
  const auditEntries = async () => (await (await signedIn()).get('/api/admin/audit')).json<{ items: AuditItem[] }>().items;

  it('a second instance that cannot listen (port in use) exits non-zero and leaves the stored settings and the audit log alone', async () => {
    const { stack } = ctx;
    const before = await storedSettings();
    expect(before).toMatchObject({ afliteBaseUrl: stack.sandbox.url, redirectHosts: [REDIRECT_HOST] });
    const auditBefore = await auditEntries();
    const mark = stack.log.mark();

    const exit = await stack.runInstanceToExit('api-port-in-use', DEAD_AFLITE, stack.apiPort);

    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    expect(stack.log.since(mark)).toMatch(/cannot listen on 127\.0\.0\.1:\d+.*EADDRINUSE/);
    // Read from the database by a fresh process: no cache of the running api can hide a change.
    expect(await storedSettings()).toEqual(before);
    expect(await auditEntries()).toEqual(auditBefore);
    // The running instance still delivers to the real Aflite.
    const settings = (await (await signedIn()).get('/api/admin/settings')).json<{ afliteBaseUrl: string; afliteMid: string }>();
    expect(settings.afliteBaseUrl).toBe(stack.sandbox.url);
    console.log(`[port in use] the second instance exited with code ${exit.code}; ${auditBefore.length} audit entries before and after`);
  });

  it('an instance that does listen applies its environment and audits it as "environment", before → after', async () => {
    const { stack } = ctx;
    const auditBefore = await auditEntries();
    const instance = await stack.startInstance('api-second', { REDIRECT_HOSTS: 'other.example', GOALPOST_WORKER: 'false' }, await freePort());
    try {
      expect(await storedSettings()).toMatchObject({ redirectHosts: ['other.example'] });
      const added = (await auditEntries()).filter((e) => !auditBefore.some((b) => b.id === e.id));
      expect(added).toEqual([
        expect.objectContaining({
          actor: 'environment',
          action: 'settings.environment',
          details: { redirectHosts: { from: [REDIRECT_HOST], to: ['other.example'] } },
        }),
      ]);
    } finally {
      await instance.stop();
      // The stack's own api puts its environment back when it starts again.
      await stack.stopApi();
      await stack.startApi();
    }
    expect(await storedSettings()).toMatchObject({ redirectHosts: [REDIRECT_HOST] });
  });
});
