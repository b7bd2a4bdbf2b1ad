import type { AfliteResponse } from './classify';
import { AfliteParam } from './constants';
import type { NetworkFailure } from './network-error';
import { redactText } from './redact';
import type { AfliteRequest } from './request';

/** The response headers kept with an attempt; whatever else Aflite sends (Server, Set-Cookie, debug headers…) is dropped. */
export const KEPT_RESPONSE_HEADERS = ['content-type', 'content-length', 'date', 'retry-after', 'location', 'x-request-id'] as const;
/** Aflite's answers are short: a longer body is cut to this many characters, a longer header value to MAX_HEADER_LENGTH. */
export const MAX_BODY_LENGTH = 16_384;
export const MAX_HEADER_LENGTH = 256;

/** An answer as it came off the wire: any headers, a body that may have been cut off while reading it. */
export interface RawAfliteResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body was longer than what was read. */
  truncated?: boolean;
}

export type RawAfliteAnswer = { response: RawAfliteResponse } | { error: NetworkFailure };
export type AfliteAnswer = { response: AfliteResponse } | { error: NetworkFailure };

/**
 * The one gate between Aflite and Goalpost: what Aflite answered to `req` (or the error the call ended in),
 * with the API key sent in `req` removed from the body, the kept headers and the error message, whatever
 * encoding Aflite echoed it in. Everything stored, logged, classified or shown is read from this.
 */
export function redactAnswer(answer: RawAfliteAnswer, req: AfliteRequest): AfliteAnswer {
  const secret = req.params[AfliteParam.apiKey] ?? '';
  if ('error' in answer) return { error: redactFailure(answer.error, secret) };
  return { response: redactResponse(answer.response, secret) };
}

export function redactResponse(raw: RawAfliteResponse, secret: string): AfliteResponse {
  return { status: raw.status, headers: keptHeaders(raw.headers, secret), body: capped(raw.body, MAX_BODY_LENGTH, secret, raw.truncated === true) };
}

export function redactFailure(failure: NetworkFailure, secret: string): NetworkFailure {
  if (failure.message === undefined) return { ...failure };
  return { ...failure, message: redactText(failure.message, secret) };
}

/** Only the allow-listed headers, names lower-cased, values redacted. */
export function keptHeaders(headers: Record<string, string | string[] | undefined>, secret: string): Record<string, string> {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    byName.set(lower, byName.has(lower) ? `${byName.get(lower)}, ${text}` : text);
  }
  const kept: Record<string, string> = {};
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = byName.get(name);
    if (value === undefined) continue;
    kept[name] = capped(value, MAX_HEADER_LENGTH, secret, false);
  }
  return kept;
}

function capped(text: string, max: number, secret: string, alreadyTruncated: boolean): string {
  const cut = text.length > max;
  return redactText(cut ? text.slice(0, max) : text, secret, { truncated: cut || alreadyTruncated });
}
