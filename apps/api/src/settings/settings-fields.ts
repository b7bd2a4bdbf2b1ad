import type { SettingsField } from '@goalpost/contracts';
import type { SettingKey, Settings } from './settings.types';

/** The name each stored setting has in the API and the dashboard (retry waits are edited in seconds). */
export const FIELD_OF: Record<SettingKey, SettingsField> = {
  afliteApiKey: 'afliteApiKey',
  afliteMid: 'afliteMid',
  afliteBaseUrl: 'afliteBaseUrl',
  afliteMethod: 'afliteMethod',
  maxAttempts: 'maxAttempts',
  retryBaseMs: 'retryBaseSeconds',
  retryMaxMs: 'retryMaxSeconds',
  attributionWindowDays: 'attributionWindowDays',
  cookieDomain: 'cookieDomain',
  allowedOrigins: 'allowedOrigins',
  redirectHosts: 'redirectHosts',
};

/** Keys shorter than this would give too much away in their last four characters. */
export const MIN_KEY_LENGTH_FOR_HINT = 8;

export const normalizeBaseUrl = (url: string) => url.trim().replace(/\/+$/, '');
export const normalizeOrigins = (origins: string[]) => unique(origins.map((o) => o.trim().replace(/\/+$/, '').toLowerCase()));
export const normalizeHosts = (hosts: string[]) => unique(hosts.map((h) => h.trim().toLowerCase()));
export const normalizeCookieDomain = (domain: string | null) => (domain ? domain.trim().toLowerCase() : null);

/** The settings of `patch` whose value differs from `current`. */
export function changedKeys(patch: Partial<Settings>, current: Settings): SettingKey[] {
  return (Object.keys(patch) as SettingKey[]).filter((key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(current[key]));
}

/** A setting's value as the audit log may show it: the API key only as its last four characters, retry waits in seconds. */
export function auditValue(key: SettingKey, value: unknown): unknown {
  if (key === 'afliteApiKey') {
    if (typeof value !== 'string' || !value) return null;
    return value.length >= MIN_KEY_LENGTH_FOR_HINT ? `••••${value.slice(-4)}` : '••••';
  }
  if ((key === 'retryBaseMs' || key === 'retryMaxMs') && typeof value === 'number') return value / 1000;
  return value;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
