import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../database/db.service';
import { AdminSessionEntity } from './admin-session.entity';
import { asAdmin, bootApp, sessionCookie, TEST_PASSWORD, type AdminSession, type TestApp } from '../../test/support/test-app';

/** Routes that answer without a session. */
const PUBLIC = new Set(['GET /api/admin/session', 'POST /api/admin/session', 'POST /api/admin/setup']);

describe('admin access', () => {
  let t: TestApp;
  let admin: AdminSession;
  const inject = (...args: Parameters<TestApp['app']['inject']>) => t.app.inject(...args);

  beforeAll(async () => {
    t = await bootApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('reports that setup is needed on first run, and refuses sign-in until then', async () => {
    const state = await inject({ method: 'GET', url: '/api/admin/session' });
    expect(state.json()).toEqual({ setupRequired: true, user: null, csrfToken: null });
    const signIn = await inject({ method: 'POST', url: '/api/admin/session', payload: { email: 'owner@shop.example', password: TEST_PASSWORD } });
    expect(signIn.statusCode).toBe(409);
    expect(signIn.json().error).toBe('setup_required');
  });

  it('names the field when setup input is bad', async () => {
    const short = await inject({ method: 'POST', url: '/api/admin/setup', payload: { email: 'owner@shop.example', password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([{ field: 'password', message: 'password must be at least 10 characters' }]);
    const email = await inject({ method: 'POST', url: '/api/admin/setup', payload: { email: 'not-an-email', password: TEST_PASSWORD } });
    expect(email.statusCode).toBe(400);
    expect(email.json().message).toMatch(/^email: /);
  });

  it('refuses the commonest and easily guessed passwords at setup, saying why', async () => {
    const refused: Record<string, RegExp> = {
      password123: /This is a commonly used password/,
      qwertyuiop: /This is a frequently used password/,
      Password1234: /This is similar to a commonly used password/,
      '1234567890': /This is a frequently used password/,
      'owner@shop.example': /personal or page related data/,
    };
    for (const [password, why] of Object.entries(refused)) {
      const res = await inject({ method: 'POST', url: '/api/admin/setup', payload: { email: 'owner@shop.example', password } });
      expect(res.statusCode, password).toBe(400);
      const body = res.json();
      expect(body.error).toBe('weak_password');
      expect(body.fields).toEqual([{ field: 'password', message: expect.stringMatching(/^password: too easy to guess\. /) }]);
      expect(body.fields[0].message).toMatch(why);
    }
    // Nothing was created by the refusals.
    expect((await inject({ method: 'GET', url: '/api/admin/session' })).json().setupRequired).toBe(true);
  });

  it('creates the admin once, signs it in with a hardened cookie, and refuses a second setup', async () => {
    const res = await inject({ method: 'POST', url: '/api/admin/setup', payload: { email: ' Owner@Shop.example ', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user.email).toBe('owner@shop.example');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('gp_session=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    admin = { cookie: sessionCookie(res.headers['set-cookie']), csrfToken: body.csrfToken, email: 'owner@shop.example' };

    const again = await inject({ method: 'POST', url: '/api/admin/setup', payload: { email: 'intruder@evil.example', password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('setup_complete');
  });

  it('stores an scrypt hash of the password and only a hash of the session token', async () => {
    const db = t.app.get(Db);
    const [user] = await db.dataSource.query('SELECT "password_hash" FROM "admin_users"');
    expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(user.password_hash).not.toContain(TEST_PASSWORD);
    const token = admin.cookie.split('=')[1];
    const sessions: { token_hash: string }[] = await db.dataSource.query('SELECT "token_hash" FROM "admin_sessions"');
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
    expect(sessions[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.50' },
      payload: { email: admin.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect([res.headers['set-cookie']].flat().find((c) => c?.startsWith('gp_session='))).toMatch(/; Secure/);
  });

  it('answers 401 on every other admin route without a session', async () => {
    const doc = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })))
      .filter((r) => !PUBLIC.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const res = await inject({ method: route.method as 'GET', url: route.path.replace(/\{\w+\}/g, '1'), payload: route.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('returns the signed-in user and CSRF token for the session cookie', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/session');
    expect(res.json()).toEqual({ setupRequired: false, user: { id: 1, email: 'owner@shop.example' }, csrfToken: admin.csrfToken });
  });

  it('refuses a state-changing request without the right x-csrf-token', async () => {
    const body = { name: 'Checkout server' };
    const missing = await asAdmin(t.app, admin, '/api/admin/ingest-keys', { method: 'POST', body, noCsrf: true });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toBe('csrf_token_invalid');
    const wrong = await asAdmin(t.app, admin, '/api/admin/ingest-keys', { method: 'POST', body, noCsrf: true, headers: { 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    const right = await asAdmin(t.app, admin, '/api/admin/ingest-keys', { method: 'POST', body });
    expect(right.statusCode).toBe(201);
  });

  it('never lets an ingest key open the admin API', async () => {
    const created = await asAdmin(t.app, admin, '/api/admin/ingest-keys', { method: 'POST', body: { name: 'Server' } });
    const key: string = created.json().key;
    // The key itself works where it belongs…
    const api = await inject({ method: 'POST', url: '/api/v1/clicks', headers: { authorization: `Bearer ${key}` }, payload: { clickSessionID: 'abc123' } });
    expect(api.statusCode).toBe(201);
    // …and opens nothing under /api/admin, in either header, read or write.
    for (const headers of [{ authorization: `Bearer ${key}` }, { 'x-goalpost-key': key }]) {
      expect((await inject({ method: 'GET', url: '/api/admin/goals', headers })).statusCode).toBe(401);
      expect(
        (await inject({ method: 'POST', url: '/api/admin/ingest-keys', headers: { ...headers, 'x-csrf-token': admin.csrfToken }, payload: { name: 'x' } }))
          .statusCode,
      ).toBe(401);
    }
  });

  it('limits failed sign-ins per address, with a message and Retry-After', async () => {
    const attempt = (password: string, ip: string) =>
      inject({ method: 'POST', url: '/api/admin/session', headers: { 'x-forwarded-for': ip }, payload: { email: admin.email, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password!', '198.51.100.7')).statusCode).toBe(401);
    const limited = await attempt(TEST_PASSWORD, '198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/Too many failed sign-ins from your address. Try again in 15 minutes/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    // Another address is not locked out by someone else's guessing.
    expect((await attempt(TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });

  it('writes setup and sign-in to the audit log without secrets', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/audit');
    const entries = res.json().items as { action: string; details: object }[];
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['admin.setup', 'session.sign-in', 'ingest-key.create']));
    expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD);
  });

  it('signs out: the cookie is cleared and the session stops working', async () => {
    const session = await inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { 'x-forwarded-for': '192.0.2.1' },
      payload: { email: admin.email, password: TEST_PASSWORD },
    });
    const other: AdminSession = { cookie: sessionCookie(session.headers['set-cookie']), csrfToken: session.json().csrfToken, email: admin.email };
    const out = await asAdmin(t.app, other, '/api/admin/session', { method: 'DELETE' });
    expect(out.statusCode).toBe(204);
    expect([out.headers['set-cookie']].flat().join()).toMatch(/gp_session=;/);
    expect((await asAdmin(t.app, other, '/api/admin/goals')).statusCode).toBe(401);
    expect((await asAdmin(t.app, admin, '/api/admin/goals')).statusCode).toBe(200);
  });

  it('slides the expiry forward while the session is used, and refuses an expired one', async () => {
    const db = t.app.get(Db);
    const tokenHash = createHash('sha256').update(admin.cookie.split('=')[1]).digest('hex');
    const hourAgo = Date.now() - 3_600_000;
    await db.write((m) => m.update(AdminSessionEntity, { tokenHash }, { lastSeenAt: hourAgo, expiresAt: Date.now() + 60_000 }));
    const used = await asAdmin(t.app, admin, '/api/admin/goals');
    expect(used.statusCode).toBe(200);
    expect([used.headers['set-cookie']].flat().join()).toMatch(/gp_session=.*Max-Age=1209600/);
    const row = await db.manager.findOneByOrFail(AdminSessionEntity, { tokenHash });
    expect(row.expiresAt).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    await db.write((m) => m.update(AdminSessionEntity, { tokenHash }, { expiresAt: Date.now() - 1 }));
    expect((await asAdmin(t.app, admin, '/api/admin/goals')).statusCode).toBe(401);
    await db.write((m) => m.update(AdminSessionEntity, { tokenHash }, { expiresAt: Date.now() + 86_400_000 }));
  });

  it('keeps sessions across a restart (they live in the database)', async () => {
    await t.close(true);
    t = await bootApp({ TRUST_PROXY: 'true' }, {}, t.store);
    expect((await asAdmin(t.app, admin, '/api/admin/goals')).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/admin/session' })).json().setupRequired).toBe(false);
  });
});
