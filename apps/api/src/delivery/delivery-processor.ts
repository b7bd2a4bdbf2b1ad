import { Injectable } from '@nestjs/common';
import type { Settings } from '../settings/settings.types';
import { DeliveryRepository } from './delivery.repository';
import type { PlannedDelivery } from './stages/claim';
import { decide, type DecideInput, type UpstreamSignal } from './stages/decide';
import { FinishStage } from './stages/finish';
import { planSend, type PlannedSend } from './stages/plan-first-call';
import { SendStage, type CallAnswer } from './stages/send';

/** Retry a configuration problem this often without using up attempts. */
const NOT_CONFIGURED_RETRY_MS = 30_000;

/**
 * The line one claimed delivery goes down: send its first call → decide → finish; when that call was a
 * goals-feed check that found nothing, the check is closed and the send follows under the same claim:
 * record its attempt → send → decide → finish. The first call's attempt was committed with the claim.
 */
@Injectable()
export class DeliveryProcessor {
  constructor(
    private readonly repo: DeliveryRepository,
    private readonly send: SendStage,
    private readonly finish: FinishStage,
  ) {}

  async process(item: PlannedDelivery, probe: boolean, settings: Settings): Promise<UpstreamSignal> {
    const { delivery, conversion, first, lease } = item;
    if (!first || !settings.afliteApiKey) {
      const written = await this.repo.postpone(lease, Date.now() + NOT_CONFIGURED_RETRY_MS, 'Aflite API key or merchant ID is not set');
      if (written === 'lease-lost') this.finish.leaseLost(item, 'the delivery was not postponed');
      return { upstream: 'none' };
    }
    const on = <A extends CallAnswer>(answer: A): DecideInput & { answer: A } => ({
      answer,
      attemptsUsed: delivery.attemptCount,
      policy: settings,
      probe,
      now: Date.now(),
      jitter: Math.random(),
    });

    const sent = await this.send.run(first, conversion.mref);
    const decision = decide(on(sent.answer));
    if (decision.next === 'finish') {
      await this.finish.run(item, sent, decision);
      return decision.upstream;
    }
    await this.finish.closeCheck(item, sent, decision);
    const send = await this.recordSend(item, settings);
    if (!send) {
      this.finish.leaseLost(item, 'the goal was not sent');
      // The goals feed did answer: that much is known about Aflite.
      return { upstream: 'up' };
    }
    const resent = await this.send.run(send, conversion.mref);
    const outcome = decide(on(resent.answer));
    await this.finish.run(item, resent, outcome);
    return outcome.upstream;
  }

  /** The send after a "not held" check records its in-flight attempt (and flags the delivery) before it leaves. */
  private async recordSend(item: PlannedDelivery, settings: Settings): Promise<(PlannedSend & { attemptId: number }) | null> {
    const call = planSend(item, settings, Date.now());
    const attemptId = await this.repo.recordSendAttempt(item.lease, call.attempt);
    return attemptId === null ? null : { ...call, attemptId };
  }
}
