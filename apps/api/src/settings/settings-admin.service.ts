import { Inject, Injectable } from '@nestjs/common';
import type { SettingsResponse } from '@goalpost/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SettingsService } from './settings.service';
import type { Settings } from './settings.types';
import { SettingsUpdateDto } from './dto/settings-update.dto';

/** Keys shorter than this would give too much away in their last four characters. */
const MIN_KEY_LENGTH_FOR_HINT = 8;

@Injectable()
export class SettingsAdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  async get(requestOrigin: string): Promise<SettingsResponse> {
    return this.map(await this.settings.get(), requestOrigin);
  }

  async update(dto: SettingsUpdateDto, actor: string, requestOrigin: string): Promise<SettingsResponse> {
    const current = await this.settings.get();
    const patch = this.toPatch(dto);
    const retryBaseMs = patch.retryBaseMs ?? current.retryBaseMs;
    const retryMaxMs = patch.retryMaxMs ?? current.retryMaxMs;
    if (retryMaxMs < retryBaseMs) {
      const field = dto.retryMaxSeconds !== undefined ? 'retryMaxSeconds' : 'retryBaseSeconds';
      throw new DomainError(
        DomainErrorCode.InvalidValue,
        `${field}: the longest retry wait (${retryMaxMs / 1000} s) cannot be shorter than the first (${retryBaseMs / 1000} s)`,
        field,
      );
    }
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter((key) => JSON.stringify(patch[key]) !== JSON.stringify(current[key]));
    if (changed.length === 0) return this.map(current, requestOrigin);
    const updated = await this.settings.update(Object.fromEntries(changed.map((key) => [key, patch[key]])));
    await this.audit.record({
      actor,
      action: 'settings.update',
      target: 'settings',
      details: Object.fromEntries(changed.map((key) => auditEntry(key, patch))),
    });
    return this.map(updated, requestOrigin);
  }

  private toPatch(dto: SettingsUpdateDto): Partial<Settings> {
    const patch: Partial<Settings> = {};
    if (dto.afliteApiKey !== undefined) patch.afliteApiKey = dto.afliteApiKey === '' ? null : dto.afliteApiKey;
    if (dto.afliteMid !== undefined) patch.afliteMid = dto.afliteMid || null;
    if (dto.afliteBaseUrl !== undefined) patch.afliteBaseUrl = dto.afliteBaseUrl.replace(/\/+$/, '');
    if (dto.afliteMethod !== undefined) patch.afliteMethod = dto.afliteMethod;
    if (dto.maxAttempts !== undefined) patch.maxAttempts = dto.maxAttempts;
    if (dto.retryBaseSeconds !== undefined) patch.retryBaseMs = dto.retryBaseSeconds * 1000;
    if (dto.retryMaxSeconds !== undefined) patch.retryMaxMs = dto.retryMaxSeconds * 1000;
    if (dto.attributionWindowDays !== undefined) patch.attributionWindowDays = dto.attributionWindowDays;
    if (dto.cookieDomain !== undefined) patch.cookieDomain = dto.cookieDomain ? dto.cookieDomain.toLowerCase() : null;
    if (dto.allowedOrigins !== undefined) patch.allowedOrigins = unique(dto.allowedOrigins.map((o) => o.trim().replace(/\/+$/, '').toLowerCase()));
    if (dto.redirectHosts !== undefined) patch.redirectHosts = unique(dto.redirectHosts.map((h) => h.trim().toLowerCase()));
    return patch;
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
    };
  }
}

/** A changed setting as the audit log shows it: under the name the dashboard uses, never the API key itself. */
function auditEntry(key: keyof Settings, patch: Partial<Settings>): [string, unknown] {
  if (key === 'afliteApiKey') return [key, patch.afliteApiKey ? '(changed)' : '(cleared)'];
  if (key === 'retryBaseMs') return ['retryBaseSeconds', (patch.retryBaseMs ?? 0) / 1000];
  if (key === 'retryMaxMs') return ['retryMaxSeconds', (patch.retryMaxMs ?? 0) / 1000];
  return [key, patch[key]];
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
