import { classifyRegisterGoal, type AfliteResponse, type NetworkFailure } from '@goalpost/aflite';
import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import { describe, expect, it } from 'vitest';
import type { DeliveryState } from '../delivery.entity';
import { decide, type DecideInput } from './decide';
import type { CallAnswer, FeedCheck, SendAnswer } from './send';

const NOW = Date.parse('2024-11-01T12:00:00Z');
/** With jitter 0 the delay is half the exponential step: 500 ms after attempt 1, 1 s after 2, 2 s after 3. */
const POLICY = { maxAttempts: 4, retryBaseMs: 1_000, retryMaxMs: 60_000 };

const answer = (status: number, body = '', headers: Record<string, string> = {}): SendAnswer => {
  const response: AfliteResponse = { status, headers, body };
  return { kind: 'send', verdict: classifyRegisterGoal({ response, merchantRef: 'ORDER-1' }) };
};
const networkError = (error: NetworkFailure): SendAnswer => ({ kind: 'send', verdict: classifyRegisterGoal({ error }) });
const feed = (check: FeedCheck): CallAnswer => ({ kind: 'reconcile', feed: check });

const DELIVERED = answer(200, 'OK goal registered mref=ORDER-1');
const FAILED = answer(400, 'ERROR: missing parameter value');
const RETRY = answer(503, 'Service Unavailable');
const AMBIGUOUS = answer(500, 'Internal Server Error');
const RETRY_AFTER = answer(429, 'Too Many Requests', { 'retry-after': '120' });
const NOT_SENT = networkError({ code: 'ECONNREFUSED', requestSent: false });
const NO_ANSWER = networkError({ code: 'UND_ERR_HEADERS_TIMEOUT', requestSent: true });
const HELD = feed({ result: 'held' });
const NOT_HELD = feed({ result: 'not-held' });
const FEED_FAILED = feed({ result: 'failed', reason: 'HTTP 502 (empty body)' });

const input = <A extends CallAnswer>(a: A, attemptsUsed: number, probe: boolean): DecideInput & { answer: A } => ({
  answer: a,
  attemptsUsed,
  policy: POLICY,
  probe,
  now: NOW,
  jitter: 0,
});

type Row = [
  name: string,
  answer: CallAnswer,
  used: number,
  probe: boolean,
  state: DeliveryState | 'send now',
  /** null: the attempt count is left as it was. */
  attemptCount: number | null,
  attempt: AttemptOutcome,
  needsReconcile: boolean | null,
  retryInMs: number | null,
  conversion: ConversionStatus | null,
  upstream: 'up' | 'down' | null,
];

// Attempts used before the call: 0 (first), 2 (below the maximum of 4 after it), 3 (this one reaches it).
const TABLE: Row[] = [
  // answer               used  probe  state        count attempt        reconcile  retry in  conversion   upstream
  ['delivered', DELIVERED, 0, false, 'delivered', 1, 'delivered', false, null, 'delivered', 'up'],
  ['delivered', DELIVERED, 0, true, 'delivered', 1, 'delivered', false, null, 'delivered', 'up'],
  ['delivered', DELIVERED, 2, false, 'delivered', 3, 'delivered', false, null, 'delivered', 'up'],
  ['delivered', DELIVERED, 2, true, 'delivered', 3, 'delivered', false, null, 'delivered', 'up'],
  ['delivered', DELIVERED, 3, false, 'delivered', 4, 'delivered', false, null, 'delivered', 'up'],
  ['delivered', DELIVERED, 3, true, 'delivered', 4, 'delivered', false, null, 'delivered', 'up'],

  ['failed (400)', FAILED, 0, false, 'failed', 1, 'failed', false, null, 'failed', 'up'],
  ['failed (400)', FAILED, 0, true, 'failed', 1, 'failed', false, null, 'failed', 'up'],
  ['failed (400)', FAILED, 2, false, 'failed', 3, 'failed', false, null, 'failed', 'up'],
  ['failed (400)', FAILED, 2, true, 'failed', 3, 'failed', false, null, 'failed', 'up'],
  ['failed (400)', FAILED, 3, false, 'failed', 4, 'failed', false, null, 'failed', 'up'],
  ['failed (400)', FAILED, 3, true, 'failed', 4, 'failed', false, null, 'failed', 'up'],

  ['retry (503)', RETRY, 0, false, 'pending', 1, 'retry', false, 500, null, 'down'],
  ['retry (503)', RETRY, 0, true, 'pending', 0, 'retry', false, 500, null, 'down'],
  ['retry (503)', RETRY, 2, false, 'pending', 3, 'retry', false, 2_000, null, 'down'],
  ['retry (503)', RETRY, 2, true, 'pending', 2, 'retry', false, 1_000, null, 'down'],
  ['retry (503)', RETRY, 3, false, 'failed', 4, 'failed', false, null, 'failed', 'down'],
  ['retry (503)', RETRY, 3, true, 'pending', 3, 'retry', false, 2_000, null, 'down'],

  ['ambiguous (500)', AMBIGUOUS, 0, false, 'pending', 1, 'ambiguous', true, 500, null, 'down'],
  ['ambiguous (500)', AMBIGUOUS, 0, true, 'pending', 0, 'ambiguous', true, 500, null, 'down'],
  ['ambiguous (500)', AMBIGUOUS, 2, false, 'pending', 3, 'ambiguous', true, 2_000, null, 'down'],
  ['ambiguous (500)', AMBIGUOUS, 2, true, 'pending', 2, 'ambiguous', true, 1_000, null, 'down'],
  ['ambiguous (500)', AMBIGUOUS, 3, false, 'failed', 4, 'failed', true, null, 'failed', 'down'],
  ['ambiguous (500)', AMBIGUOUS, 3, true, 'pending', 3, 'ambiguous', true, 2_000, null, 'down'],

  ['Retry-After (429)', RETRY_AFTER, 0, false, 'pending', 1, 'retry', false, 120_000, null, 'down'],
  ['Retry-After (429)', RETRY_AFTER, 0, true, 'pending', 0, 'retry', false, 120_000, null, 'down'],
  ['Retry-After (429)', RETRY_AFTER, 2, false, 'pending', 3, 'retry', false, 120_000, null, 'down'],
  ['Retry-After (429)', RETRY_AFTER, 2, true, 'pending', 2, 'retry', false, 120_000, null, 'down'],
  ['Retry-After (429)', RETRY_AFTER, 3, false, 'failed', 4, 'failed', false, null, 'failed', 'down'],
  ['Retry-After (429)', RETRY_AFTER, 3, true, 'pending', 3, 'retry', false, 120_000, null, 'down'],

  ['network, not sent', NOT_SENT, 0, false, 'pending', 1, 'retry', false, 500, null, 'down'],
  ['network, not sent', NOT_SENT, 0, true, 'pending', 0, 'retry', false, 500, null, 'down'],
  ['network, not sent', NOT_SENT, 2, false, 'pending', 3, 'retry', false, 2_000, null, 'down'],
  ['network, not sent', NOT_SENT, 2, true, 'pending', 2, 'retry', false, 1_000, null, 'down'],
  ['network, not sent', NOT_SENT, 3, false, 'failed', 4, 'failed', false, null, 'failed', 'down'],
  ['network, not sent', NOT_SENT, 3, true, 'pending', 3, 'retry', false, 2_000, null, 'down'],

  ['network, no answer', NO_ANSWER, 0, false, 'pending', 1, 'ambiguous', true, 500, null, 'down'],
  ['network, no answer', NO_ANSWER, 0, true, 'pending', 0, 'ambiguous', true, 500, null, 'down'],
  ['network, no answer', NO_ANSWER, 2, false, 'pending', 3, 'ambiguous', true, 2_000, null, 'down'],
  ['network, no answer', NO_ANSWER, 2, true, 'pending', 2, 'ambiguous', true, 1_000, null, 'down'],
  ['network, no answer', NO_ANSWER, 3, false, 'failed', 4, 'failed', true, null, 'failed', 'down'],
  ['network, no answer', NO_ANSWER, 3, true, 'pending', 3, 'ambiguous', true, 2_000, null, 'down'],

  ['feed holds the mref', HELD, 0, false, 'delivered', null, 'reconciled', false, null, 'delivered', 'up'],
  ['feed holds the mref', HELD, 0, true, 'delivered', null, 'reconciled', false, null, 'delivered', 'up'],
  ['feed holds the mref', HELD, 2, false, 'delivered', null, 'reconciled', false, null, 'delivered', 'up'],
  ['feed holds the mref', HELD, 2, true, 'delivered', null, 'reconciled', false, null, 'delivered', 'up'],
  ['feed holds the mref', HELD, 3, false, 'delivered', null, 'reconciled', false, null, 'delivered', 'up'],
  ['feed holds the mref', HELD, 3, true, 'delivered', null, 'reconciled', false, null, 'delivered', 'up'],

  ['feed: not held', NOT_HELD, 0, false, 'send now', null, 'not-found', null, null, null, null],
  ['feed: not held', NOT_HELD, 0, true, 'send now', null, 'not-found', null, null, null, null],
  ['feed: not held', NOT_HELD, 2, false, 'send now', null, 'not-found', null, null, null, null],
  ['feed: not held', NOT_HELD, 2, true, 'send now', null, 'not-found', null, null, null, null],
  ['feed: not held', NOT_HELD, 3, false, 'send now', null, 'not-found', null, null, null, null],
  ['feed: not held', NOT_HELD, 3, true, 'send now', null, 'not-found', null, null, null, null],

  ['feed failed', FEED_FAILED, 0, false, 'pending', 1, 'retry', true, 500, null, 'down'],
  ['feed failed', FEED_FAILED, 0, true, 'pending', 0, 'retry', true, 500, null, 'down'],
  ['feed failed', FEED_FAILED, 2, false, 'pending', 3, 'retry', true, 2_000, null, 'down'],
  ['feed failed', FEED_FAILED, 2, true, 'pending', 2, 'retry', true, 1_000, null, 'down'],
  ['feed failed', FEED_FAILED, 3, false, 'failed', 4, 'retry', true, null, 'failed', 'down'],
  ['feed failed', FEED_FAILED, 3, true, 'pending', 3, 'retry', true, 2_000, null, 'down'],
];

describe('decide', () => {
  it.each(TABLE)('%s, %i attempts used, probe %s', (_name, a, used, probe, state, attemptCount, attempt, needsReconcile, retryInMs, conversion, upstream) => {
    const decision = decide(input(a, used, probe));
    expect(decision.attempt.outcome).toBe(attempt);
    if (state === 'send now') {
      expect(decision.next).toBe('send');
      return;
    }
    if (decision.next !== 'finish') throw new Error(`expected a finish, got ${decision.next}`);
    expect(decision.delivery).toMatchObject({ state, needsReconcile, forceSend: false, nextTrigger: 'auto' });
    expect(decision.delivery.attemptCount).toBe(attemptCount ?? undefined);
    expect(decision.delivery.nextAttemptAt).toBe(retryInMs === null ? undefined : NOW + retryInMs);
    expect(decision.conversion?.status ?? null).toBe(conversion);
    expect(decision.upstream.upstream).toBe(upstream);
  });

  it('stamps a delivered conversion with the time of the decision', () => {
    for (const a of [DELIVERED, HELD]) {
      const decision = decide(input(a, 0, false));
      expect(decision.next === 'finish' && decision.conversion).toEqual({ status: 'delivered', deliveredAt: NOW });
    }
    expect(decide(input(FAILED, 0, false)).conversion).toEqual({ status: 'failed' });
  });

  it('marks only a reconciled delivery as reconciled', () => {
    const held = decide(input(HELD, 1, false));
    expect(held.next === 'finish' && held.delivery.reconciled).toBe(true);
    expect(decide(input(DELIVERED, 1, false)).delivery.reconciled).toBeUndefined();
  });

  it('keeps the last error for the dashboard, and says when it gave up', () => {
    expect(decide(input(DELIVERED, 1, false)).delivery.lastError).toBeNull();
    expect(decide(input(FAILED, 0, false)).delivery.lastError).toBe('HTTP 400: ERROR: missing parameter value');
    expect(decide(input(RETRY, 0, false)).delivery.lastError).toBe('HTTP 503: Service Unavailable');
    expect(decide(input(RETRY, 3, false)).delivery.lastError).toBe('Gave up after 4 attempts: HTTP 503: Service Unavailable');
    const feedFailed = decide(input(FEED_FAILED, 3, false));
    expect(feedFailed.next === 'finish' && feedFailed.delivery.lastError).toBe('Gave up after 4 attempts: Goals feed check failed: HTTP 502 (empty body)');
  });

  it('tells the breaker why Aflite counts as down', () => {
    expect(decide(input(NO_ANSWER, 0, false)).upstream).toEqual({ upstream: 'down', reason: 'no answer after the request was sent: UND_ERR_HEADERS_TIMEOUT' });
    const feedFailed = decide(input(FEED_FAILED, 0, false));
    expect(feedFailed.next === 'finish' && feedFailed.upstream).toEqual({ upstream: 'down', reason: 'Goals feed check failed: HTTP 502 (empty body)' });
    expect(decide(input(FAILED, 0, false)).upstream).toEqual({ upstream: 'up' });
  });

  it('spreads retries with the jitter it is given', () => {
    // Attempt 1 of a 1 s base: 500 ms fixed plus up to 500 ms of jitter.
    expect(decide({ ...input(RETRY, 0, false), jitter: 0.5 }).delivery.nextAttemptAt).toBe(NOW + 750);
    expect(decide({ ...input(RETRY, 0, false), jitter: 0.999 }).delivery.nextAttemptAt).toBe(NOW + 1_000);
  });

  it('cuts a long reason to the last_error column', () => {
    const long = feed({ result: 'failed', reason: 'x'.repeat(600) });
    const decision = decide(input(long, 0, false));
    expect(decision.next === 'finish' && decision.delivery.lastError?.length).toBe(500);
  });
});
