import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** varchar(64) in the migrations; lease-owner.ts keeps every owner id within it. */
export const LEASE_OWNER_LENGTH = 64;

/** The outbox row: one per attributed conversion, claimed by a worker with a lease. */
@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'conversion_id', type: 'integer' })
  conversionId: number;

  @Column({ type: 'varchar', length: 16 })
  state: DeliveryState;

  @Column({ name: 'attempt_count', type: 'integer' })
  attemptCount: number;

  @EpochMsColumn({ name: 'next_attempt_at' })
  nextAttemptAt: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: LEASE_OWNER_LENGTH, nullable: true })
  leaseOwner: string | null;

  @EpochMsColumn({ name: 'lease_until', nullable: true })
  leaseUntil: number | null;

  /** Set before every send and cleared on a definite answer: if still set, Aflite may hold the mref. */
  @Column({ name: 'needs_reconcile', type: 'boolean' })
  needsReconcile: boolean;

  /** A manual "force" re-send skips the goals-feed check once. */
  @Column({ name: 'force_send', type: 'boolean' })
  forceSend: boolean;

  /** Trigger recorded on the next attempt: `manual` after a re-send, back to `auto` after it. */
  @Column({ name: 'next_trigger', type: 'varchar', length: 16 })
  nextTrigger: 'auto' | 'manual';

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'boolean' })
  reconciled: boolean;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'updated_at' })
  updatedAt: number;
}
