import { Entity, PrimaryColumn } from 'typeorm';
import { EpochMsColumn } from './columns';

/** The one row /health rewrites to learn whether the database takes writes (Db.probeWrite). */
@Entity('write_probe')
export class WriteProbeEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @EpochMsColumn({ name: 'at' })
  at: number;
}
