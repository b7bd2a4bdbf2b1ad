import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

@Entity('ingest_keys')
export class IngestKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** First characters of the key, shown to tell keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the key: keys are random and long, so a fast hash is enough and lookups stay O(1). */
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt: number | null;

  @EpochMsColumn({ name: 'revoked_at', nullable: true })
  revokedAt: number | null;
}
