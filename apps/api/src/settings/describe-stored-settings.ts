import { auditValue, FIELD_OF } from './settings-fields';
import type { SettingKey, Settings } from './settings.types';

/** The stored settings under their dashboard names, safe to print: the API key masked, retry waits in seconds. */
export function describeStoredSettings(settings: Settings): Record<string, unknown> {
  return Object.fromEntries((Object.keys(FIELD_OF) as SettingKey[]).map((key) => [FIELD_OF[key], auditValue(key, settings[key])]));
}
