import { describe, expect, it } from 'vitest';
import { holdOf, type HoldContext } from './delivery-hold';

const NOW = Date.parse('2026-12-03T14:05:00Z');
const up: HoldContext = { now: NOW, configured: true, circuit: 'closed', circuitSince: null };
const pending = { state: 'pending' as const, nextAttemptAt: NOW - 1, leaseOwner: null, leaseUntil: null };

describe('why a delivery waits', () => {
  it('holds nothing that is settled, has no outbox row, is due or is being sent', () => {
    expect(holdOf(null, { ...up, configured: false })).toBeNull();
    expect(holdOf({ ...pending, state: 'delivered' }, { ...up, circuit: 'open' })).toBeNull();
    expect(holdOf({ ...pending, state: 'failed' }, { ...up, configured: false })).toBeNull();
    expect(holdOf(pending, up)).toBeNull();
    expect(holdOf({ ...pending, nextAttemptAt: NOW }, up)).toBeNull();
    // The half-open circuit's probe: leased, on its way.
    expect(holdOf({ ...pending, leaseOwner: 'host-1', leaseUntil: NOW + 30_000 }, { ...up, circuit: 'half-open' })).toBeNull();
  });

  it('waits for the retry time while Aflite is configured and answering', () => {
    expect(holdOf({ ...pending, nextAttemptAt: NOW + 60_000 }, up)).toEqual({ reason: 'retry-wait', until: '2026-12-03T14:06:00.000Z' });
    // A lease that ran out is nobody's: the delivery waits like any other.
    expect(holdOf({ ...pending, nextAttemptAt: NOW + 60_000, leaseOwner: 'gone', leaseUntil: NOW - 1 }, up)?.reason).toBe('retry-wait');
  });

  it('is held while the circuit is open or half-open, whatever its retry time', () => {
    const since = '2026-12-03T13:55:00.000Z';
    expect(holdOf(pending, { ...up, circuit: 'open', circuitSince: since })).toEqual({ reason: 'aflite-down', since });
    expect(holdOf({ ...pending, nextAttemptAt: NOW + 60_000 }, { ...up, circuit: 'half-open', circuitSince: since })?.reason).toBe('aflite-down');
  });

  it('is held first of all by a missing API key or merchant ID: nothing can leave without them', () => {
    expect(holdOf(pending, { ...up, configured: false })).toEqual({ reason: 'not-configured' });
    expect(holdOf({ ...pending, nextAttemptAt: NOW + 60_000 }, { ...up, configured: false, circuit: 'open' })).toEqual({ reason: 'not-configured' });
  });
});
