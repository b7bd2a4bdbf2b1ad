import { Injectable } from '@nestjs/common';
import { redactRequest, scrubSecret, type AfliteRequest } from '@goalpost/aflite';
import type { AttemptKind, AttemptTrigger } from '@goalpost/contracts';
import { AfliteClient, type AfliteCallResult } from './aflite-client';
import type { DeliveryOutcome, NewAttempt } from './delivery.repository';
import { DeliveryRepository } from './delivery.repository';

export interface RecordedCall {
  attemptId: number;
  result: AfliteCallResult;
  /** The attempt columns describing the answer; the caller adds outcome and reason. */
  answer: Omit<DeliveryOutcome['attempt'], 'outcome'>;
}

export interface CallMeta {
  deliveryId: number | null;
  conversionId: number;
  kind: AttemptKind;
  trigger: AttemptTrigger;
}

/** One call to Aflite, recorded as an attempt before it leaves and described (key scrubbed) after it returns. */
@Injectable()
export class AfliteCall {
  constructor(
    private readonly client: AfliteClient,
    private readonly repo: DeliveryRepository,
  ) {}

  async run(req: AfliteRequest, apiKey: string, meta: CallMeta): Promise<RecordedCall> {
    const attemptId = await this.repo.startAttempt(meta.deliveryId, this.describe(req, meta));
    return this.send(req, apiKey, attemptId);
  }

  /** The in-flight attempt row for a call, key redacted; committed before the call leaves. */
  describe(req: AfliteRequest, meta: CallMeta): NewAttempt {
    const redacted = redactRequest(req);
    return {
      conversionId: meta.conversionId,
      kind: meta.kind,
      trigger: meta.trigger,
      method: redacted.method,
      url: redacted.url,
      params: JSON.stringify(redacted.params),
      statusCode: null,
      responseHeaders: null,
      responseBody: null,
      errorCode: null,
      outcome: 'in-flight',
      reason: null,
      durationMs: null,
      startedAt: Date.now(),
    };
  }

  /** Sends a call whose in-flight attempt is already committed. */
  async send(req: AfliteRequest, apiKey: string, attemptId: number): Promise<RecordedCall> {
    const result = await this.client.call(req);
    const answer =
      'response' in result
        ? {
            statusCode: result.response.status,
            responseHeaders: JSON.stringify(result.response.headers),
            responseBody: scrubSecret(result.response.body, apiKey),
            durationMs: result.durationMs,
          }
        : { errorCode: result.error.code, durationMs: result.durationMs };
    return { attemptId, result, answer };
  }
}
