import { Injectable } from '@nestjs/common';
import type { SessionResponse } from '@goalpost/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { Db } from '../database/db.service';
import type { AdminPrincipal } from './admin-principal';
import type { AdminUserEntity } from './admin-user.entity';
import { AuthRepository } from './auth.repository';
import { hashPassword, verifyPassword } from './password';
import { assertPasswordAcceptable } from './password-policy';
import { SessionsService } from './sessions.service';
import { SignInLimiter } from './sign-in-limiter';

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

export interface PasswordReset {
  email: string;
  sessionsEnded: number;
}

export interface SignedIn {
  token: string;
  session: SessionResponse;
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly accounts: AuthRepository,
    private readonly sessions: SessionsService,
    private readonly limiter: SignInLimiter,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  async state(principal: AdminPrincipal | null): Promise<SessionResponse> {
    if (principal) return { setupRequired: false, user: { id: principal.userId, email: principal.email }, csrfToken: principal.csrfToken };
    return { setupRequired: (await this.accounts.countUsers()) === 0, user: null, csrfToken: null };
  }

  /** First run only: creates the admin account and signs it in. */
  async setup(email: string, password: string, meta: ClientMeta): Promise<SignedIn> {
    // Checked before the (deliberately slow) hash too, so a closed setup costs no CPU to ask.
    if ((await this.accounts.countUsers()) > 0) throw setupComplete();
    assertPasswordAcceptable(password, email);
    const passwordHash = await hashPassword(password);
    const now = Date.now();
    const user = await this.db.write(async (m) => {
      // Two first-run requests at once on PostgreSQL must not both see an empty table.
      await this.accounts.lockUsers(m);
      if ((await this.accounts.countUsers(m)) > 0) throw setupComplete();
      const created = await this.accounts.createUser(m, { email, passwordHash, createdAt: now, updatedAt: now, lastSignInAt: now });
      await this.audit.record({ actor: email, action: 'admin.setup', target: `admin ${created.id}`, details: { email, ip: meta.ip } }, m);
      return created;
    });
    return this.startSession(user, meta);
  }

  async signIn(email: string, password: string, meta: ClientMeta): Promise<SignedIn> {
    // Counted before the password is checked, so concurrent guesses cannot all slip in under the limit.
    await this.limiter.admit(meta.ip, email);
    const user = await this.accounts.findUserByEmail(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.decoy()));
    if (!user || !valid) {
      if (!user && (await this.accounts.countUsers()) === 0) {
        throw new DomainError(DomainErrorCode.SetupRequired, 'No admin account exists yet: create one first');
      }
      throw new DomainError(DomainErrorCode.InvalidCredentials, 'The email or password is not right');
    }
    await this.limiter.succeeded(meta.ip, email);
    await this.db.write(async (m) => {
      await this.accounts.recordSignIn(m, user.id, Date.now());
      await this.audit.record({ actor: user.email, action: 'session.sign-in', target: `admin ${user.id}`, details: { ip: meta.ip } }, m);
    });
    return this.startSession(user, meta);
  }

  /**
   * The signed-in admin sets a new password. The current one is checked (and counted like a sign-in, so a
   * borrowed session cannot guess it), and every other session of the account ends; this one stays.
   */
  async changePassword(principal: AdminPrincipal, currentPassword: string, newPassword: string, meta: ClientMeta): Promise<void> {
    assertPasswordAcceptable(newPassword, principal.email, 'newPassword');
    await this.limiter.admit(meta.ip, principal.email);
    const user = await this.accounts.findUserById(principal.userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new DomainError(DomainErrorCode.InvalidValue, 'currentPassword: this is not your current password', 'currentPassword');
    }
    await this.limiter.succeeded(meta.ip, principal.email);
    const passwordHash = await hashPassword(newPassword);
    await this.db.write(async (m) => {
      await this.accounts.setPasswordHash(m, user.id, passwordHash, Date.now());
      const sessionsEnded = await this.accounts.deleteSessionsOfUser(m, user.id, principal.sessionId);
      await this.audit.record({ actor: user.email, action: 'admin.password-change', target: `admin ${user.id}`, details: { ip: meta.ip, sessionsEnded } }, m);
    });
  }

  /**
   * Account recovery from the command line (whoever can run it can read the database anyway): sets the
   * password, ends every session of the account, and clears the sign-in limits so it can sign in at once.
   */
  async resetPassword(newPassword: string, email?: string): Promise<PasswordReset> {
    const user = await this.accountToRecover(email);
    assertPasswordAcceptable(newPassword, user.email);
    const passwordHash = await hashPassword(newPassword);
    const sessionsEnded = await this.db.write(async (m) => {
      await this.accounts.setPasswordHash(m, user.id, passwordHash, Date.now());
      const ended = await this.accounts.deleteSessionsOfUser(m, user.id);
      await this.audit.record(
        { actor: 'command line', action: 'admin.password-reset', target: `admin ${user.id}`, details: { email: user.email, sessionsEnded: ended } },
        m,
      );
      return ended;
    });
    await this.limiter.clearAll();
    return { email: user.email, sessionsEnded };
  }

  /** The email of the account a password reset is for (to check a new password against it before asking twice). */
  async recoveryEmail(email?: string): Promise<string> {
    return (await this.accountToRecover(email)).email;
  }

  /** The one admin, or the one with `email`. */
  private async accountToRecover(email?: string): Promise<AdminUserEntity> {
    const wanted = email?.trim().toLowerCase();
    const user = await this.accounts.findAccount(wanted);
    if (user) return user;
    if (wanted) throw new DomainError(DomainErrorCode.NotFound, `email: no admin account has the address ${wanted}`, 'email');
    throw new DomainError(DomainErrorCode.NotFound, 'No admin account exists yet: open the dashboard to create one');
  }

  async signOut(principal: AdminPrincipal): Promise<void> {
    await this.sessions.revoke(principal.sessionId);
    await this.audit.record({ actor: principal.email, action: 'session.sign-out', target: `admin ${principal.userId}` });
  }

  private async startSession(user: AdminUserEntity, meta: ClientMeta): Promise<SignedIn> {
    const { token, csrfToken } = await this.sessions.create(user.id, { ip: meta.ip, userAgent: meta.userAgent });
    return { token, session: { setupRequired: false, user: { id: user.id, email: user.email }, csrfToken } };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword('decoy password never used');
    return this.decoyHash;
  }
}

function setupComplete(): DomainError {
  return new DomainError(DomainErrorCode.SetupComplete, 'The admin account already exists: sign in instead');
}
