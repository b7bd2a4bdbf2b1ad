import type { SettingsField } from '@goalpost/contracts';
import type { AppConfig } from '../config/app-config';
import { FIELD_OF, normalizeBaseUrl, normalizeCookieDomain, normalizeHosts, normalizeOrigins } from './settings-fields';
import type { SettingKey, Settings } from './settings.types';

/** The environment variable that sets each stored setting. */
export const ENVIRONMENT_VARIABLES: Record<SettingKey, string> = {
  afliteApiKey: 'AFLITE_API_KEY',
  afliteMid: 'AFLITE_MID',
  afliteBaseUrl: 'AFLITE_BASE_URL',
  afliteMethod: 'AFLITE_METHOD',
  maxAttempts: 'DELIVERY_MAX_ATTEMPTS',
  retryBaseMs: 'DELIVERY_RETRY_BASE_MS',
  retryMaxMs: 'DELIVERY_RETRY_MAX_MS',
  attributionWindowDays: 'ATTRIBUTION_WINDOW_DAYS',
  cookieDomain: 'COOKIE_DOMAIN',
  allowedOrigins: 'ALLOWED_ORIGINS',
  redirectHosts: 'REDIRECT_HOSTS',
};

/**
 * The settings the environment sets, in the form they are stored in. An empty variable counts as not set
 * (a compose file passing `AFLITE_MID=${AFLITE_MID}` must not wipe what the dashboard stored).
 */
export function environmentSettings(seed: AppConfig['seed']): Partial<Settings> {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const list = (value: string[] | undefined) => (value?.length ? value : undefined);
  const then = <A, B>(value: A | undefined, normalize: (value: A) => B) => (value === undefined ? undefined : normalize(value));
  const patch: Partial<Settings> = {
    afliteApiKey: text(seed.afliteApiKey),
    afliteMid: text(seed.afliteMid),
    afliteBaseUrl: then(text(seed.afliteBaseUrl), normalizeBaseUrl),
    afliteMethod: seed.afliteMethod,
    maxAttempts: seed.maxAttempts,
    retryBaseMs: seed.retryBaseMs,
    retryMaxMs: seed.retryMaxMs,
    attributionWindowDays: seed.attributionWindowDays,
    cookieDomain: then(text(seed.cookieDomain), normalizeCookieDomain),
    allowedOrigins: then(list(seed.allowedOrigins), normalizeOrigins),
    redirectHosts: then(list(seed.redirectHosts), normalizeHosts),
  };
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}

/** The dashboard's fields that the environment sets, each with its variable's name. */
export function environmentManagedFields(seed: AppConfig['seed']): Partial<Record<SettingsField, string>> {
  return Object.fromEntries((Object.keys(environmentSettings(seed)) as SettingKey[]).map((key) => [FIELD_OF[key], ENVIRONMENT_VARIABLES[key]]));
}
