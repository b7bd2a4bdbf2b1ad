import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type Permit, type Ticket } from './circuit-breaker';

function breaker({ threshold = 3, windowMs = 30_000, cooldownMs = 1_000, maxCooldownMs = 4_000 } = {}) {
  let now = 10_000;
  const cb = new CircuitBreaker({ threshold, windowMs, cooldownMs, maxCooldownMs }, () => now);
  return { cb, advance: (ms: number) => (now += ms) };
}

function ticketOf(permit: Permit): Ticket {
  if (permit.kind === 'none') throw new Error(`expected a permit, got none (retry in ${permit.retryInMs} ms)`);
  return permit.ticket;
}

/** Opens a fresh breaker's circuit with `threshold` failures under one closed-state ticket. */
function opened(options: Parameters<typeof breaker>[0] = {}) {
  const b = breaker(options);
  const ticket = ticketOf(b.cb.acquire());
  for (let i = 0; i < (options.threshold ?? 3); i++) b.cb.settle(ticket, 'down', '503');
  return { ...b, closedTicket: ticket };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and resets on success', () => {
    const { cb } = breaker();
    const t = ticketOf(cb.acquire());
    cb.settle(t, 'down', '503');
    cb.settle(t, 'down', '503');
    cb.settle(t, 'up');
    cb.settle(t, 'down', '503');
    expect(cb.acquire().kind).toBe('all');
    expect(cb.snapshot()).toMatchObject({ circuit: 'closed', consecutiveFailures: 1 });
  });

  it('opens after consecutive failures and holds everything until the cooldown', () => {
    const { cb, advance } = opened();
    expect(cb.acquire()).toEqual({ kind: 'none', retryInMs: 1_000 });
    expect(cb.snapshot()).toMatchObject({ circuit: 'open', consecutiveFailures: 3, lastError: '503' });
    advance(999);
    expect(cb.acquire()).toEqual({ kind: 'none', retryInMs: 1 });
    advance(1);
    expect(cb.snapshot().circuit).toBe('half-open');
    expect(cb.acquire().kind).toBe('probe');
  });

  it('a flaky Aflite that still answers a fair share of calls keeps the circuit closed', () => {
    const { cb, advance } = breaker({ threshold: 3 });
    const t = ticketOf(cb.acquire());
    // Long runs of failures, but every 20 results hold at least three good answers.
    for (let round = 0; round < 50; round++) {
      cb.settle(t, 'up');
      for (let i = 0; i < 5; i++) cb.settle(t, 'down', 'reset');
      advance(100);
    }
    expect(cb.acquire().kind).toBe('all');
    expect(cb.snapshot().consecutiveFailures).toBe(5);
  });

  it('a down Aflite opens the circuit once nearly all recent answers are failures', () => {
    const { cb } = breaker({ threshold: 3 });
    const t = ticketOf(cb.acquire());
    for (let i = 0; i < 10; i++) cb.settle(t, 'up');
    for (let i = 0; i < 17; i++) cb.settle(t, 'down', 'refused');
    // 17 of the last 20 answers failed: below 90%, so still closed; the 18th tips it.
    expect(cb.acquire().kind).toBe('all');
    cb.settle(t, 'down', 'refused');
    expect(cb.acquire().kind).toBe('none');
  });

  it('answers older than the window no longer count', () => {
    const { cb, advance } = breaker({ threshold: 3, windowMs: 5_000 });
    const t = ticketOf(cb.acquire());
    for (let i = 0; i < 10; i++) cb.settle(t, 'up');
    advance(5_001);
    for (let i = 0; i < 3; i++) cb.settle(t, 'down', 'refused');
    expect(cb.acquire().kind).toBe('none');
  });

  it('grants one probe at a time; its success closes the circuit', () => {
    const { cb, advance } = opened();
    advance(1_000);
    const probe = cb.acquire();
    expect(probe.kind).toBe('probe');
    expect(cb.acquire()).toEqual({ kind: 'none', retryInMs: 0 });
    cb.settle(ticketOf(probe), 'up');
    expect(cb.acquire().kind).toBe('all');
    expect(cb.snapshot()).toMatchObject({ circuit: 'closed', since: null, lastError: null });
  });

  it('a failed probe re-opens for twice as long, capped, and keeps the time it first opened', () => {
    const { cb, advance } = opened();
    const since = cb.snapshot().since;
    for (const wait of [1_000, 2_000, 4_000, 4_000]) {
      advance(wait);
      cb.settle(ticketOf(cb.acquire()), 'down', 'still down');
      expect(cb.acquire()).toEqual({ kind: 'none', retryInMs: Math.min(wait * 2, 4_000) });
    }
    expect(cb.snapshot().since).toBe(since);
  });

  it('a released probe frees the slot for another', () => {
    const { cb, advance } = opened();
    advance(1_000);
    cb.release(ticketOf(cb.acquire()));
    expect(cb.acquire().kind).toBe('probe');
  });

  it('a probe that said nothing about Aflite frees the slot without moving the circuit', () => {
    const { cb, advance } = opened();
    advance(1_000);
    cb.settle(ticketOf(cb.acquire()), 'none');
    expect(cb.snapshot().circuit).toBe('half-open');
    expect(cb.acquire().kind).toBe('probe');
  });

  describe('interleavings', () => {
    it('a failure recorded between the probe being granted and its result cannot strand the probe', () => {
      // The race that stopped delivery: permit read, a late failure re-opens, the probe fails while open.
      const { cb, advance, closedTicket } = opened();
      advance(1_000);
      const probe = ticketOf(cb.acquire());
      cb.settle(closedTicket, 'down', 'late failure of an ordinary delivery');
      expect(cb.snapshot().circuit).toBe('half-open');
      cb.settle(probe, 'down', 'probe failed');
      advance(2_000);
      expect(cb.acquire().kind).toBe('probe');
    });

    it('late results of ordinary deliveries never settle the probe', () => {
      const { cb, advance, closedTicket } = opened();
      advance(1_000);
      const probe = ticketOf(cb.acquire());
      cb.settle(closedTicket, 'down', 'late');
      cb.settle(closedTicket, 'up');
      cb.release(closedTicket);
      expect(cb.acquire()).toEqual({ kind: 'none', retryInMs: 0 });
      cb.settle(probe, 'up');
      expect(cb.acquire().kind).toBe('all');
    });

    it('a late failure from before the circuit opened does not count against the closed circuit that followed', () => {
      const { cb, advance, closedTicket } = opened({ threshold: 2 });
      advance(1_000);
      cb.settle(ticketOf(cb.acquire()), 'up');
      cb.settle(closedTicket, 'down', 'late');
      cb.settle(closedTicket, 'down', 'late');
      expect(cb.snapshot()).toMatchObject({ circuit: 'closed', consecutiveFailures: 0 });
    });

    it('an old probe ticket cannot settle a later probe', () => {
      const { cb, advance } = opened();
      advance(1_000);
      const first = ticketOf(cb.acquire());
      cb.settle(first, 'down', 'still down');
      advance(2_000);
      const second = ticketOf(cb.acquire());
      cb.settle(first, 'up');
      cb.release(first);
      expect(cb.snapshot().circuit).toBe('half-open');
      expect(cb.acquire().kind).toBe('none');
      cb.settle(second, 'up');
      expect(cb.snapshot().circuit).toBe('closed');
    });

    it('settling the same probe twice moves the circuit once', () => {
      const { cb, advance } = opened();
      advance(1_000);
      const probe = ticketOf(cb.acquire());
      cb.settle(probe, 'down', 'still down');
      cb.settle(probe, 'down', 'still down');
      expect(cb.acquire()).toEqual({ kind: 'none', retryInMs: 2_000 });
    });

    it('every order of probe, late success and late failure ends with a probe available or the circuit closed', () => {
      const late = ['late-up', 'late-down', 'release-late'] as const;
      const orders = (['probe-down', 'probe-up', 'probe-none'] as const).flatMap((probeResult) => permutations<string>([probeResult, ...late]));
      expect(orders).toHaveLength(72);
      for (const order of orders) {
        const { cb, advance, closedTicket } = opened();
        advance(1_000);
        const probe = ticketOf(cb.acquire());
        for (const event of order) {
          if (event === 'probe-down') cb.settle(probe, 'down', 'x');
          if (event === 'probe-up') cb.settle(probe, 'up');
          if (event === 'probe-none') cb.settle(probe, 'none');
          if (event === 'late-up') cb.settle(closedTicket, 'up');
          if (event === 'late-down') cb.settle(closedTicket, 'down', 'x');
          if (event === 'release-late') cb.release(closedTicket);
        }
        advance(4_000);
        expect(cb.acquire().kind, order.join(' → ')).not.toBe('none');
      }
    });
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
