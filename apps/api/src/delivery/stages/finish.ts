import { Injectable, Logger } from '@nestjs/common';
import { DeliveryRepository } from '../delivery.repository';
import type { PlannedDelivery } from './claim';
import type { FinishDecision, SendDecision } from './decide';
import type { SentCall } from './send';

/** Writes a decision: the attempt with Aflite's answer, the outbox row, the conversion's status. */
@Injectable()
export class FinishStage {
  private readonly logger = new Logger('Delivery');

  constructor(private readonly repo: DeliveryRepository) {}

  async run({ delivery, conversion }: PlannedDelivery, sent: SentCall, decision: FinishDecision): Promise<void> {
    await this.repo.finish(delivery.id, conversion.id, {
      attemptId: sent.attemptId,
      attempt: { ...sent.columns, ...decision.attempt },
      delivery: decision.delivery,
      conversion: decision.conversion,
    });
    const log = { deliveryId: delivery.id, conversionId: conversion.id, mref: conversion.mref };
    if (decision.attempt.outcome === 'reconciled') this.logger.log(log, 'reconciled: Aflite already holds the mref');
    else if (decision.delivery.state === 'failed') this.logger.warn({ ...log, reason: decision.delivery.lastError }, 'delivery failed');
  }

  /** The goals feed said "not held": its attempt is closed before the send that follows under the same claim. */
  async closeCheck({ conversion }: PlannedDelivery, sent: SentCall, decision: SendDecision): Promise<void> {
    await this.repo.closeAttempt(conversion.id, { attemptId: sent.attemptId, attempt: { ...sent.columns, ...decision.attempt }, conversion: null });
  }
}
