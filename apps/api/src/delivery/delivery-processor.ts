import { Injectable, Logger } from '@nestjs/common';
import { classifyGoalsFeed, classifyRegisterGoal, feedHoldsMref } from '@goalpost/aflite';
import type { Settings } from '../settings/settings.types';
import { AfliteCall } from './aflite-call';
import { nextRetryDelay } from './backoff';
import { ClaimedDelivery, DeliveryRepository } from './delivery.repository';
import type { PlannedDelivery } from './stages/claim';
import { planSend, type PlannedCall } from './stages/plan-first-call';

/** What one processed delivery says about Aflite, for the circuit breaker. */
export interface UpstreamSignal {
  upstream: 'up' | 'down' | 'none';
  /** Why Aflite counts as down, shown on the health page and dashboard banner. */
  reason?: string;
}

/** Retry a configuration problem this often without using up attempts. */
const NOT_CONFIGURED_RETRY_MS = 30_000;

@Injectable()
export class DeliveryProcessor {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly repo: DeliveryRepository,
    private readonly call: AfliteCall,
  ) {}

  /**
   * Delivers one claimed conversion: asks the goals feed first when an earlier send may have reached Aflite,
   * then sends, classifies the answer and commits attempt, outbox row and conversion status together.
   * A probe (half-open circuit) that fails does not use up an attempt. The first call's attempt was
   * committed with the claim; a send after a "not found" feed check records its own first.
   */
  async process({ delivery, conversion, first }: PlannedDelivery, probe: boolean, settings: Settings): Promise<UpstreamSignal> {
    if (!first || !settings.afliteApiKey) {
      await this.repo.postpone(delivery.id, Date.now() + NOT_CONFIGURED_RETRY_MS, 'Aflite API key or merchant ID is not set');
      return { upstream: 'none' };
    }
    const apiKey = settings.afliteApiKey;

    if (first.kind === 'reconcile') {
      const { attemptId, result, answer } = await this.call.send(first.req, apiKey, first.attemptId);
      const feed = 'response' in result ? classifyGoalsFeed(result.response) : { ok: false as const, reason: `${result.error.code}${result.error.message ? `: ${result.error.message}` : ''}` };
      if (feed.ok && feedHoldsMref(feed.goals, conversion.mref)) {
        await this.repo.finish(delivery.id, conversion.id, {
          attemptId,
          attempt: { ...answer, outcome: 'reconciled', reason: 'Aflite already holds this mref; not sent again' },
          delivery: { state: 'delivered', needsReconcile: false, forceSend: false, reconciled: true, lastError: null, nextTrigger: 'auto' },
          conversionStatus: 'delivered',
          deliveredAt: Date.now(),
        });
        this.logger.log({ conversionId: conversion.id, mref: conversion.mref }, 'reconciled: Aflite already holds the mref');
        return { upstream: 'up' };
      }
      if (!feed.ok) {
        const attempts = probe ? delivery.attemptCount : delivery.attemptCount + 1;
        const reason = `Goals feed check failed: ${feed.reason}`;
        await this.repo.finish(delivery.id, conversion.id, {
          attemptId,
          attempt: { ...answer, outcome: 'retry', reason },
          delivery: this.retryOrGiveUp(attempts, settings, reason, true),
          conversionStatus: attempts >= settings.maxAttempts ? 'failed' : undefined,
        });
        return { upstream: 'down', reason };
      }
      await this.repo.finish(null, conversion.id, { attemptId, attempt: { ...answer, outcome: 'not-found', reason: 'Aflite does not hold this mref yet: sending' } });
    }

    const send = first.kind === 'send' ? first : await this.recordSend({ delivery, conversion }, settings);
    const { attemptId, result, answer } = await this.call.send(send.req, apiKey, send.attemptId);
    const verdict = classifyRegisterGoal(result);
    const upstreamFailed = verdict.outcome === 'retry' || verdict.outcome === 'ambiguous';
    const attempts = probe && upstreamFailed ? delivery.attemptCount : delivery.attemptCount + 1;

    if (verdict.outcome === 'delivered') {
      await this.repo.finish(delivery.id, conversion.id, {
        attemptId,
        attempt: { ...answer, outcome: 'delivered', reason: verdict.reason },
        delivery: { state: 'delivered', attemptCount: attempts, needsReconcile: false, forceSend: false, lastError: null, nextTrigger: 'auto' },
        conversionStatus: 'delivered',
        deliveredAt: Date.now(),
      });
      return { upstream: 'up' };
    }
    if (verdict.outcome === 'failed') {
      await this.repo.finish(delivery.id, conversion.id, {
        attemptId,
        attempt: { ...answer, outcome: 'failed', reason: verdict.reason },
        delivery: { state: 'failed', attemptCount: attempts, needsReconcile: false, forceSend: false, lastError: verdict.reason, nextTrigger: 'auto' },
        conversionStatus: 'failed',
      });
      this.logger.warn({ conversionId: conversion.id, mref: conversion.mref, reason: verdict.reason }, 'delivery failed');
      return { upstream: 'up' };
    }
    const ambiguous = verdict.outcome === 'ambiguous';
    const next = this.retryOrGiveUp(attempts, settings, verdict.reason, ambiguous, verdict.retryAfterMs);
    await this.repo.finish(delivery.id, conversion.id, {
      attemptId,
      attempt: { ...answer, outcome: next.state === 'failed' ? 'failed' : verdict.outcome, reason: verdict.reason },
      delivery: next,
      conversionStatus: next.state === 'failed' ? 'failed' : undefined,
    });
    return { upstream: 'down', reason: verdict.reason };
  }

  private async recordSend(claimed: ClaimedDelivery, settings: Settings): Promise<PlannedCall & { attemptId: number }> {
    const call = planSend(claimed, settings, Date.now());
    return { ...call, attemptId: await this.repo.startAttempt(claimed.delivery.id, call.attempt) };
  }

  private retryOrGiveUp(attempts: number, settings: Settings, reason: string, needsReconcile: boolean, retryAfterMs?: number) {
    if (attempts >= settings.maxAttempts) {
      return {
        state: 'failed' as const,
        attemptCount: attempts,
        needsReconcile,
        forceSend: false,
        nextTrigger: 'auto' as const,
        lastError: `Gave up after ${attempts} attempts: ${reason}`.slice(0, 500),
      };
    }
    return {
      state: 'pending' as const,
      attemptCount: attempts,
      needsReconcile,
      forceSend: false,
      nextTrigger: 'auto' as const,
      nextAttemptAt: Date.now() + nextRetryDelay(attempts, settings, retryAfterMs),
      lastError: reason.slice(0, 500),
    };
  }
}
