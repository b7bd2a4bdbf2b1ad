import type { SettingsResponse, SettingsUpdate } from '@goalpost/contracts';

/** What the form edits: text inputs hold text until saved. */
export interface SettingsFormValues {
  afliteApiKey: string;
  afliteMid: string;
  afliteBaseUrl: string;
  afliteMethod: 'GET' | 'POST';
  maxAttempts: string;
  retryBaseSeconds: string;
  retryMaxSeconds: string;
  attributionWindowDays: string;
  cookieDomain: string;
  allowedOrigins: string;
  redirectHosts: string;
}

export type SettingsField = keyof SettingsFormValues;

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'afliteApiKey',
  'afliteMid',
  'afliteBaseUrl',
  'afliteMethod',
  'maxAttempts',
  'retryBaseSeconds',
  'retryMaxSeconds',
  'attributionWindowDays',
  'cookieDomain',
  'allowedOrigins',
  'redirectHosts',
];

export const NUMBER_FIELDS = ['maxAttempts', 'retryBaseSeconds', 'retryMaxSeconds', 'attributionWindowDays'] as const;

export function formValuesFrom(settings: SettingsResponse): SettingsFormValues {
  return {
    afliteApiKey: '',
    afliteMid: settings.afliteMid ?? '',
    afliteBaseUrl: settings.afliteBaseUrl,
    afliteMethod: settings.afliteMethod,
    maxAttempts: String(settings.maxAttempts),
    retryBaseSeconds: String(settings.retryBaseSeconds),
    retryMaxSeconds: String(settings.retryMaxSeconds),
    attributionWindowDays: String(settings.attributionWindowDays),
    cookieDomain: settings.cookieDomain ?? '',
    allowedOrigins: settings.allowedOrigins.join('\n'),
    redirectHosts: settings.redirectHosts.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

type NumberField = (typeof NUMBER_FIELDS)[number];

/** A change as the form sends it: a number field that does not hold a whole number goes as typed, for the api to name. */
export type SettingsChanges = Omit<SettingsUpdate, NumberField> & Partial<Record<NumberField, number | string>>;

/**
 * Only what the admin changed is sent, so the audit log lists real changes; the key only when a new one
 * was typed. All checking is the api's: it answers every problem of the form at once.
 */
export function changesFrom(values: SettingsFormValues, current: SettingsResponse): SettingsChanges {
  const changes: SettingsChanges = {};
  if (values.afliteApiKey.trim()) changes.afliteApiKey = values.afliteApiKey.trim();
  const mid = values.afliteMid.trim() || null;
  if (mid !== current.afliteMid) changes.afliteMid = mid;
  if (values.afliteBaseUrl.trim() !== current.afliteBaseUrl) changes.afliteBaseUrl = values.afliteBaseUrl.trim();
  if (values.afliteMethod !== current.afliteMethod) changes.afliteMethod = values.afliteMethod;
  for (const field of NUMBER_FIELDS) {
    const text = values[field].trim();
    if (!/^\d+$/.test(text)) changes[field] = text;
    else if (Number(text) !== current[field]) changes[field] = Number(text);
  }
  const cookieDomain = values.cookieDomain.trim() || null;
  if (cookieDomain !== current.cookieDomain) changes.cookieDomain = cookieDomain;
  const origins = lines(values.allowedOrigins);
  if (!sameList(origins, current.allowedOrigins)) changes.allowedOrigins = origins;
  const hosts = lines(values.redirectHosts);
  if (!sameList(hosts, current.redirectHosts)) changes.redirectHosts = hosts;
  return changes;
}
