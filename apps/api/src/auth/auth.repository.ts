import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan, MoreThan, Not } from 'typeorm';
import { Db } from '../database/db.service';
import { AdminSessionEntity } from './admin-session.entity';
import { AdminUserEntity } from './admin-user.entity';
import { SignInFailureEntity } from './sign-in-failure.entity';

export type NewAdminUser = Omit<AdminUserEntity, 'id'>;
export type NewAdminSession = Omit<AdminSessionEntity, 'id'>;

/** The dashboard's accounts, their sessions, and sign-in attempts counted per address and per account (hashed). */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: Db) {}

  countUsers(manager: EntityManager = this.db.manager): Promise<number> {
    return manager.count(AdminUserEntity);
  }

  /** Holds other first-run setups until the caller's transaction ends (PostgreSQL; SQLite writes one at a time anyway). */
  async lockUsers(manager: EntityManager): Promise<void> {
    if (this.db.dialect === 'postgres') await manager.query('LOCK TABLE "admin_users" IN EXCLUSIVE MODE');
  }

  createUser(manager: EntityManager, user: NewAdminUser): Promise<AdminUserEntity> {
    return manager.save(manager.create(AdminUserEntity, user));
  }

  findUserByEmail(email: string): Promise<AdminUserEntity | null> {
    return this.db.manager.findOneBy(AdminUserEntity, { email });
  }

  findUserById(id: number): Promise<AdminUserEntity | null> {
    return this.db.manager.findOneBy(AdminUserEntity, { id });
  }

  /** The only admin there is, or the one with this email (null when there is none). */
  async findAccount(email?: string): Promise<AdminUserEntity | null> {
    if (email) return this.findUserByEmail(email);
    const [first] = await this.db.manager.find(AdminUserEntity, { order: { id: 'ASC' }, take: 1 });
    return first ?? null;
  }

  async setPasswordHash(manager: EntityManager, userId: number, passwordHash: string, at: number): Promise<void> {
    await manager.update(AdminUserEntity, { id: userId }, { passwordHash, updatedAt: at });
  }

  /** Ends the user's sessions (all but `keep`, when given); how many ended. */
  async deleteSessionsOfUser(manager: EntityManager, userId: number, keep?: number): Promise<number> {
    const result = await manager.delete(AdminSessionEntity, keep === undefined ? { userId } : { userId, id: Not(keep) });
    return result.affected ?? 0;
  }

  async recordSignIn(manager: EntityManager, userId: number, at: number): Promise<void> {
    await manager.update(AdminUserEntity, { id: userId }, { lastSignInAt: at });
  }

  /** Stores a new session; sessions expired by then are dropped in the same write. */
  async createSession(session: NewAdminSession): Promise<void> {
    await this.db.write(async (m) => {
      await m.delete(AdminSessionEntity, { expiresAt: LessThan(session.createdAt) });
      await m.insert(AdminSessionEntity, session);
    });
  }

  findSessionByTokenHash(tokenHash: string): Promise<AdminSessionEntity | null> {
    return this.db.manager.findOneBy(AdminSessionEntity, { tokenHash });
  }

  async renewSession(id: number, lastSeenAt: number, expiresAt: number): Promise<void> {
    await this.db.write((m) => m.update(AdminSessionEntity, { id }, { lastSeenAt, expiresAt }));
  }

  async deleteSession(id: number): Promise<void> {
    await this.db.write((m) => m.delete(AdminSessionEntity, { id }));
  }

  /** Holds other instances' sign-in counting until the caller's transaction ends (PostgreSQL; SQLite writes one at a time anyway). */
  async lockSignInAttempts(manager: EntityManager): Promise<void> {
    if (this.db.dialect === 'postgres') await manager.query('LOCK TABLE "sign_in_failures" IN EXCLUSIVE MODE');
  }

  /** When each counted attempt for the key after `since` happened, oldest first. */
  async signInAttemptTimes(manager: EntityManager, keyHash: string, since: number): Promise<number[]> {
    const rows = await manager.find(SignInFailureEntity, {
      select: { failedAt: true },
      where: { keyHash, failedAt: MoreThan(since) },
      order: { failedAt: 'ASC' },
    });
    return rows.map((r) => r.failedAt);
  }

  /** Counts one attempt under each key; attempts older than `forgetBefore` (of every key) are dropped in the same write. */
  async recordSignInAttempts(manager: EntityManager, keyHashes: string[], at: number, forgetBefore: number): Promise<void> {
    await manager.delete(SignInFailureEntity, { failedAt: LessThan(forgetBefore) });
    await manager.insert(
      SignInFailureEntity,
      keyHashes.map((keyHash) => ({ keyHash, failedAt: at })),
    );
  }

  async clearSignInAttempts(keyHashes: string[]): Promise<void> {
    await this.db.write((m) => m.delete(SignInFailureEntity, { keyHash: In(keyHashes) }));
  }

  async clearAllSignInAttempts(): Promise<void> {
    await this.db.write((m) => m.clear(SignInFailureEntity));
  }
}
