import { describe, expect, it } from 'vitest';
import { LEASE_OWNER_LENGTH } from './delivery.entity';
import { leaseOwnerId } from './lease-owner';

describe('leaseOwnerId', () => {
  it('keeps a short host name whole', () => {
    expect(leaseOwnerId('api-1', 4242, 'a1b2c3')).toBe('api-1:4242:a1b2c3');
  });

  it('cuts a 200-character host name so the id fits the lease_owner column', () => {
    const host = `goalpost-api-${'x'.repeat(187)}`;
    const id = leaseOwnerId(host, 4_194_304, 'a1b2c3');
    expect(id).toHaveLength(LEASE_OWNER_LENGTH);
    expect(id.endsWith(':4194304:a1b2c3')).toBe(true);
    expect(host.startsWith(id.slice(0, id.indexOf(':')))).toBe(true);
  });

  it('fits with the real host, pid and a random part', () => {
    expect(leaseOwnerId().length).toBeLessThanOrEqual(LEASE_OWNER_LENGTH);
    expect(leaseOwnerId()).not.toBe(leaseOwnerId());
  });
});
