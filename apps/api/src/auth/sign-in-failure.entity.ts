import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

/**
 * One counted sign-in attempt (see SignInLimiter): written before the password is checked, and kept unless
 * it turned out right. In the database, so the limit holds across instances and restarts.
 */
@Entity('sign_in_failures')
export class SignInFailureEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** SHA-256 of "address|<ip>" or "account|<email>": neither is kept in the clear for this purpose. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @EpochMsColumn({ name: 'failed_at' })
  failedAt: number;
}
