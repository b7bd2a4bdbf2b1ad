import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '../database/db.service';
import { SettingEntity } from './setting.entity';

/** Settings rows: one per key, the value already JSON (and sealed, for secrets). */
@Injectable()
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<SettingEntity[]> {
    return this.db.manager.find(SettingEntity);
  }

  /** Writes every given key in one transaction, with whatever `also` writes (the audit entry describing it). */
  async upsertMany(rows: { key: string; value: string }[], at: number, also?: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.db.write(async (manager) => {
      for (const { key, value } of rows) await manager.upsert(SettingEntity, { key, value, updatedAt: at }, ['key']);
      await also?.(manager);
    });
  }
}
