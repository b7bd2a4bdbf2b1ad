import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { Db } from '../database/db.service';
import { AuthRepository } from './auth.repository';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** How many sign-ins not (yet) known to be right each scope may have in SIGN_IN_WINDOW_MS. */
export const SIGN_IN_LIMITS = {
  /** One client address, whatever email it tries. */
  address: 5,
  /** One account, from every address together: what a guesser with many addresses gets. */
  account: 20,
} as const;

export type SignInScope = keyof typeof SIGN_IN_LIMITS;
const SCOPES = Object.keys(SIGN_IN_LIMITS) as SignInScope[];

interface Refusal {
  scope: SignInScope;
  retryAfterMs: number;
}

/**
 * Counts sign-in attempts per client address and per account, in the database, so the limits hold across
 * instances and restarts. An attempt is counted before its password is checked, in the same write that
 * reads the count (under a lock), so a burst of concurrent guesses gets no more evaluations than the
 * limit; a successful sign-in clears both counts. Refused attempts are not counted: waiting out
 * Retry-After always works.
 */
@Injectable()
export class SignInLimiter {
  constructor(
    private readonly accounts: AuthRepository,
    private readonly db: Db,
  ) {}

  /** Counts the attempt, or throws the 429 to answer with (and counts nothing) when a limit is reached. */
  async admit(ip: string, email: string, now = Date.now()): Promise<void> {
    const keys = { address: key('address', ip), account: key('account', email) };
    const since = now - SIGN_IN_WINDOW_MS;
    const refusal = await this.db.write(async (m): Promise<Refusal | null> => {
      await this.accounts.lockSignInAttempts(m);
      let worst: Refusal | null = null;
      for (const scope of SCOPES) {
        const times = await this.accounts.signInAttemptTimes(m, keys[scope], since);
        const limit = SIGN_IN_LIMITS[scope];
        if (times.length < limit) continue;
        // The attempt that has to age out of the window before one more fits.
        const retryAfterMs = times[times.length - limit] + SIGN_IN_WINDOW_MS - now;
        if (!worst || retryAfterMs > worst.retryAfterMs) worst = { scope, retryAfterMs };
      }
      if (!worst) await this.accounts.recordSignInAttempts(m, [keys.address, keys.account], now, since);
      return worst;
    });
    if (refusal) throw new TooManySignInAttempts(refusal.scope, Math.max(1, Math.ceil(refusal.retryAfterMs / 1000)));
  }

  /** The right password: what this address and this account tried before no longer counts. */
  async succeeded(ip: string, email: string): Promise<void> {
    await this.accounts.clearSignInAttempts([key('address', ip), key('account', email)]);
  }

  /** After the operator reset the password: every count starts again, so the admin can sign in at once from anywhere. */
  async clearAll(): Promise<void> {
    await this.accounts.clearAllSignInAttempts();
  }
}

export class TooManySignInAttempts extends DomainError {
  constructor(
    readonly scope: SignInScope,
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const who = scope === 'address' ? 'from your address' : 'for this account';
    super(DomainErrorCode.TooManySignInAttempts, `Too many failed sign-ins ${who}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

/** Neither the address nor the email is kept in the clear for this purpose. */
function key(scope: SignInScope, value: string): string {
  return createHash('sha256')
    .update(`${scope}|${scope === 'account' ? value.toLowerCase() : value}`)
    .digest('hex');
}
