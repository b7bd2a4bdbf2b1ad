import type { AttemptOutcome } from '@goalpost/contracts';
import type { Classification } from '@goalpost/aflite';
import type { RetryPolicy } from '../../settings/settings.types';
import { nextRetryDelay } from '../backoff';
import type { ConversionChange, DeliveryChange } from '../delivery.repository';
import type { CallAnswer, FeedCheck, SendAnswer } from './send';

/** What one processed delivery says about Aflite, for the circuit breaker. */
export interface UpstreamSignal {
  upstream: 'up' | 'down' | 'none';
  /** Why Aflite counts as down, shown on the health page and dashboard banner. */
  reason?: string;
}

export interface DecideInput {
  answer: CallAnswer;
  /** Attempts the delivery had used before this call. */
  attemptsUsed: number;
  policy: RetryPolicy;
  /** The half-open circuit's one probe: its failure says Aflite is still down, so it costs the delivery no attempt. */
  probe: boolean;
  now: number;
  /** In [0, 1): the random half of the backoff, drawn by the caller so that deciding stays pure. */
  jitter: number;
}

export interface AttemptVerdict {
  outcome: AttemptOutcome;
  reason: string;
}

/** The delivery is done with for now: what its attempt, outbox row and conversion become. */
export interface FinishDecision {
  next: 'finish';
  attempt: AttemptVerdict;
  delivery: DeliveryChange;
  conversion: ConversionChange | null;
  upstream: UpstreamSignal;
}

/** The goals feed does not hold the mref: close the check and send now, under the same claim. */
export interface SendDecision {
  next: 'send';
  attempt: AttemptVerdict;
}

export type Decision = FinishDecision | SendDecision;

/** Turns Aflite's answer into the delivery's next state. Nothing here reads a clock, a database or the network. */
export function decide(input: DecideInput & { answer: SendAnswer }): FinishDecision;
export function decide(input: DecideInput): Decision;
export function decide(input: DecideInput): Decision {
  return input.answer.kind === 'send' ? afterSend(input.answer.verdict, input) : afterFeedCheck(input.answer.feed, input);
}

function afterSend(verdict: Classification, input: DecideInput): FinishDecision {
  const settled = { needsReconcile: false, forceSend: false, nextTrigger: 'auto' as const };
  const attemptCount = input.attemptsUsed + 1;
  switch (verdict.outcome) {
    case 'delivered':
      return {
        next: 'finish',
        attempt: { outcome: 'delivered', reason: verdict.reason },
        delivery: { state: 'delivered', attemptCount, lastError: null, ...settled },
        conversion: { status: 'delivered', deliveredAt: input.now },
        upstream: { upstream: 'up' },
      };
    case 'failed':
      return {
        next: 'finish',
        attempt: { outcome: 'failed', reason: verdict.reason },
        delivery: { state: 'failed', attemptCount, lastError: verdict.reason, ...settled },
        conversion: { status: 'failed' },
        upstream: { upstream: 'up' },
      };
    case 'retry':
    case 'ambiguous': {
      // Only an ambiguous answer (Aflite may have stored the goal) needs the goals feed before the next send.
      const delivery = retryOrGiveUp(verdict.reason, verdict.outcome === 'ambiguous', input, verdict.retryAfterMs);
      const gaveUp = delivery.state === 'failed';
      return {
        next: 'finish',
        attempt: { outcome: gaveUp ? 'failed' : verdict.outcome, reason: verdict.reason },
        delivery,
        conversion: gaveUp ? { status: 'failed' } : null,
        upstream: { upstream: 'down', reason: verdict.reason },
      };
    }
  }
}

function afterFeedCheck(feed: FeedCheck, input: DecideInput): Decision {
  switch (feed.result) {
    case 'held':
      return {
        next: 'finish',
        attempt: { outcome: 'reconciled', reason: 'Aflite already holds this mref; not sent again' },
        delivery: { state: 'delivered', needsReconcile: false, forceSend: false, reconciled: true, lastError: null, nextTrigger: 'auto' },
        conversion: { status: 'delivered', deliveredAt: input.now },
        upstream: { upstream: 'up' },
      };
    case 'not-held':
      return { next: 'send', attempt: { outcome: 'not-found', reason: 'Aflite does not hold this mref yet: sending' } };
    case 'failed': {
      const reason = `Goals feed check failed: ${feed.reason}`;
      // Still unknown whether Aflite holds the mref: the next try asks the feed again.
      const delivery = retryOrGiveUp(reason, true, input);
      return {
        next: 'finish',
        attempt: { outcome: 'retry', reason },
        delivery,
        conversion: delivery.state === 'failed' ? { status: 'failed' } : null,
        upstream: { upstream: 'down', reason },
      };
    }
  }
}

/** A call that failed upstream: back off and try again, or give up once the attempts are used up. */
function retryOrGiveUp(reason: string, needsReconcile: boolean, input: DecideInput, retryAfterMs?: number): DeliveryChange & { state: 'pending' | 'failed' } {
  const attemptCount = input.probe ? input.attemptsUsed : input.attemptsUsed + 1;
  const common = { attemptCount, needsReconcile, forceSend: false, nextTrigger: 'auto' as const };
  if (attemptCount >= input.policy.maxAttempts) {
    return { state: 'failed', ...common, lastError: `Gave up after ${attemptCount} attempts: ${reason}`.slice(0, 500) };
  }
  const delay = nextRetryDelay(attemptCount, input.policy, retryAfterMs, () => input.jitter);
  return { state: 'pending', ...common, nextAttemptAt: input.now + delay, lastError: reason.slice(0, 500) };
}
