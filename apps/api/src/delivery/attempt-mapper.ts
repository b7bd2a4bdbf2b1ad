import { keptHeaders } from '@goalpost/aflite';
import type { DeliveryAttemptResponse } from '@goalpost/contracts';
import type { DeliveryAttemptEntity } from './delivery-attempt.entity';

/** Answers are redacted before they are stored; the header allow-list is applied again for rows stored before it existed. */
export function toAttemptResponse(a: DeliveryAttemptEntity): DeliveryAttemptResponse {
  return {
    id: a.id,
    kind: a.kind,
    trigger: a.trigger,
    method: a.method,
    url: a.url,
    params: JSON.parse(a.params) as Record<string, string>,
    statusCode: a.statusCode,
    responseHeaders: a.responseHeaders ? keptHeaders(JSON.parse(a.responseHeaders) as Record<string, string>, '') : {},
    responseBody: a.responseBody,
    errorCode: a.errorCode,
    outcome: a.outcome,
    reason: a.reason,
    durationMs: a.durationMs,
    startedAt: new Date(a.startedAt).toISOString(),
  };
}
