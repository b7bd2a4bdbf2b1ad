import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../database/db.service';
import { SettingsService } from './settings.service';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../test/support/test-app';

const KEY = 'live-key-ABCD-9876';

describe('settings', () => {
  let t: TestApp;
  let admin: AdminSession;
  const patch = (body: unknown) => asAdmin(t.app, admin, '/api/admin/settings', { method: 'PATCH', body });

  beforeAll(async () => {
    t = await bootApp({ PUBLIC_URL: 'https://track.shop.example/' });
    admin = await setUpAdmin(t.app);
  });
  afterAll(() => t.close());

  it('starts from the defaults, in seconds, with the public URL', async () => {
    const res = await asAdmin(t.app, admin, '/api/admin/settings');
    expect(res.json()).toEqual({
      afliteApiKeySet: false,
      afliteApiKeyLast4: null,
      afliteMid: null,
      afliteBaseUrl: 'http://aflite.co.uk',
      afliteMethod: 'POST',
      maxAttempts: 8,
      retryBaseSeconds: 30,
      retryMaxSeconds: 3600,
      attributionWindowDays: 30,
      cookieDomain: null,
      allowedOrigins: [],
      redirectHosts: [],
      publicUrl: 'https://track.shop.example',
      environmentManaged: {},
      deliveryBlockedBy: ['afliteApiKey', 'afliteMid'],
    });
  });

  it('saves a change, stores retry times in ms, and never returns or logs the API key', async () => {
    const res = await patch({
      afliteApiKey: KEY,
      afliteMid: '1001',
      afliteBaseUrl: 'https://aflite.co.uk/',
      afliteMethod: 'GET',
      retryBaseSeconds: 10,
      retryMaxSeconds: 600,
      allowedOrigins: ['https://Shop.example/', 'https://*.shop.example', 'http://localhost:5173'],
      redirectHosts: ['shop.example', '*.shop.example'],
      cookieDomain: '.shop.example',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      afliteApiKeySet: true,
      afliteApiKeyLast4: '9876',
      afliteMid: '1001',
      afliteBaseUrl: 'https://aflite.co.uk',
      afliteMethod: 'GET',
      retryBaseSeconds: 10,
      retryMaxSeconds: 600,
      allowedOrigins: ['https://shop.example', 'https://*.shop.example', 'http://localhost:5173'],
      cookieDomain: '.shop.example',
    });
    expect(res.body).not.toContain(KEY);
    const stored = await t.app.get(SettingsService).get();
    expect(stored).toMatchObject({ afliteApiKey: KEY, retryBaseMs: 10_000, retryMaxMs: 600_000 });
    // Encrypted at rest.
    const rows: { value: string }[] = await t.app.get(Db).dataSource.query(`SELECT "value" FROM "settings" WHERE "key" = 'afliteApiKey'`);
    expect(rows[0].value).not.toContain(KEY);

    const audit = (await asAdmin(t.app, admin, '/api/admin/audit')).json().items[0];
    expect(audit).toMatchObject({
      action: 'settings.update',
      details: { afliteApiKey: '(changed)', afliteMid: '1001', retryBaseSeconds: 10, retryMaxSeconds: 600 },
    });
    expect(JSON.stringify(audit)).not.toContain(KEY);
  });

  it('clears the key with an empty string and the merchant ID with null', async () => {
    const res = await patch({ afliteApiKey: '', afliteMid: null });
    expect(res.json()).toMatchObject({ afliteApiKeySet: false, afliteApiKeyLast4: null, afliteMid: null });
    expect((await t.app.get(SettingsService).get()).afliteApiKey).toBeNull();
    expect((await asAdmin(t.app, admin, '/api/admin/audit')).json().items[0].details.afliteApiKey).toBe('(cleared)');
  });

  it.each([
    [{ afliteBaseUrl: 'ftp://aflite.co.uk' }, 'afliteBaseUrl'],
    [{ afliteBaseUrl: 'https://user:pw@aflite.co.uk' }, 'afliteBaseUrl'],
    [{ afliteBaseUrl: null }, 'afliteBaseUrl'],
    [{ afliteMethod: 'PUT' }, 'afliteMethod'],
    [{ maxAttempts: 0 }, 'maxAttempts'],
    [{ maxAttempts: 2.5 }, 'maxAttempts'],
    [{ retryBaseSeconds: 86_401 }, 'retryBaseSeconds'],
    [{ retryMaxSeconds: '60' }, 'retryMaxSeconds'],
    [{ attributionWindowDays: 400 }, 'attributionWindowDays'],
    [{ allowedOrigins: ['https://shop.example/checkout'] }, 'allowedOrigins'],
    [{ allowedOrigins: 'https://shop.example' }, 'allowedOrigins'],
    [{ redirectHosts: ['https://shop.example'] }, 'redirectHosts'],
    [{ cookieDomain: 'shop example' }, 'cookieDomain'],
    [{ afliteMid: 'has space' }, 'afliteMid'],
    [{ afliteApiKey: 'two words' }, 'afliteApiKey'],
    [{ colour: 'blue' }, 'colour'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await patch(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe(field);
    expect(res.json().message).toMatch(new RegExp(`^${field}: `));
  });

  it('says one thing per field: the first rule it breaks', async () => {
    const res = await patch({ retryMaxSeconds: 'soon', maxAttempts: 0, afliteMid: 'has space' });
    expect(res.json().fields).toEqual([
      { field: 'afliteMid', message: 'afliteMid must be 1-64 letters, digits, dots, dashes or underscores' },
      { field: 'maxAttempts', message: 'maxAttempts must be at least 1' },
      { field: 'retryMaxSeconds', message: 'retryMaxSeconds must be a whole number of seconds' },
    ]);
  });

  it('names the bad entry of a list', async () => {
    const res = await patch({ allowedOrigins: ['https://ok.example', 'shop.example'] });
    expect(res.json().message).toContain('"shop.example" is not one');
  });

  it('lists every problem of a change at once, the rules between fields included, and stores none of it', async () => {
    const res = await patch({
      afliteBaseUrl: 'ftp://aflite.co.uk',
      maxAttempts: 0,
      retryBaseSeconds: 900,
      retryMaxSeconds: 60,
      allowedOrigins: ['shop.example'],
      colour: 'blue',
      cookieDomain: 'changed.example',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ fields: { field: string }[] }>().fields.map((f) => f.field);
    expect(new Set(fields)).toEqual(new Set(['afliteBaseUrl', 'maxAttempts', 'retryMaxSeconds', 'allowedOrigins', 'colour']));
    expect((await t.app.get(SettingsService).get()).cookieDomain).toBe('.shop.example');
  });

  it('refuses a longest retry wait shorter than the first', async () => {
    const res = await patch({ retryBaseSeconds: 900, retryMaxSeconds: 60 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('retryMaxSeconds');
    expect((await t.app.get(SettingsService).get()).retryBaseMs).toBe(10_000);
  });

  describe('the merchant ID goes with the API key', () => {
    const stored = async () => {
      const { afliteApiKey, afliteMid } = await t.app.get(SettingsService).get();
      return { afliteApiKey, afliteMid };
    };

    it('refuses clearing the merchant ID while a key is set, and a key without a merchant ID', async () => {
      expect((await patch({ afliteApiKey: KEY, afliteMid: '1001' })).statusCode).toBe(200);
      for (const body of [{ afliteMid: null }, { afliteMid: '' }, { afliteMid: '   ' }]) {
        const res = await patch(body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().fields).toEqual([{ field: 'afliteMid', message: expect.stringMatching(/^afliteMid is required/) as unknown }]);
      }
      expect(await stored()).toEqual({ afliteApiKey: KEY, afliteMid: '1001' });
      expect((await asAdmin(t.app, admin, '/api/admin/settings')).json().deliveryBlockedBy).toEqual([]);

      // Clearing both stops delivering; the banner's list says what is missing.
      const cleared = await patch({ afliteApiKey: '', afliteMid: null });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().deliveryBlockedBy).toEqual(['afliteApiKey', 'afliteMid']);

      const keyAlone = await patch({ afliteApiKey: KEY });
      expect(keyAlone.statusCode).toBe(400);
      expect(keyAlone.json().fields[0]).toMatchObject({ field: 'afliteMid' });
      expect(await stored()).toEqual({ afliteApiKey: null, afliteMid: null });
    });

    it('takes a merchant ID alone, and then a key', async () => {
      const mid = await patch({ afliteMid: '1001' });
      expect(mid.json().deliveryBlockedBy).toEqual(['afliteApiKey']);
      const key = await patch({ afliteApiKey: KEY });
      expect(key.statusCode).toBe(200);
      expect(key.json().deliveryBlockedBy).toEqual([]);
    });
  });
});
