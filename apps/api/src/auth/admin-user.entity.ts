import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

/** The merchant's dashboard account, created once at first run. */
@Entity('admin_users')
export class AdminUserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased, so sign-in is case-insensitive on the address. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** `scrypt$N$r$p$salt$hash` (see password.ts): the parameters travel with the hash. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'updated_at' })
  updatedAt: number;

  @EpochMsColumn({ name: 'last_sign_in_at', nullable: true })
  lastSignInAt: number | null;
}
