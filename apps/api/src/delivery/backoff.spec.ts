import { describe, expect, it } from 'vitest';
import { nextRetryDelay } from './backoff';

const policy = { maxAttempts: 8, retryBaseMs: 1_000, retryMaxMs: 10_000 };

describe('nextRetryDelay', () => {
  it('doubles per attempt with half of it jittered', () => {
    expect(nextRetryDelay(1, policy, undefined, () => 0)).toBe(500);
    expect(nextRetryDelay(1, policy, undefined, () => 1)).toBe(1_000);
    expect(nextRetryDelay(3, policy, undefined, () => 0)).toBe(2_000);
    expect(nextRetryDelay(3, policy, undefined, () => 1)).toBe(4_000);
  });

  it('never exceeds the maximum delay', () => {
    expect(nextRetryDelay(20, policy, undefined, () => 1)).toBe(10_000);
  });

  it('honours Retry-After when it asks for longer, not shorter', () => {
    expect(nextRetryDelay(1, policy, 30_000, () => 0)).toBe(30_000);
    expect(nextRetryDelay(3, policy, 100, () => 1)).toBe(4_000);
  });
});
