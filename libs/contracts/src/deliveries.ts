export const ATTEMPT_TRIGGERS = ['auto', 'manual', 'test'] as const;
export type AttemptTrigger = (typeof ATTEMPT_TRIGGERS)[number];

/** send: a register-goal call; reconcile: a goals-feed lookup before a retry or re-send. */
export type AttemptKind = 'send' | 'reconcile';

/**
 * delivered · retry (will be tried again) · failed · ambiguous (sent, no answer) ·
 * reconciled (Aflite already held the mref) · not-found (feed lookup: Aflite has no such mref) ·
 * in-flight (the call is under way, or its caller stopped and nobody has claimed the delivery since) ·
 * interrupted (no outcome was ever recorded: its caller died or lost the database mid-call, and a new claim took the delivery over).
 */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'ambiguous' | 'reconciled' | 'not-found' | 'in-flight' | 'interrupted';

export interface DeliveryAttemptResponse {
  id: number;
  kind: AttemptKind;
  trigger: AttemptTrigger;
  method: string;
  /** Request URL with the API key redacted. */
  url: string;
  /** Parameters sent, API key redacted. */
  params: Record<string, string>;
  statusCode: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  errorCode: string | null;
  outcome: AttemptOutcome;
  reason: string | null;
  durationMs: number | null;
  startedAt: string;
}
