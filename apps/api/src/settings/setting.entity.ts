import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

/** One row per setting; the value is JSON (the API key's value is encrypted before it gets here). */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @EpochMsColumn({ name: 'updated_at' })
  updatedAt: number;
}
