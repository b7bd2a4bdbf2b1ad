import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service';
import { SettingEntity } from './setting.entity';

/** Settings rows: one per key, the value already JSON (and sealed, for secrets). */
@Injectable()
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<SettingEntity[]> {
    return this.db.manager.find(SettingEntity);
  }

  /** Writes every given key in one transaction. */
  async upsertMany(rows: { key: string; value: string }[], at: number): Promise<void> {
    await this.db.write(async (manager) => {
      for (const { key, value } of rows) await manager.upsert(SettingEntity, { key, value, updatedAt: at }, ['key']);
    });
  }
}
