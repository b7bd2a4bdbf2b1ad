import { assert, describe, expect, it } from 'vitest';
import { FaultInjector, type FaultSpec, parseFaultSpec, parseFaults } from './faults';

const parsed = (input: unknown): FaultSpec => {
  const result = parseFaultSpec(input);
  if (!result.ok) throw new Error(result.error);
  return result.fault;
};

describe('parseFaultSpec', () => {
  it('defaults errorRate to 1 and paths to register', () => {
    expect(parsed({ status: 503 })).toEqual({ status: 503, errorRate: 1, paths: ['register'] });
  });

  it('accepts every field', () => {
    expect(parsed({ status: 429, retryAfter: 7, errorRate: 0.5, latencyMs: 20, count: 2, paths: ['goals', 'register'] })).toEqual({
      status: 429,
      retryAfter: 7,
      errorRate: 0.5,
      latencyMs: 20,
      count: 2,
      paths: ['goals', 'register'],
    });
    expect(parsed({ hang: 'after-record' }).hang).toBe('after-record');
    expect(parsed({ reset: true }).reset).toBe(true);
    expect(parsed({ latencyMs: 0 }).latencyMs).toBe(0);
    expect(parsed({ echoKey: true })).toEqual({ echoKey: true, errorRate: 1, paths: ['register'] });
    expect(parsed({ echoKey: true, status: 500 })).toMatchObject({ echoKey: true, status: 500 });
  });

  it.each([
    [null, 'body'],
    [[], 'body'],
    ['503', 'body'],
    [{ status: 503, colour: 'red' }, 'colour'],
    [{ echoKey: 'yes' }, 'echoKey'],
    [{ echoKey: false }, 'status'],
    [{ echoKey: true, hang: 'after-record' }, 'echoKey'],
    [{ status: 99 }, 'status'],
    [{ status: 600 }, 'status'],
    [{ status: '503' }, 'status'],
    [{ status: 503.5 }, 'status'],
    [{ status: 503, errorRate: 1.5 }, 'errorRate'],
    [{ status: 503, errorRate: -0.1 }, 'errorRate'],
    [{ status: 503, errorRate: 'all' }, 'errorRate'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ latencyMs: 10_000_000 }, 'latencyMs'],
    [{ hang: 'forever' }, 'hang'],
    [{ reset: 'yes' }, 'reset'],
    [{ status: 503, retryAfter: -1 }, 'retryAfter'],
    [{ hang: 'before-record', retryAfter: 5 }, 'retryAfter'],
    [{ status: 503, count: 0 }, 'count'],
    [{ status: 503, count: 1.5 }, 'count'],
    [{ status: 503, paths: [] }, 'paths'],
    [{ status: 503, paths: ['help'] }, 'paths'],
    [{ status: 503, paths: 'register' }, 'paths'],
    [{ status: 503, hang: 'before-record' }, 'hang'],
    [{ hang: 'after-record', reset: true }, 'reset'],
    [{}, 'status'],
    [{ reset: false }, 'status'],
  ])('rejects %j naming %s', (input, field) => {
    const result = parseFaultSpec(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.error.startsWith(`${field}: `)).toBe(true);
    }
  });
});

describe('FaultInjector', () => {
  it('only faults the configured paths', () => {
    const faults = new FaultInjector();
    faults.set(parsed({ status: 500, paths: ['goals'] }));
    expect(faults.take('register')).toBeNull();
    expect(faults.take('goals')?.status).toBe(500);
  });

  it('clears itself after count faulted requests', () => {
    const faults = new FaultInjector();
    faults.set(parsed({ status: 500, count: 2 }));
    expect(faults.take('register')?.count).toBe(2);
    expect(faults.current?.count).toBe(1);
    expect(faults.take('register')).not.toBeNull();
    expect(faults.current).toBeNull();
    expect(faults.take('register')).toBeNull();
  });

  it('faults with the configured probability, spending count only on faulted requests', () => {
    const draws = [0.2, 0.7, 0.49, 0.5];
    const faults = new FaultInjector(() => draws.shift() ?? 1);
    faults.set(parsed({ status: 500, errorRate: 0.5, count: 5 }));
    expect([1, 2, 3, 4].map(() => faults.take('register') !== null)).toEqual([true, false, true, false]);
    expect(faults.current?.count).toBe(3);
  });

  it('never faults at errorRate 0', () => {
    const faults = new FaultInjector(() => 0);
    faults.set(parsed({ status: 500, errorRate: 0 }));
    expect(faults.take('register')).toBeNull();
  });

  it('hands out copies, so callers cannot change the active fault', () => {
    const faults = new FaultInjector();
    faults.set(parsed({ status: 500 }));
    const current = faults.current;
    assert(current, 'the fault is active');
    current.paths.push('goals');
    const taken = faults.take('register');
    assert(taken, 'an errorRate of 1 always faults');
    taken.paths.push('goals');
    expect(faults.current?.paths).toEqual(['register']);
  });

  it('a mix picks at most one fault per request, each with its own share of requests', () => {
    const mix = parseFaults({
      mix: [
        { status: 503, errorRate: 0.3 },
        { hang: 'after-record', errorRate: 0.1 },
        { reset: true, errorRate: 0.1 },
      ],
    });
    assert(mix.ok, 'a valid mix');
    const draws = [0.05, 0.29, 0.3, 0.39, 0.4, 0.49, 0.5, 0.99];
    const faults = new FaultInjector(() => draws.shift() ?? 1);
    faults.set(mix.faults);
    const taken = Array.from({ length: 8 }, () => faults.take('register'));
    expect(taken.map((fault) => fault?.status ?? fault?.hang ?? (fault?.reset ? 'reset' : null))).toEqual([
      503,
      503,
      'after-record',
      'after-record',
      'reset',
      'reset',
      null,
      null,
    ]);
  });

  it("a mix spends each fault's own count", () => {
    const mix = parseFaults({
      mix: [
        { status: 503, errorRate: 0.5, count: 1 },
        { reset: true, errorRate: 0.5 },
      ],
    });
    assert(mix.ok, 'a valid mix');
    const faults = new FaultInjector(() => 0.1);
    faults.set(mix.faults);
    expect(faults.take('register')?.status).toBe(503);
    expect(faults.active).toHaveLength(1);
    expect(faults.take('register')?.reset).toBe(true);
  });

  it.each([
    [{ mix: [] }, 'mix'],
    [{ mix: 'x' }, 'mix'],
    [
      {
        mix: [
          { status: 503, errorRate: 0.7 },
          { reset: true, errorRate: 0.4 },
        ],
      },
      'mix',
    ],
    [{ mix: [{ status: 503 }, { reset: 'yes' }] }, 'mix[1].reset'],
    [{ mix: [{ status: 503, errorRate: 0.1 }], status: 500 }, 'status'],
  ])('refuses the mix %j, naming %s', (input, field) => {
    const result = parseFaults(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field).toBe(field);
  });
});
