import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

/** Who changed what, and when. Details hold field names and safe values only, never a secret. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @EpochMsColumn({ name: 'at' })
  at: number;

  @Column({ type: 'varchar', length: 254 })
  actor: string;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  target: string | null;

  /** JSON object. */
  @Column({ type: 'text' })
  details: string;
}
