import { AfliteParam } from './constants';
import type { AfliteMethod, AfliteRequest } from './request';

export interface RedactedRequest {
  method: AfliteMethod;
  url: string;
  params: Record<string, string>;
}

const MASK = '••••';
// Below this length the last four characters would reveal too much of the key.
const MIN_LENGTH_TO_HINT = 8;
// Scrubbing a very short key out of free text would mangle ordinary values (a key "10" inside "10.99").
const MIN_LENGTH_TO_SCRUB = 6;

/** '••••' plus the last four characters, enough to tell keys apart without exposing one. */
export function maskSecret(secret: string): string {
  return secret.length >= MIN_LENGTH_TO_HINT ? `${MASK}${secret.slice(-4)}` : MASK;
}

/** Removes every plain, percent-encoded or form-encoded copy of a secret from free text. */
export function scrubSecret(text: string, secret: string): string {
  if (secret.length < MIN_LENGTH_TO_SCRUB) return text;
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
  let out = text;
  for (const form of forms) out = out.split(form).join(maskSecret(secret));
  return out;
}

/** The request as it may be stored and shown: the API key masked in the URL and the parameters. */
export function redactRequest(req: AfliteRequest): RedactedRequest {
  const key = req.params[AfliteParam.apiKey] ?? '';
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.params)) {
    params[name] = name === AfliteParam.apiKey ? maskSecret(value) : scrubSecret(value, key);
  }
  return { method: req.method, url: redactUrl(req.url, key), params };
}

/** Masks the apikey parameter of a URL (and, given the key, any other copy of it). */
export function redactUrl(url: string, key = ''): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const pairs = query === '' ? [] : query.split('&');
  const redacted = pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    if (safeDecode(rawName) !== AfliteParam.apiKey) return pair;
    // The mask is left unencoded so the stored URL reads naturally on the dashboard.
    return `${rawName}=${maskSecret(safeDecode(eq === -1 ? '' : pair.slice(eq + 1)))}`;
  });
  const rebuilt = redacted.length ? `${path}?${redacted.join('&')}` : path;
  return scrubSecret(rebuilt, key);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
