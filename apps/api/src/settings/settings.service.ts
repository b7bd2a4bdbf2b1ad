import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditInput } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ENVIRONMENT_VARIABLES, environmentSettings } from './environment-settings';
import { SecretBox } from './secret-box';
import { auditValue, changedKeys, FIELD_OF } from './settings-fields';
import { SettingsRepository } from './settings.repository';
import { DEFAULT_SETTINGS, SECRET_SETTINGS, SettingKey, Settings } from './settings.types';

/** Other instances may change settings: a short cache keeps the hot path off the database without going stale for long. */
const CACHE_MS = 2_000;

@Injectable()
export class SettingsService {
  private readonly logger = new Logger(SettingsService.name);
  private readonly box: SecretBox;
  private cached: { at: number; value: Settings } | null = null;
  /** The settings last read from the database, kept past the cache and past an update, for {@link getForTracking}. */
  private lastRead: Settings | null = null;
  private loading: Promise<Settings> | null = null;
  /** Bumped by every update(): a read started before it must not fill the cache with what it replaced. */
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
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
          this.lastRead = value;
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

  /**
   * For the open tracking routes: a visitor following an affiliate's link must still reach the shop while the
   * database cannot be read. Then the settings last read are used, however old (redirect hosts and allowed
   * origins change rarely); only an instance that never read them fails.
   */
  async getForTracking(): Promise<Settings> {
    try {
      return await this.get();
    } catch (error) {
      if (!this.lastRead) throw error;
      return this.lastRead;
    }
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

  /** Stores the patch; `audit` is recorded in the same transaction, so a change and its entry commit together. */
  async update(patch: Partial<Settings>, audit?: AuditInput): Promise<Settings> {
    const rows: { key: string; value: string }[] = [];
    for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
      if (value === undefined) continue;
      const stored = SECRET_SETTINGS.has(key) && typeof value === 'string' ? this.box.seal(value) : value;
      rows.push({ key, value: JSON.stringify(stored) });
    }
    await this.settings.upsertMany(rows, Date.now(), audit && ((manager) => this.audit.record(audit, manager)));
    this.invalidate();
    return this.get();
  }

  private invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.loading = null;
  }

  /** The settings the environment sets (see environment-settings.ts): read-only in the dashboard. */
  get fromEnvironment(): Partial<Settings> {
    return environmentSettings(this.config.seed);
  }

  /**
   * Environment values win at every start, so a headless deployment is configured by its environment alone.
   * Run once the server listens: an instance that cannot start must not re-point the ones that run. Each
   * change is in the audit log, as made by "environment".
   */
  async applyEnvironment(): Promise<void> {
    const wanted = this.fromEnvironment;
    const current = await this.load();
    const changed = changedKeys(wanted, current);
    if (changed.length === 0) return;
    const details = Object.fromEntries(changed.map((key) => [FIELD_OF[key], { from: auditValue(key, current[key]), to: auditValue(key, wanted[key]) }]));
    await this.update(Object.fromEntries(changed.map((key) => [key, wanted[key]])), {
      actor: 'environment',
      action: 'settings.environment',
      target: 'settings',
      details,
    });
    this.logger.log(`Applied ${changed.map((key) => ENVIRONMENT_VARIABLES[key]).join(', ')} from the environment to the stored settings`);
  }
}
