import { Injectable } from '@nestjs/common';
import { EntityManager, LessThan, MoreThan } from 'typeorm';
import { Db } from '../database/db.service';
import { AdminSessionEntity } from './admin-session.entity';
import { AdminUserEntity } from './admin-user.entity';
import { SignInFailureEntity } from './sign-in-failure.entity';

export type NewAdminUser = Omit<AdminUserEntity, 'id'>;
export type NewAdminSession = Omit<AdminSessionEntity, 'id'>;

/** The dashboard's accounts, their sessions, and failed sign-ins counted per (IP, email) hash. */
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

  /** When each failure for the key after `since` happened, oldest first. */
  async failureTimes(keyHash: string, since: number): Promise<number[]> {
    const rows = await this.db.manager.find(SignInFailureEntity, {
      select: { failedAt: true },
      where: { keyHash, failedAt: MoreThan(since) },
      order: { failedAt: 'ASC' },
    });
    return rows.map((r) => r.failedAt);
  }

  /** Counts one failure; failures older than `forgetBefore` (of every key) are dropped in the same write. */
  async recordFailure(keyHash: string, at: number, forgetBefore: number): Promise<void> {
    await this.db.write(async (m) => {
      await m.delete(SignInFailureEntity, { failedAt: LessThan(forgetBefore) });
      await m.insert(SignInFailureEntity, { keyHash, failedAt: at });
    });
  }

  async clearFailures(keyHash: string): Promise<void> {
    await this.db.write((m) => m.delete(SignInFailureEntity, { keyHash }));
  }
}
