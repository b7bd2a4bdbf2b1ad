import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';

function breaker(threshold = 3, cooldownMs = 1_000) {
  let now = 0;
  const cb = new CircuitBreaker({ threshold, cooldownMs, maxCooldownMs: 4_000 }, () => now);
  return { cb, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and resets on success', () => {
    const { cb } = breaker();
    cb.recordFailure('503');
    cb.recordFailure('503');
    cb.recordSuccess();
    cb.recordFailure('503');
    expect(cb.permits()).toBe('all');
    expect(cb.snapshot().circuit).toBe('closed');
  });

  it('opens after consecutive failures and holds everything until the cooldown', () => {
    const { cb, advance } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure('503');
    expect(cb.permits()).toBe('none');
    expect(cb.snapshot()).toMatchObject({ circuit: 'open', consecutiveFailures: 3, lastError: '503' });
    expect(cb.msUntilProbe()).toBe(1_000);
    advance(999);
    expect(cb.permits()).toBe('none');
    advance(1);
    expect(cb.permits()).toBe('probe');
  });

  it('lets one probe through; its success closes the circuit', () => {
    const { cb, advance } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure('x');
    advance(1_000);
    expect(cb.permits()).toBe('probe');
    cb.startProbe();
    expect(cb.permits()).toBe('none');
    cb.recordSuccess();
    expect(cb.permits()).toBe('all');
    expect(cb.snapshot().since).toBeNull();
  });

  it('a failed probe re-opens for twice as long, capped', () => {
    const { cb, advance } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure('x');
    const since = cb.snapshot().since;
    for (const wait of [1_000, 2_000, 4_000, 4_000]) {
      advance(wait);
      expect(cb.permits()).toBe('probe');
      cb.startProbe();
      cb.recordFailure('still down');
      expect(cb.msUntilProbe()).toBe(Math.min(wait * 2, 4_000));
    }
    expect(cb.snapshot().since).toBe(since);
  });

  it('an abandoned probe frees the slot for another', () => {
    const { cb, advance } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure('x');
    advance(1_000);
    cb.startProbe();
    cb.abandonProbe();
    expect(cb.permits()).toBe('probe');
  });
});
