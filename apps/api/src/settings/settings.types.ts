import { AFLITE_DEFAULT_BASE_URL, type AfliteMethod } from '@goalpost/aflite';

export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/** Everything the running system reads from settings. The API key is decrypted only in memory. */
export interface Settings extends RetryPolicy {
  afliteApiKey: string | null;
  afliteMid: string | null;
  afliteBaseUrl: string;
  afliteMethod: AfliteMethod;
  attributionWindowDays: number;
  cookieDomain: string | null;
  allowedOrigins: string[];
  redirectHosts: string[];
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  afliteApiKey: null,
  afliteMid: null,
  afliteBaseUrl: AFLITE_DEFAULT_BASE_URL,
  afliteMethod: 'POST',
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
  attributionWindowDays: 30,
  cookieDomain: null,
  allowedOrigins: [],
  redirectHosts: [],
};

/** Settings whose stored value is encrypted. */
export const SECRET_SETTINGS: ReadonlySet<SettingKey> = new Set<SettingKey>(['afliteApiKey']);
