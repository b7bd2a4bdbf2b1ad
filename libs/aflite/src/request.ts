import { ACCEPT_HEADER, AfliteParam, FORM_CONTENT_TYPE, GOALS_FEED_PATH, REGISTER_GOAL_PATH, USER_AGENT } from './constants';
import { formatValue } from './money';

export type AfliteMethod = 'GET' | 'POST';

export interface RegisterGoalInput {
  apiKey: string;
  merchantId: string;
  clickSessionId: string;
  goalId: string;
  merchantRef: string;
  valueMinor: number;
  traceOnly?: boolean;
  help?: boolean;
}

export interface AfliteRequest {
  method: AfliteMethod;
  /** Full URL; for GET the query string carries every parameter. */
  url: string;
  headers: Record<string, string>;
  /** Form-encoded parameters, POST only. */
  body?: string;
  /** Exactly the parameters sent, in the order sent. */
  params: Record<string, string>;
}

/** Joins a configured base URL (trailing slash and path prefix allowed) with an Aflite path. */
export function joinUrl(baseUrl: string, path: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl.trim());
  } catch {
    throw new TypeError(`invalid Aflite base URL: ${baseUrl}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`Aflite base URL must be http or https: ${baseUrl}`);
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}/${path.replace(/^\/+/, '')}`;
}

export function encodeParams(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export function buildAfliteRequest(baseUrl: string, path: string, params: Record<string, string>, method: AfliteMethod): AfliteRequest {
  if (method !== 'GET' && method !== 'POST') {
    throw new TypeError(`unsupported Aflite method: ${String(method)}`);
  }
  const endpoint = joinUrl(baseUrl, path);
  const headers: Record<string, string> = { accept: ACCEPT_HEADER, 'user-agent': USER_AGENT };
  const encoded = encodeParams(params);
  if (method === 'GET') {
    return { method, url: encoded ? `${endpoint}?${encoded}` : endpoint, headers, params: { ...params } };
  }
  headers['content-type'] = FORM_CONTENT_TYPE;
  return { method, url: endpoint, headers, body: encoded, params: { ...params } };
}

export function buildRegisterGoalRequest(baseUrl: string, input: RegisterGoalInput, method: AfliteMethod): AfliteRequest {
  const params: Record<string, string> = {
    [AfliteParam.apiKey]: input.apiKey,
    [AfliteParam.merchantId]: input.merchantId,
    [AfliteParam.clickSessionId]: input.clickSessionId,
    [AfliteParam.goalId]: input.goalId,
    [AfliteParam.merchantRef]: input.merchantRef,
    [AfliteParam.value]: formatValue(input.valueMinor),
  };
  if (input.traceOnly) params[AfliteParam.traceOnly] = '1';
  if (input.help) params[AfliteParam.help] = '1';
  return buildAfliteRequest(baseUrl, REGISTER_GOAL_PATH, params, method);
}

export function buildGoalsFeedRequest(baseUrl: string, input: { apiKey: string; merchantRef: string }, method: AfliteMethod = 'GET'): AfliteRequest {
  const params = { [AfliteParam.apiKey]: input.apiKey, [AfliteParam.merchantRef]: input.merchantRef };
  return buildAfliteRequest(baseUrl, GOALS_FEED_PATH, params, method);
}

/** register/goal with help=1: Aflite answers with its own usage text instead of recording anything. */
export function buildHelpRequest(baseUrl: string, input: { apiKey: string; merchantId: string }, method: AfliteMethod = 'GET'): AfliteRequest {
  const params = {
    [AfliteParam.apiKey]: input.apiKey,
    [AfliteParam.merchantId]: input.merchantId,
    [AfliteParam.help]: '1',
  };
  return buildAfliteRequest(baseUrl, REGISTER_GOAL_PATH, params, method);
}
