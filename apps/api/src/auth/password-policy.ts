import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { translations } from '@zxcvbn-ts/language-en';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable" (about 10^8 guesses and up). */
const MIN_SCORE = 3;
/** Words that say "this Goalpost" and so are among a guesser's first tries. */
const SITE_WORDS = ['goalpost', 'aflite', 'admin', 'dashboard'];

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: loading the common-password and keyboard lists takes a moment, and most processes never need them. */
function strength(): ZxcvbnFactory {
  // Beyond 100 characters a password is strong by length alone, and the estimate costs more the longer it gets.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations, maxLength: 100 });
  return estimator;
}

/**
 * Why `password` is refused as an admin password, or null when it is fine: too short, one of the commonest
 * passwords, a keyboard walk, a date or sequence, or built from the account's own email address.
 * `field` names the request field in the message.
 */
export function passwordWeakness(password: string, email: string, field = 'password'): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const result = strength().check(password, [...emailWords(email), ...SITE_WORDS]);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? 'It would be guessed quickly.';
  const hint = result.feedback.suggestions[0] ?? 'Add another word or two; uncommon words are better.';
  return `${field}: too easy to guess. ${why} ${hint}`;
}

/** Throws the 400 naming `field` when the password is refused. */
export function assertPasswordAcceptable(password: string, email: string, field = 'password'): void {
  const weakness = passwordWeakness(password, email, field);
  if (weakness) throw new DomainError(DomainErrorCode.WeakPassword, weakness, field);
}

/** The address, its parts, and its parts run together ("jane.doe@shop.example" → janedoe, shopexample, …). */
function emailWords(email: string): string[] {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const localParts = local.split(/[._+-]/);
  const labels = domain.split('.');
  const words = [email.toLowerCase(), local, localParts.join(''), domain, labels.join(''), labels.slice(0, -1).join(''), ...localParts, ...labels];
  return [...new Set(words)].filter((w) => w.length >= 3);
}
