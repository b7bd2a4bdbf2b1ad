import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { buildRegisterGoalRequest } from '@goalpost/aflite';
import type { DeliveryAttemptResponse } from '@goalpost/contracts';
import { Repository } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { ConversionEntity } from '../conversions/conversion.entity';
import { SettingsService } from '../settings/settings.service';
import { AfliteCall, describeAttempt } from './aflite-call';
import { toAttemptResponse } from './attempt-mapper';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryRepository } from './delivery.repository';
import { classifySend } from './stages/send';

/** Sends a trace-only conversion at once (traceOnly=1) and returns exactly what was sent and answered. No retries: the merchant is watching. */
@Injectable()
export class TestSender {
  constructor(
    private readonly settings: SettingsService,
    private readonly call: AfliteCall,
    private readonly repo: DeliveryRepository,
    @InjectRepository(DeliveryAttemptEntity) private readonly attempts: Repository<DeliveryAttemptEntity>,
    @InjectRepository(ConversionEntity) private readonly conversions: Repository<ConversionEntity>,
  ) {}

  async send(conversion: ConversionEntity): Promise<{ conversion: ConversionEntity; attempt: DeliveryAttemptResponse }> {
    const settings = await this.settings.get();
    if (!settings.afliteApiKey || !settings.afliteMid) {
      throw new DomainError(DomainErrorCode.AfliteNotConfigured, 'Set the Aflite API key and merchant ID in Settings first', 'afliteApiKey');
    }
    const req = buildRegisterGoalRequest(
      settings.afliteBaseUrl,
      {
        apiKey: settings.afliteApiKey,
        merchantId: settings.afliteMid,
        clickSessionId: conversion.clickSessionId ?? '',
        goalId: conversion.afliteGoalId,
        merchantRef: conversion.mref,
        valueMinor: conversion.valueMinor,
        traceOnly: true,
      },
      settings.afliteMethod,
    );
    const inFlight = describeAttempt(req, { conversionId: conversion.id, kind: 'send', trigger: 'test' }, Date.now());
    const { attemptId, result, answer } = await this.call.send(req, await this.repo.recordAttempt(inFlight));
    const verdict = classifySend(result, conversion.mref);
    const delivered = verdict.outcome === 'delivered';
    await this.repo.closeAttempt(conversion.id, {
      attemptId,
      attempt: { ...answer, outcome: delivered ? 'delivered' : 'failed', reason: verdict.reason },
      conversion: delivered ? { status: 'delivered', deliveredAt: Date.now() } : { status: 'failed' },
    });
    const [attempt, stored] = await Promise.all([this.attempts.findOneByOrFail({ id: attemptId }), this.conversions.findOneByOrFail({ id: conversion.id })]);
    return { conversion: stored, attempt: toAttemptResponse(attempt) };
  }
}
