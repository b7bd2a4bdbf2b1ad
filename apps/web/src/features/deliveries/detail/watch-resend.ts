import type { DeliveryDetailResponse } from '@goalpost/contracts';

/** What the delivery looked like when a re-send was queued. */
export interface ResendBaseline {
  attempts: number;
  status: DeliveryDetailResponse['conversion']['status'];
}

export const WATCH_LIMIT_MS = 60_000;

export const baselineOf = (detail: DeliveryDetailResponse): ResendBaseline => ({
  attempts: detail.attempts.length,
  status: detail.conversion.status,
});

/**
 * The re-send has a visible result: a final status reached through a new attempt, or a send that failed
 * for now and waits for its retry. A goals-feed check on its own is not a result: the send follows it.
 */
export function resendSettled(baseline: ResendBaseline, detail: DeliveryDetailResponse): boolean {
  const { status } = detail.conversion;
  const attempted = detail.attempts.length > baseline.attempts;
  if (status !== 'pending') return attempted || status !== baseline.status;
  const latest = detail.attempts[detail.attempts.length - 1];
  return attempted && latest?.kind === 'send' && latest.outcome === 'retry';
}
