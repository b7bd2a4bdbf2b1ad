import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryRequirement, SettingsResponse } from '@goalpost/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { environmentManagedFields } from './environment-settings';
import { changedKeys, MIN_KEY_LENGTH_FOR_HINT } from './settings-fields';
import { checkSettingsUpdate } from './settings-update-check';
import { SettingsService } from './settings.service';
import type { SettingKey, Settings } from './settings.types';

@Injectable()
export class SettingsAdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async get(requestOrigin: string): Promise<SettingsResponse> {
    return this.map(await this.settings.get(), requestOrigin);
  }

  /** `body` is checked here as a whole (every field, then the rules between them), not by the global pipe. */
  async update(body: unknown, actor: string, requestOrigin: string): Promise<SettingsResponse> {
    const current = await this.settings.get();
    const patch = await checkSettingsUpdate(body, current, this.settings.fromEnvironment);
    const changed = changedKeys(patch, current);
    if (changed.length === 0) return this.map(current, requestOrigin);
    const updated = await this.settings.update(Object.fromEntries(changed.map((key) => [key, patch[key]])), {
      actor,
      action: 'settings.update',
      target: 'settings',
      details: Object.fromEntries(changed.map((key) => auditEntry(key, patch))),
    });
    return this.map(updated, requestOrigin);
  }

  private map(s: Settings, requestOrigin: string): SettingsResponse {
    const key = s.afliteApiKey;
    return {
      afliteApiKeySet: Boolean(key),
      afliteApiKeyLast4: key && key.length >= MIN_KEY_LENGTH_FOR_HINT ? key.slice(-4) : null,
      afliteMid: s.afliteMid,
      afliteBaseUrl: s.afliteBaseUrl,
      afliteMethod: s.afliteMethod,
      maxAttempts: s.maxAttempts,
      retryBaseSeconds: Math.round(s.retryBaseMs / 1000),
      retryMaxSeconds: Math.round(s.retryMaxMs / 1000),
      attributionWindowDays: s.attributionWindowDays,
      cookieDomain: s.cookieDomain,
      allowedOrigins: s.allowedOrigins,
      redirectHosts: s.redirectHosts,
      publicUrl: this.config.publicUrl ?? requestOrigin,
      environmentManaged: environmentManagedFields(this.config.seed),
      deliveryBlockedBy: deliveryBlockedBy(s),
    };
  }
}

/** What the delivery worker needs before it can send anything (see plan-first-call.ts). */
export function deliveryBlockedBy(s: Settings): DeliveryRequirement[] {
  const missing: DeliveryRequirement[] = [];
  if (!s.afliteApiKey) missing.push('afliteApiKey');
  if (!s.afliteMid) missing.push('afliteMid');
  if (!s.afliteBaseUrl) missing.push('afliteBaseUrl');
  return missing;
}

/** A changed setting as the audit log shows it: under the name the dashboard uses, never the API key itself. */
function auditEntry(key: SettingKey, patch: Partial<Settings>): [string, unknown] {
  if (key === 'afliteApiKey') return [key, patch.afliteApiKey ? '(changed)' : '(cleared)'];
  if (key === 'retryBaseMs') return ['retryBaseSeconds', (patch.retryBaseMs ?? 0) / 1000];
  if (key === 'retryMaxMs') return ['retryMaxSeconds', (patch.retryMaxMs ?? 0) / 1000];
  return [key, patch[key]];
}
