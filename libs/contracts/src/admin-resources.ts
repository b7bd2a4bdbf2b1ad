import type { ClickResponse } from './clicks';
import type { ConversionResponse } from './conversions';
import type { DeliveryAttemptResponse } from './deliveries';

/** GET /api/admin/clicks?q=&cursor=&limit= — newest (last seen) first, keyset pagination. */
export interface ClickListResponse {
  items: (ClickResponse & { conversions: number })[];
  nextCursor: string | null;
}

/** GET /api/admin/clicks/:id */
export interface ClickDetailResponse {
  click: ClickResponse;
  conversions: ConversionResponse[];
}

/** GET /api/admin/goals; POST /api/admin/goals; PATCH /api/admin/goals/:id */
export interface GoalResponse {
  id: number;
  afliteGoalId: string;
  name: string;
  /** Decimal string such as "10.00", or null. */
  defaultValue: string | null;
  /** The most a browser may say this goal is worth, as set on the goal ("250.00"), or null for the default cap. */
  maxBrowserValue: string | null;
  /** The cap in force for browser goals: maxBrowserValue, else 10× the default value, else 1000.00. */
  browserValueCap: string;
  allowBrowser: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface GoalRequest {
  afliteGoalId: string;
  name: string;
  defaultValue?: string | null;
  /** null (or leaving it out on create) uses the default cap. */
  maxBrowserValue?: string | null;
  allowBrowser?: boolean;
  enabled?: boolean;
}

/** GET /api/admin/settings; PATCH /api/admin/settings with any subset of SettingsUpdate. */
export interface SettingsResponse {
  afliteApiKeySet: boolean;
  /** Last 4 characters of the stored key, or null. The key itself never leaves the server. */
  afliteApiKeyLast4: string | null;
  afliteMid: string | null;
  afliteBaseUrl: string;
  afliteMethod: 'GET' | 'POST';
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  attributionWindowDays: number;
  cookieDomain: string | null;
  allowedOrigins: string[];
  redirectHosts: string[];
  /** Base URL this Goalpost is reached at (PUBLIC_URL or the request's origin), for the install guide. */
  publicUrl: string;
  /**
   * Fields set by an environment variable, each with the variable's name. They are applied at every start
   * and cannot be changed here: a PATCH that changes one is refused (400) naming the field.
   */
  environmentManaged: Partial<Record<SettingsField, string>>;
  /** What deliveries wait for: empty when Goalpost can send goals to Aflite. */
  deliveryBlockedBy: DeliveryRequirement[];
}

/** A field of the settings form (and of SettingsUpdate). */
export type SettingsField = keyof SettingsUpdate;

/** A setting without which nothing can be delivered. */
export type DeliveryRequirement = 'afliteApiKey' | 'afliteMid' | 'afliteBaseUrl';

export interface SettingsUpdate {
  /** Write-only. An empty string clears the key. */
  afliteApiKey?: string;
  afliteMid?: string | null;
  afliteBaseUrl?: string;
  afliteMethod?: 'GET' | 'POST';
  maxAttempts?: number;
  retryBaseSeconds?: number;
  retryMaxSeconds?: number;
  attributionWindowDays?: number;
  cookieDomain?: string | null;
  allowedOrigins?: string[];
  redirectHosts?: string[];
}

/** GET /api/admin/ingest-keys; POST /api/admin/ingest-keys { name }; DELETE /api/admin/ingest-keys/:id (revoke). */
export interface IngestKeyResponse {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedIngestKeyResponse extends IngestKeyResponse {
  /** Shown once. */
  key: string;
}

/** POST /api/admin/test-tracking/trace — send a trace-only conversion now. */
export interface TraceTestRequest {
  goalId: string;
  clickSessionID: string;
  value?: string;
  /** Default: a generated TEST-… reference. */
  mref?: string;
}

export interface TraceTestResponse {
  conversion: ConversionResponse;
  attempt: DeliveryAttemptResponse;
}

/** GET /api/admin/test-tracking/help — Aflite's help=1 answer. */
export interface HelpResponse {
  status: number;
  body: string;
  request: { method: string; url: string; params: Record<string, string> };
}

/**
 * GET /api/admin/test-tracking/clicks?since=ISO — clicks seen (lastSeenAt) at or after a moment, newest first, at most 50
 * (for "watch for clicks"). Pass `serverTime` back as the next `since`: it lies a few seconds behind the server's clock
 * so a click still being committed is not missed, which means a click can come back in the next poll — key them by id.
 */
export interface RecentClicksResponse {
  items: ClickResponse[];
  serverTime: string;
}

/** GET /api/admin/trace?q=<mref or clickSessionID> — the story of a sale. */
export interface SaleTraceResponse {
  query: string;
  click: ClickResponse | null;
  conversions: SaleTraceConversion[];
  /** When nothing matched at all, or the click exists without conversions: a plain-language explanation. */
  explanation: string | null;
}

export interface SaleTraceConversion {
  conversion: ConversionResponse;
  attempts: DeliveryAttemptResponse[];
  /** Plain language, e.g. "Delivered to Aflite at 12:03", "Not delivered: no clickSessionID…". */
  verdict: string;
  reason: 'delivered' | 'no-click' | 'unattributed' | 'duplicate' | 'rejected' | 'held' | 'retrying' | 'pending' | 'test';
}

/** GET /api/admin/audit?cursor=&limit= */
export interface AuditEntryResponse {
  id: number;
  at: string;
  actor: string;
  /** e.g. settings.update, goal.create, goal.update, ingest-key.create, ingest-key.revoke, delivery.resend, resend-job.start, admin.setup, session.sign-in */
  action: string;
  /** What it was done to, e.g. "goal 3", "conversion 41". */
  target: string | null;
  /** Changed field names and safe values; secrets appear only as "(changed)". */
  details: Record<string, unknown>;
}

export interface AuditListResponse {
  items: AuditEntryResponse[];
  nextCursor: string | null;
}
