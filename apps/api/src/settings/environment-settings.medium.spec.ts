import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bootApp, sessionCookie, setUpAdmin, TEST_PASSWORD, type AdminSession, type TestApp, type TestStore } from '../../test/support/test-app';

const ENV_KEY = 'env-key-ABCD-1111';
const ENV = {
  AFLITE_BASE_URL: 'http://aflite.example/',
  AFLITE_API_KEY: ENV_KEY,
  AFLITE_MID: '77',
  DELIVERY_RETRY_BASE_MS: '5000',
  ALLOWED_ORIGINS: 'https://Shop.example/',
};

interface AuditItem {
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

describe('settings from the environment', () => {
  let t: TestApp;
  let store: TestStore;
  let admin: AdminSession;

  const patch = (body: unknown) => asAdmin(t.app, admin, '/api/admin/settings', { method: 'PATCH', body });
  const read = async () => (await asAdmin(t.app, admin, '/api/admin/settings')).json();
  const environmentEntries = async (): Promise<AuditItem[]> =>
    (await asAdmin(t.app, admin, '/api/admin/audit')).json<{ items: AuditItem[] }>().items.filter((e) => e.action === 'settings.environment');

  /** Boots again on the same data and signs in (sessions outlive a restart, but a fresh one keeps the test independent of that). */
  async function reboot(env: Record<string, string>, skipEnvironmentSettings = false): Promise<void> {
    await t.close(true);
    t = await bootApp(env, { skipEnvironmentSettings }, store);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: admin.email, password: TEST_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    admin = { ...admin, cookie: sessionCookie(res.headers['set-cookie']), csrfToken: res.json<{ csrfToken: string }>().csrfToken };
  }

  beforeAll(async () => {
    t = await bootApp(ENV);
    store = t.store;
    admin = await setUpAdmin(t.app);
  });
  afterAll(() => t.close());

  it('applies the environment, names each managed field with its variable, and audits the change with the key masked', async () => {
    const settings = await read();
    expect(settings).toMatchObject({
      afliteBaseUrl: 'http://aflite.example',
      afliteApiKeySet: true,
      afliteApiKeyLast4: '1111',
      afliteMid: '77',
      retryBaseSeconds: 5,
      allowedOrigins: ['https://shop.example'],
      deliveryBlockedBy: [],
      environmentManaged: {
        afliteBaseUrl: 'AFLITE_BASE_URL',
        afliteApiKey: 'AFLITE_API_KEY',
        afliteMid: 'AFLITE_MID',
        retryBaseSeconds: 'DELIVERY_RETRY_BASE_MS',
        allowedOrigins: 'ALLOWED_ORIGINS',
      },
    });
    expect(Object.keys(settings.environmentManaged)).toHaveLength(5);

    const entries = await environmentEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'environment',
      details: {
        afliteBaseUrl: { from: 'http://aflite.co.uk', to: 'http://aflite.example' },
        afliteApiKey: { from: null, to: '••••1111' },
        afliteMid: { from: null, to: '77' },
        retryBaseSeconds: { from: 30, to: 5 },
        allowedOrigins: { from: [], to: ['https://shop.example'] },
      },
    });
    expect(JSON.stringify(entries)).not.toContain(ENV_KEY);
  });

  it('refuses a change to a managed field, naming the field and its variable; the same value and other fields pass', async () => {
    for (const [body, field, variable] of [
      [{ afliteBaseUrl: 'http://elsewhere.example' }, 'afliteBaseUrl', 'AFLITE_BASE_URL'],
      [{ afliteApiKey: '' }, 'afliteApiKey', 'AFLITE_API_KEY'],
      [{ afliteApiKey: 'another-key-2222' }, 'afliteApiKey', 'AFLITE_API_KEY'],
      [{ afliteMid: null }, 'afliteMid', 'AFLITE_MID'],
      [{ retryBaseSeconds: 6 }, 'retryBaseSeconds', 'DELIVERY_RETRY_BASE_MS'],
    ] as const) {
      const res = await patch(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields).toEqual([{ field, message: expect.stringContaining(variable) as unknown }]);
    }
    expect((await read()).afliteBaseUrl).toBe('http://aflite.example');

    const res = await patch({ afliteBaseUrl: 'http://aflite.example/', afliteMid: '77', allowedOrigins: ['https://shop.example'], maxAttempts: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().maxAttempts).toBe(3);
  });

  it('a restart with the same environment changes and audits nothing', async () => {
    await reboot(ENV);
    expect(await environmentEntries()).toHaveLength(1);
    expect((await read()).maxAttempts).toBe(3);
  });

  it('a restart with a new value audits just that change, before → after', async () => {
    await reboot({ ...ENV, AFLITE_MID: '78' });
    const entries = await environmentEntries();
    expect(entries).toHaveLength(2);
    expect(entries[0].details).toEqual({ afliteMid: { from: '77', to: '78' } });
  });

  it('an empty variable counts as not set: the stored value stays and becomes editable', async () => {
    await reboot({ ...ENV, AFLITE_MID: '' });
    const settings = await read();
    expect(settings.afliteMid).toBe('78');
    expect(settings.environmentManaged.afliteMid).toBeUndefined();
    expect((await patch({ afliteMid: '79' })).statusCode).toBe(200);
  });

  it('an app that was only created (never listened) leaves the stored settings alone', async () => {
    await reboot({ ...ENV, AFLITE_MID: '99', AFLITE_BASE_URL: 'http://127.0.0.1:9' }, true);
    expect(await read()).toMatchObject({ afliteMid: '79', afliteBaseUrl: 'http://aflite.example' });
    expect(await environmentEntries()).toHaveLength(2);
  });
});
