import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ResendJobState } from '@goalpost/contracts';
import { EpochMsColumn } from '../../database/columns';

/**
 * A re-send of every conversion matching a filter. The conversions are fixed when the job starts
 * (resend_job_items) and put back in the queue in chunks, in id order; `cursor` is the last id done,
 * so a job whose instance stopped is picked up where it was.
 */
@Entity('resend_jobs')
export class ResendJobEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  state: ResendJobState;

  /** JSON of the DeliveryFilter it was started with. */
  @Column({ type: 'text' })
  filter: string;

  @Column({ type: 'boolean' })
  force: boolean;

  @Column({ type: 'integer' })
  total: number;

  @Column({ type: 'integer' })
  queued: number;

  @Column({ name: 'cursor_conversion_id', type: 'integer' })
  cursor: number;

  @Column({ name: 'created_by', type: 'varchar', length: 254 })
  createdBy: string;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'finished_at', nullable: true })
  finishedAt: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  /** The instance working on it, and when it last made progress. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  owner: string | null;

  @EpochMsColumn({ name: 'heartbeat_at', nullable: true })
  heartbeatAt: number | null;
}
