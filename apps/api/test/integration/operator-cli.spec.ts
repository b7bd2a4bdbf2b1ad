import { describe, expect, it } from 'vitest';
import { describeEachDialect } from './harness/dialects';
import { readSetCookie, type HttpResponse } from './harness/http';
import type { Stack } from './harness/stack';

const EMAIL = 'owner@shop.example';
const FIRST_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'pelican marmalade orbit';

interface Browser {
  cookie: string;
  csrfToken: string;
}

function browserOf(res: HttpResponse): Browser {
  const session = readSetCookie(res, 'gp_session');
  if (!session) throw new Error(`no session cookie: ${res.status} ${res.text}`);
  return { cookie: `gp_session=${session.value}`, csrfToken: res.json<{ csrfToken: string }>().csrfToken };
}

const signIn = (stack: Stack, password: string) => stack.api.http.send('/api/admin/session', { json: { email: EMAIL, password } });
const goals = (stack: Stack, browser: Browser) => stack.api.http.get('/api/admin/goals', { cookie: browser.cookie });

describeEachDialect('the operator command line', (ctx) => {
  describe('admin password reset', () => {
    let browsers: Browser[] = [];

    it('sets up the admin and signs in from two browsers', async () => {
      const { stack } = ctx;
      const setup = await stack.api.http.send('/api/admin/setup', { json: { email: EMAIL, password: FIRST_PASSWORD } });
      expect(setup.status, setup.text).toBe(201);
      const second = await signIn(stack, FIRST_PASSWORD);
      expect(second.status).toBe(200);
      browsers = [browserOf(setup), browserOf(second)];
      for (const browser of browsers) expect((await goals(stack, browser)).status).toBe(200);
    });

    it('refuses a common password and changes nothing', async () => {
      const { stack } = ctx;
      const run = await stack.runCli(['admin', 'reset-password', '--password-stdin'], { input: 'password123\n' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/password: too easy to guess\. This is a commonly used password/);
      expect((await signIn(stack, FIRST_PASSWORD)).status).toBe(200);
      for (const browser of browsers) expect((await goals(stack, browser)).status).toBe(200);
    });

    it('says how to give a password when there is no terminal to ask on', async () => {
      const run = await ctx.stack.runCli(['admin', 'reset-password']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/No new password given: .*--password-stdin.*GOALPOST_NEW_PASSWORD/);
    });

    it('names an email that has no account', async () => {
      const run = await ctx.stack.runCli(['admin', 'reset-password', '--email', 'nobody@shop.example', '--password-stdin'], { input: NEW_PASSWORD });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/email: no admin account has the address nobody@shop\.example/);
    });

    it('resets the password read from stdin: old sessions and the old password stop working, the audit log has it', async () => {
      const { stack } = ctx;
      // Someone has been guessing: the account is at its per-address limit.
      for (let i = 0; i < 5; i++) expect((await signIn(stack, `wrong guess ${i}`)).status).toBe(401);
      expect((await signIn(stack, FIRST_PASSWORD)).status).toBe(429);

      const run = await stack.runCli(['admin', 'reset-password', '--password-stdin'], { input: `${NEW_PASSWORD}\n` });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // Two browsers plus the sign-in of the test that refused a common password.
      expect(run.stdout).toMatch(/^New password set for owner@shop\.example; 3 sessions signed out\./);

      for (const browser of browsers) expect((await goals(stack, browser)).status).toBe(401);
      expect((await signIn(stack, FIRST_PASSWORD)).status).toBe(401);
      const fresh = await signIn(stack, NEW_PASSWORD);
      expect(fresh.status).toBe(200);

      const audit = await stack.api.http.get('/api/admin/audit', { cookie: browserOf(fresh).cookie });
      const entries = audit.json<{ items: { action: string; actor: string; details: Record<string, unknown> }[] }>().items;
      expect(entries.find((e) => e.action === 'admin.password-reset')).toMatchObject({ actor: 'command line', details: { email: EMAIL, sessionsEnded: 3 } });
      expect(audit.text).not.toContain(NEW_PASSWORD);
    });

    it('takes the password from GOALPOST_NEW_PASSWORD for scripts', async () => {
      const { stack } = ctx;
      const run = await stack.runCli(['admin', 'reset-password', '--email', EMAIL.toUpperCase()], { env: { GOALPOST_NEW_PASSWORD: FIRST_PASSWORD } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/1 session signed out/);
      expect((await signIn(stack, NEW_PASSWORD)).status).toBe(401);
      expect((await signIn(stack, FIRST_PASSWORD)).status).toBe(200);
    });
  });

  describe('goals', () => {
    it('adds a browser goal with its own maximum value and lists the cap in force', async () => {
      const { stack } = ctx;
      const added = await stack.runCli(['goal', 'add', '71', 'Newsletter', '--default-value', '1.00', '--allow-browser', '--max-browser-value', '5.00']);
      expect(added.code, added.stderr).toBe(0);
      const defaulted = await stack.runCli(['goal', 'add', '72', 'Quote', '--default-value', '3.00', '--allow-browser']);
      expect(defaulted.code, defaulted.stderr).toBe(0);

      const list = await stack.runCli(['goal', 'list']);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toContain('71\tNewsletter\tenabled\tbrowser up to 5.00');
      // Without a maximum of its own, a browser goal is capped at ten times its default value.
      expect(list.stdout).toContain('72\tQuote\tenabled\tbrowser up to 30.00');
    });

    it('refuses a maximum below the default value, naming it, and adds nothing', async () => {
      const { stack } = ctx;
      const refused = await stack.runCli(['goal', 'add', '73', 'Cheap', '--default-value', '2.00', '--allow-browser', '--max-browser-value', '1.00']);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/maxBrowserValue: must be at least the default value/);
      expect((await stack.runCli(['goal', 'list'])).stdout).not.toContain('Cheap');
    });
  });
});
