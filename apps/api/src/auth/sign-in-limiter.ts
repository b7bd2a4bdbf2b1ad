import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { AuthRepository } from './auth.repository';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * At most MAX_FAILURES wrong passwords per (IP, email) in FAILURE_WINDOW_MS. Counted in the database,
 * so the limit holds across instances and restarts; a successful sign-in clears the count.
 */
@Injectable()
export class SignInLimiter {
  constructor(private readonly accounts: AuthRepository) {}

  /** Throws the 429 to answer with, carrying how long to wait, when the limit is reached. */
  async check(ip: string, email: string, now = Date.now()): Promise<void> {
    const recent = await this.accounts.failureTimes(key(ip, email), now - FAILURE_WINDOW_MS);
    if (recent.length < MAX_FAILURES) return;
    const retryAfterMs = recent[recent.length - MAX_FAILURES] + FAILURE_WINDOW_MS - now;
    throw new TooManySignInAttempts(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }

  async recordFailure(ip: string, email: string, now = Date.now()): Promise<void> {
    await this.accounts.recordFailure(key(ip, email), now, now - FAILURE_WINDOW_MS);
  }

  async clear(ip: string, email: string): Promise<void> {
    await this.accounts.clearFailures(key(ip, email));
  }
}

export class TooManySignInAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      DomainErrorCode.TooManySignInAttempts,
      `Too many failed sign-ins for this email from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
}

function key(ip: string, email: string): string {
  return createHash('sha256').update(`${ip}|${email.toLowerCase()}`).digest('hex');
}
