import type { DeliveryAttemptResponse } from '@goalpost/contracts';
import type { DeliveryAttemptEntity } from './delivery-attempt.entity';

export function toAttemptResponse(a: DeliveryAttemptEntity): DeliveryAttemptResponse {
  return {
    id: a.id,
    kind: a.kind,
    trigger: a.trigger,
    method: a.method,
    url: a.url,
    params: JSON.parse(a.params) as Record<string, string>,
    statusCode: a.statusCode,
    responseHeaders: a.responseHeaders ? (JSON.parse(a.responseHeaders) as Record<string, string>) : {},
    responseBody: a.responseBody,
    errorCode: a.errorCode,
    outcome: a.outcome,
    reason: a.reason,
    durationMs: a.durationMs,
    startedAt: new Date(a.startedAt).toISOString(),
  };
}
