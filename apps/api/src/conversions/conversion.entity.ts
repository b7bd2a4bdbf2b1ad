import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Attribution, ConversionSource, ConversionStatus } from '@goalpost/contracts';
import { EpochMsColumn } from '../database/columns';

@Entity('conversions')
export class ConversionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'goal_id', type: 'integer' })
  goalId: number;

  /** Aflite goal ID at the time of recording: a later edit of the goal never changes what was sent. */
  @Column({ name: 'aflite_goal_id', type: 'varchar', length: 64 })
  afliteGoalId: string;

  @Column({ type: 'varchar', length: 128 })
  mref: string;

  @Column({ name: 'value_minor', type: 'integer' })
  valueMinor: number;

  @Column({ name: 'click_session_id', type: 'varchar', length: 128, nullable: true })
  clickSessionId: string | null;

  @Column({ name: 'click_id', type: 'integer', nullable: true })
  clickId: number | null;

  @Column({ type: 'varchar', length: 16 })
  attribution: Attribution;

  @Column({ type: 'varchar', length: 16 })
  source: ConversionSource;

  @Column({ type: 'varchar', length: 16 })
  status: ConversionStatus;

  @Column({ name: 'is_test', type: 'boolean' })
  isTest: boolean;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'delivered_at', nullable: true })
  deliveredAt: number | null;
}
