import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';
import { environmentManagedFields, environmentSettings } from './environment-settings';

const seed = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp/goalpost-unused', GOALPOST_SECRET: 's', ...env }).seed;

describe('environment settings', () => {
  it('stores each variable in the form the dashboard would store it', () => {
    expect(
      environmentSettings(
        seed({
          AFLITE_BASE_URL: 'https://aflite.example//',
          COOKIE_DOMAIN: '.Shop.Example',
          ALLOWED_ORIGINS: 'https://Shop.example/, https://shop.example',
          REDIRECT_HOSTS: 'Landing.example',
          DELIVERY_RETRY_MAX_MS: '60000',
          AFLITE_METHOD: 'get',
        }),
      ),
    ).toEqual({
      afliteBaseUrl: 'https://aflite.example',
      cookieDomain: '.shop.example',
      allowedOrigins: ['https://shop.example'],
      redirectHosts: ['landing.example'],
      retryMaxMs: 60_000,
      afliteMethod: 'GET',
    });
  });

  it('counts an empty variable as not set', () => {
    expect(environmentSettings(seed({ AFLITE_MID: '', AFLITE_API_KEY: '  ', ALLOWED_ORIGINS: ',', COOKIE_DOMAIN: '' }))).toEqual({});
  });

  it('names the variable behind each managed field, under the field names of the API', () => {
    expect(environmentManagedFields(seed({ AFLITE_MID: '7', DELIVERY_RETRY_BASE_MS: '1000' }))).toEqual({
      afliteMid: 'AFLITE_MID',
      retryBaseSeconds: 'DELIVERY_RETRY_BASE_MS',
    });
  });
});
