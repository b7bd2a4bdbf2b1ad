import { describe, expect, it } from 'vitest';
import { PENDING_POLL_MS, pendingPollInterval } from './pending-poll';

describe('pendingPollInterval', () => {
  it('polls while any shown conversion is pending', () => {
    expect(pendingPollInterval(['delivered', 'pending', 'failed'])).toBe(PENDING_POLL_MS);
  });

  it('does not poll once nothing shown is pending, or nothing is shown', () => {
    expect(pendingPollInterval(['delivered', 'failed', 'unattributed'])).toBe(false);
    expect(pendingPollInterval([])).toBe(false);
  });
});
