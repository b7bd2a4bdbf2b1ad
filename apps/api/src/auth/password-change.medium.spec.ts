import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bootApp, sessionCookie, setUpAdmin, TEST_PASSWORD, type AdminSession, type TestApp } from '../../test/support/test-app';

const EMAIL = 'owner@shop.example';
const NEW_PASSWORD = 'tangerine lighthouse ribbon';

describe('changing the admin password', () => {
  let t: TestApp;
  let admin: AdminSession;
  let otherBrowser: AdminSession;

  const signIn = (password: string) => t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: EMAIL, password } });
  const change = (session: AdminSession, body: object, options: { noCsrf?: boolean } = {}) =>
    asAdmin(t.app, session, '/api/admin/password', { method: 'POST', body, ...options });

  beforeAll(async () => {
    t = await bootApp();
    admin = await setUpAdmin(t.app, EMAIL);
    const other = await signIn(TEST_PASSWORD);
    otherBrowser = { cookie: sessionCookie(other.headers['set-cookie']), csrfToken: other.json().csrfToken, email: EMAIL };
  });
  afterAll(() => t.close());

  it('needs a session and its CSRF token', async () => {
    const signedOut = await t.app.inject({
      method: 'POST',
      url: '/api/admin/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(signedOut.statusCode).toBe(401);
    expect((await change(admin, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { noCsrf: true })).statusCode).toBe(403);
  });

  it('names the field at fault: a weak or short new password, a wrong current one', async () => {
    const weak = await change(admin, { currentPassword: TEST_PASSWORD, newPassword: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([
      { field: 'newPassword', message: expect.stringMatching(/^newPassword: too easy to guess\. This is a commonly used password/) },
    ]);
    const short = await change(admin, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([{ field: 'newPassword', message: 'newPassword must be at least 10 characters' }]);
    const wrong = await change(admin, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ field: 'currentPassword', message: 'currentPassword: this is not your current password' }]);
    // Nothing changed.
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('sets the new password, keeps this session, ends the others, and writes it to the audit log', async () => {
    const res = await change(admin, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect((await asAdmin(t.app, admin, '/api/admin/goals')).statusCode).toBe(200);
    expect((await asAdmin(t.app, otherBrowser, '/api/admin/goals')).statusCode).toBe(401);
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).statusCode).toBe(200);

    const audit = (await asAdmin(t.app, admin, '/api/admin/audit')).json().items as { action: string; actor: string; details: Record<string, unknown> }[];
    const entry = audit.find((e) => e.action === 'admin.password-change');
    // The other browser, and the sign-in of the previous test.
    expect(entry).toMatchObject({ actor: EMAIL, details: { sessionsEnded: 2 } });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('counts wrong current passwords like failed sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await change(admin, { currentPassword: `guess number ${i}`, newPassword: 'another fine passphrase' })).statusCode);
    // The last sign-in (the new password) cleared the count: five guesses, then the limit.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
