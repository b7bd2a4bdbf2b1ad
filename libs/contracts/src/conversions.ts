/** pending: waiting to be delivered (or held while Aflite is down); unattributed: no click, never delivered. */
export const CONVERSION_STATUSES = ['pending', 'delivered', 'failed', 'unattributed'] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

/** How the conversion was tied to a click. */
export type Attribution = 'explicit' | 'cookie' | 'none';

/** Where the conversion came from. */
export const CONVERSION_SOURCES = ['api', 'dropin', 'browser', 'dashboard'] as const;
export type ConversionSource = (typeof CONVERSION_SOURCES)[number];

export interface CreateConversionRequest {
  /** Aflite goal ID, as configured under Goals. */
  goalId: string;
  /** The merchant's unique reference for this goal (order number, user id). */
  mref: string;
  /** Decimal amount such as "10.99"; the goal's default value when absent. */
  value?: string | number;
  clickSessionID?: string;
  /** The visitor's `gp_click` cookie value, when the clickSessionID is not known. */
  clickCookie?: string;
  /** Send at once with traceOnly=1: goes to Aflite's Trace Report, is never recorded. */
  traceOnly?: boolean;
}

export interface ConversionResponse {
  id: number;
  goalId: string;
  goalName: string;
  mref: string;
  /** Decimal string in pounds, e.g. "10.99". */
  value: string;
  valueMinor: number;
  status: ConversionStatus;
  attribution: Attribution;
  clickSessionID: string | null;
  source: ConversionSource;
  test: boolean;
  createdAt: string;
  deliveredAt: string | null;
  /** True when this (goal, mref) already existed: nothing new was recorded or sent. */
  duplicate: boolean;
}

/** Answer to a trace-only conversion: the exact request sent (key redacted) and Aflite's raw answer. */
export interface TraceResultResponse {
  conversion: ConversionResponse;
  attempt: import('./deliveries').DeliveryAttemptResponse;
}
