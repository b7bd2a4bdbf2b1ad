import { Injectable, Logger } from '@nestjs/common';
import { DeliveryRepository, type LeasedWrite } from '../delivery.repository';
import type { PlannedDelivery } from './claim';
import type { FinishDecision, SendDecision } from './decide';
import type { SentCall } from './send';

/** Writes a decision: the attempt with Aflite's answer, the outbox row, the conversion's status. */
@Injectable()
export class FinishStage {
  private readonly logger = new Logger('Delivery');

  constructor(private readonly repo: DeliveryRepository) {}

  async run({ lease, conversion }: Pick<PlannedDelivery, 'lease' | 'conversion'>, sent: SentCall, decision: FinishDecision): Promise<LeasedWrite> {
    const written = await this.repo.finish(lease, conversion.id, {
      attemptId: sent.attemptId,
      attempt: { ...sent.columns, ...decision.attempt },
      delivery: decision.delivery,
      conversion: decision.conversion,
    });
    const log = { deliveryId: lease.deliveryId, conversionId: conversion.id, mref: conversion.mref, owner: lease.owner };
    if (written === 'lease-lost') {
      this.leaseLost({ lease, conversion }, `our attempt was closed as ${decision.attempt.outcome}, the delivery and conversion were left alone`);
    } else if (decision.attempt.outcome === 'reconciled') {
      this.logger.log(log, 'reconciled: Aflite already holds the mref');
    } else if (decision.delivery.state === 'failed') {
      this.logger.warn({ ...log, reason: decision.delivery.lastError }, 'delivery failed');
    }
    return written;
  }

  /** The goals feed said "not held": its attempt is closed before the send that follows under the same claim. */
  async closeCheck({ conversion }: PlannedDelivery, sent: SentCall, decision: SendDecision): Promise<void> {
    await this.repo.closeAttempt(conversion.id, { attemptId: sent.attemptId, attempt: { ...sent.columns, ...decision.attempt }, conversion: null });
  }

  /** The lease ran out and another instance claimed the delivery: whatever this one still meant to write is its to write. */
  leaseLost({ lease, conversion }: Pick<PlannedDelivery, 'lease' | 'conversion'>, consequence: string): void {
    this.logger.warn(
      { deliveryId: lease.deliveryId, conversionId: conversion.id, mref: conversion.mref, owner: lease.owner },
      `lease lost: another instance claimed the delivery and owns it now; ${consequence}`,
    );
  }
}
