import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptKind, AttemptOutcome, AttemptTrigger } from '@goalpost/contracts';
import { EpochMsColumn } from '../database/columns';

@Entity('delivery_attempts')
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'conversion_id', type: 'integer' })
  conversionId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: AttemptKind;

  @Column({ type: 'varchar', length: 16 })
  trigger: AttemptTrigger;

  @Column({ type: 'varchar', length: 8 })
  method: string;

  /** Redacted: the API key never reaches this table. */
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  /** JSON of the redacted parameters. */
  @Column({ type: 'text' })
  params: string;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  /** JSON of a subset of response headers. */
  @Column({ name: 'response_headers', type: 'text', nullable: true })
  responseHeaders: string | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: AttemptOutcome;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @EpochMsColumn({ name: 'started_at' })
  startedAt: number;
}
