import type { ClickResponse } from './clicks';
import type { ConversionResponse, ConversionStatus } from './conversions';
import type { AttemptOutcome, DeliveryAttemptResponse } from './deliveries';

/**
 * GET /api/admin/deliveries — query string of DeliveryFilter plus `cursor` and `limit` (default 50, max 200).
 * Newest first; keyset pagination: pass `nextCursor` back as `cursor`.
 */
export interface DeliveryFilter {
  status?: ConversionStatus;
  /** Aflite goal ID. */
  goalId?: string;
  /** ISO date or date-time, inclusive. */
  from?: string;
  /** ISO date or date-time, exclusive. */
  to?: string;
  /** 'live' (default when absent: both), 'test'. */
  kind?: 'live' | 'test';
  /** The start of an mref or clickSessionID (or all of it), in any case: `ord-1` finds `ORD-1001`. `%` and `_` are plain characters. */
  q?: string;
}

export interface DeliveryListItem extends ConversionResponse {
  attemptCount: number;
  lastAttemptAt: string | null;
  /** Outcome of the latest attempt (e.g. `interrupted`), null before the first. */
  lastAttemptOutcome: AttemptOutcome | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** Why a pending delivery is not being sent right now; null when it is not pending, is due, or is being sent. */
  hold: DeliveryHold | null;
}

/**
 * A pending delivery that waits, and why:
 * - `aflite-down`: Aflite failed nearly every recent call, so deliveries are held (the circuit of /health's
 *   `upstream` is open) until a probe gets an answer; `since` is when that began.
 * - `not-configured`: the Aflite API key or merchant ID is not set, so nothing can be sent.
 * - `retry-wait`: an earlier attempt did not get through; the next one is due `until`.
 */
export type DeliveryHold = { reason: 'aflite-down'; since: string | null } | { reason: 'not-configured' } | { reason: 'retry-wait'; until: string };

/** Matches are counted exactly up to this many; beyond it the list says "10,000+". */
export const DELIVERY_TOTAL_BOUND = 10_000;

export interface DeliveryListResponse {
  items: DeliveryListItem[];
  nextCursor: string | null;
  /** Conversions matching the filter (all pages), at most DELIVERY_TOTAL_BOUND. */
  total: number;
  /** True when more than DELIVERY_TOTAL_BOUND match: `total` is then the bound, a lower bound of the real count. */
  totalIsLowerBound: boolean;
}

/** GET /api/admin/deliveries/:id — a conversion with its click and every attempt, oldest first (the dashboard shows them newest first). */
export interface DeliveryDetailResponse {
  conversion: DeliveryListItem;
  click: ClickResponse | null;
  attempts: DeliveryAttemptResponse[];
}

/** POST /api/admin/deliveries/resend — one or the selected conversions, queued at once. */
export interface ResendRequest {
  ids: number[];
  /** Skip the goals-feed check (may duplicate a goal Aflite already holds). */
  force?: boolean;
}

export interface ResendResponse {
  queued: number;
}

/**
 * POST /api/admin/deliveries/resend-jobs/preview — how many a filter matches, before starting.
 * Body: StartResendJobRequest (force is ignored). Counts live conversions whose delivery failed or is still
 * pending: delivered, unattributed and test conversions are never re-sent.
 */
export interface ResendPreviewResponse {
  matching: number;
}

/** POST /api/admin/deliveries/resend-jobs — body: { filter: DeliveryFilter, force?: boolean } */
export interface StartResendJobRequest {
  filter: DeliveryFilter;
  force?: boolean;
}

export type ResendJobState = 'running' | 'done' | 'failed';

/** GET /api/admin/deliveries/resend-jobs — the 20 most recent jobs, newest first (e.g. to find one still running after a reload). */
export interface ResendJobListResponse {
  items: ResendJobResponse[];
}

/** GET /api/admin/deliveries/resend-jobs/:id — poll while state is 'running'; 'done' once every conversion is queued again. */
export interface ResendJobResponse {
  id: number;
  state: ResendJobState;
  filter: DeliveryFilter;
  force: boolean;
  total: number;
  /** Conversions put back in the queue so far. */
  queued: number;
  /** Of the queued ones: how many have since been delivered, failed, or are still pending. */
  delivered: number;
  failed: number;
  pending: number;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** GET /api/admin/deliveries/export.csv — same query as the list (no cursor); text/csv. `last_outcome`: the latest attempt's outcome. */
export type DeliveryCsvColumns =
  'id,created_at,goal_id,goal_name,mref,value,status,test,click_session_id,attribution,source,attempts,delivered_at,last_error,last_outcome';
