import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AdminPrincipal } from './admin-principal';
import { AuthRepository } from './auth.repository';

export const SESSION_TTL_MS = 14 * 86_400_000;
/** Sliding expiry is written at most this often per session, not on every request. */
const RENEW_AFTER_MS = 10 * 60_000;

export interface ResolvedSession {
  principal: AdminPrincipal;
  /** True when the expiry moved forward: the cookie should be set again with a fresh Max-Age. */
  renewed: boolean;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sessions live in the database, so they survive restarts and every instance sees the same ones. */
@Injectable()
export class SessionsService {
  constructor(private readonly accounts: AuthRepository) {}

  async create(userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = Date.now();
    await this.accounts.createSession({
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + SESSION_TTL_MS,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    return { token, csrfToken };
  }

  async resolve(token: string): Promise<ResolvedSession | null> {
    const session = await this.accounts.findSessionByTokenHash(hashToken(token));
    const now = Date.now();
    if (!session || session.expiresAt <= now) return null;
    const user = await this.accounts.findUserById(session.userId);
    if (!user) return null;
    let renewed = false;
    if (now - session.lastSeenAt >= RENEW_AFTER_MS) {
      await this.accounts.renewSession(session.id, now, now + SESSION_TTL_MS);
      renewed = true;
    }
    return { principal: { sessionId: session.id, userId: user.id, email: user.email, csrfToken: session.csrfToken }, renewed };
  }

  async revoke(sessionId: number): Promise<void> {
    await this.accounts.deleteSession(sessionId);
  }
}

/** Constant-time comparison of the `x-csrf-token` header with the session's token. */
export function csrfTokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent === '') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
