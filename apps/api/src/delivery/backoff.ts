import type { RetryPolicy } from '../settings/settings.types';

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many
 * deliveries spread out but none comes back almost at once. Aflite's Retry-After wins when it asks for longer.
 */
export function nextRetryDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
