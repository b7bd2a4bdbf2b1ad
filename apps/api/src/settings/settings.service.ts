import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SecretBox } from './secret-box';
import { SettingsRepository } from './settings.repository';
import { DEFAULT_SETTINGS, SECRET_SETTINGS, SettingKey, Settings } from './settings.types';

/** Other instances may change settings: a short cache keeps the hot path off the database without going stale for long. */
const CACHE_MS = 2_000;

@Injectable()
export class SettingsService {
  private readonly logger = new Logger(SettingsService.name);
  private readonly box: SecretBox;
  private cached: { at: number; value: Settings } | null = null;
  private loading: Promise<Settings> | null = null;
  /** Bumped by every update(): a read started before it must not fill the cache with what it replaced. */
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsRepository,
  ) {
    this.box = new SecretBox(config.secret);
  }

  async get(): Promise<Settings> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    // Concurrent misses share one read; a read that started before an update() may not overwrite it.
    if (!this.loading) {
      const generation = this.generation;
      const loading: Promise<Settings> = this.load().then(
        (value) => {
          if (this.loading === loading) this.loading = null;
          if (generation === this.generation) this.cached = { at: Date.now(), value };
          return value;
        },
        (error: unknown) => {
          if (this.loading === loading) this.loading = null;
          throw error;
        },
      );
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(): Promise<Settings> {
    const rows = await this.settings.all();
    const value: Settings = { ...DEFAULT_SETTINGS };
    for (const row of rows) {
      const key = row.key as SettingKey;
      if (!(key in DEFAULT_SETTINGS)) continue;
      try {
        const parsed: unknown = JSON.parse(row.value);
        // A cleared secret is stored as plain null: nothing to decrypt.
        const raw = SECRET_SETTINGS.has(key) && typeof parsed === 'string' ? this.box.open(parsed) : parsed;
        (value as unknown as Record<string, unknown>)[key] = raw;
      } catch {
        this.logger.error(`Setting ${key} cannot be read (was GOALPOST_SECRET changed?); using its default`);
      }
    }
    return value;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const rows: { key: string; value: string }[] = [];
    for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
      if (value === undefined) continue;
      const stored = SECRET_SETTINGS.has(key) && typeof value === 'string' ? this.box.seal(value) : value;
      rows.push({ key, value: JSON.stringify(stored) });
    }
    await this.settings.upsertMany(rows, Date.now());
    this.invalidate();
    return this.get();
  }

  private invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.loading = null;
  }

  /** Environment values win at every start, so a headless deployment is configured by its environment alone. */
  async seedFromEnvironment(): Promise<void> {
    const s = this.config.seed;
    const patch: Partial<Settings> = {
      afliteBaseUrl: s.afliteBaseUrl?.replace(/\/+$/, ''),
      afliteApiKey: s.afliteApiKey,
      afliteMid: s.afliteMid,
      afliteMethod: s.afliteMethod,
      cookieDomain: s.cookieDomain,
      allowedOrigins: s.allowedOrigins,
      redirectHosts: s.redirectHosts,
      attributionWindowDays: s.attributionWindowDays,
      maxAttempts: s.maxAttempts,
      retryBaseMs: s.retryBaseMs,
      retryMaxMs: s.retryMaxMs,
    };
    if (Object.values(patch).some((v) => v !== undefined)) await this.update(patch);
  }
}
