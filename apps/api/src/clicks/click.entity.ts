import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClickVia } from '@goalpost/contracts';
import { EpochMsColumn } from '../database/columns';

@Entity('clicks')
export class ClickEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'click_session_id', type: 'varchar', length: 128 })
  clickSessionId: string;

  /** Opaque value of the visitor's first-party cookie. */
  @Column({ type: 'varchar', length: 64 })
  token: string;

  @Column({ type: 'varchar', length: 16 })
  via: ClickVia;

  @Column({ name: 'landing_url', type: 'varchar', length: 2048, nullable: true })
  landingUrl: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  referrer: string | null;

  @Column({ type: 'integer' })
  hits: number;

  @EpochMsColumn({ name: 'first_seen_at' })
  firstSeenAt: number;

  @EpochMsColumn({ name: 'last_seen_at' })
  lastSeenAt: number;
}
