import { inspectBody } from './body-signals';
import { describeStatus, headerValue } from './http';
import type { NetworkFailure } from './network-error';
import { redactUrl } from './redact';
import { parseRetryAfter } from './retry-after';

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'ambiguous';

export interface AfliteResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Classification {
  outcome: DeliveryOutcome;
  reason: string;
  retryAfterMs?: number;
  /** Aflite says it already holds this mref: resending would only add another error. */
  duplicate?: boolean;
}

/** `merchantRef`, when given, keeps words inside the merchant's own reference from being read as a verdict. */
export type RegisterGoalResult = ({ response: AfliteResponse } | { error: NetworkFailure }) & {
  merchantRef?: string;
};

// Answers that say the request was not processed; resending is safe.
const RETRY_STATUSES = new Set([408, 425, 429, 503]);

export function classifyRegisterGoal(result: RegisterGoalResult, now: Date = new Date()): Classification {
  if ('error' in result) return classifyNetworkFailure(result.error);
  const { status, headers, body } = result.response;
  const summary = describeStatus(status, body);

  if (status >= 200 && status < 300) {
    const signal = inspectBody(body, result.merchantRef);
    if (!signal.rejected) return { outcome: 'delivered', reason: summary };
    return withDuplicate({ outcome: 'failed', reason: `rejected in body: ${summary}` }, signal.duplicate);
  }
  if (status >= 300 && status < 400) {
    return { outcome: 'failed', reason: describeRedirect(status, headerValue(headers, 'location')) };
  }
  const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'), now);
  if (RETRY_STATUSES.has(status)) return withRetryAfter({ outcome: 'retry', reason: summary }, retryAfterMs);
  if (status >= 500 && status < 600) {
    // A 500/502/504 can come after Aflite stored the goal (a proxy timing out, a crash after the
    // write), so the delivery worker must check the goals feed before sending again.
    return withRetryAfter({ outcome: 'ambiguous', reason: summary }, retryAfterMs);
  }
  if (status >= 400 && status < 500) {
    return withDuplicate({ outcome: 'failed', reason: summary }, status === 409 || inspectBody(body, result.merchantRef).duplicate);
  }
  return { outcome: 'ambiguous', reason: `unexpected ${summary}` };
}

function classifyNetworkFailure(error: NetworkFailure): Classification {
  const detail = error.message ? `${error.code} (${error.message})` : error.code;
  if (!error.requestSent) return { outcome: 'retry', reason: `request not sent: ${detail}` };
  return { outcome: 'ambiguous', reason: `no answer after the request was sent: ${detail}` };
}

function describeRedirect(status: number, location: string | undefined): string {
  if (!location) return `unexpected redirect (HTTP ${status}) without a location`;
  return `unexpected redirect (HTTP ${status}) to ${redactUrl(location)}`;
}

function withRetryAfter(c: Classification, retryAfterMs: number | undefined): Classification {
  return retryAfterMs === undefined ? c : { ...c, retryAfterMs };
}

function withDuplicate(c: Classification, duplicate: boolean): Classification {
  return duplicate ? { ...c, duplicate: true } : c;
}
