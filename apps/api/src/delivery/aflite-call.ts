import { Injectable } from '@nestjs/common';
import { redactRequest, type AfliteRequest } from '@goalpost/aflite';
import type { AttemptKind, AttemptTrigger } from '@goalpost/contracts';
import { AfliteClient, type AfliteCallResult } from './aflite-client';
import type { NewAttempt } from './delivery.repository';

/** The attempt columns that describe Aflite's answer; outcome and reason are decided elsewhere. */
export type AnswerColumns = Partial<Pick<NewAttempt, 'statusCode' | 'responseHeaders' | 'responseBody' | 'errorCode' | 'durationMs'>>;

export interface RecordedCall {
  attemptId: number;
  result: AfliteCallResult;
  answer: AnswerColumns;
}

export interface CallMeta {
  conversionId: number;
  kind: AttemptKind;
  trigger: AttemptTrigger;
}

/** The in-flight attempt row for a call, key redacted; committed before the call leaves. */
export function describeAttempt(req: AfliteRequest, meta: CallMeta, startedAt: number): NewAttempt {
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
    startedAt,
  };
}

/** One call to Aflite whose in-flight attempt is already committed, described when it returns (the client has redacted the answer). */
@Injectable()
export class AfliteCall {
  constructor(private readonly client: AfliteClient) {}

  async send(req: AfliteRequest, attemptId: number): Promise<RecordedCall> {
    const result = await this.client.call(req);
    const answer: AnswerColumns =
      'response' in result
        ? {
            statusCode: result.response.status,
            responseHeaders: JSON.stringify(result.response.headers),
            responseBody: result.response.body,
            durationMs: result.durationMs,
          }
        : { errorCode: result.error.code, durationMs: result.durationMs };
    return { attemptId, result, answer };
  }
}
