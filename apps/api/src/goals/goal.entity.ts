import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

@Entity('goals')
export class GoalEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The goal's ID at Aflite (`goalid`). */
  @Column({ name: 'aflite_goal_id', type: 'varchar', length: 64 })
  afliteGoalId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'default_value_minor', type: 'integer', nullable: true })
  defaultValueMinor: number | null;

  /** The most a browser may say the goal is worth; null: derived from the default value (browser-value-cap.ts). */
  @Column({ name: 'max_browser_value_minor', type: 'integer', nullable: true })
  maxBrowserValueMinor: number | null;

  /** Whether `goalpost('goal', …)` from a browser may record this goal. */
  @Column({ name: 'allow_browser', type: 'boolean' })
  allowBrowser: boolean;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'updated_at' })
  updatedAt: number;
}
