import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored, so a leaked table opens nothing. */
@Entity('admin_sessions')
export class AdminSessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  /** Echoed by the dashboard in `x-csrf-token` on every state-changing request. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken: string;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;

  @EpochMsColumn({ name: 'last_seen_at' })
  lastSeenAt: number;

  /** Slides forward while the session is used. */
  @EpochMsColumn({ name: 'expires_at' })
  expiresAt: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;
}
