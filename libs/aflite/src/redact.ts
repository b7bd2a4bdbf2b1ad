import { AfliteParam } from './constants';
import type { AfliteMethod, AfliteRequest } from './request';
import { secretPatternSource, secretPrefixAtEndSource } from './secret-pattern';

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

/** Removes every copy of a secret from free text, however it was encoded (see secret-pattern.ts). */
export function scrubSecret(text: string, secret: string, options: { truncated?: boolean } = {}): string {
  if (secret.length < MIN_LENGTH_TO_SCRUB || text === '') return text;
  const patterns = patternsFor(secret);
  const mask = maskSecret(secret);
  let out = text.replace(patterns.whole, () => mask);
  // A text cut off mid-copy ends with the start of the secret: that part goes too.
  if (options.truncated) out = out.replace(patterns.prefixAtEnd, MASK);
  return out;
}

/**
 * Text that came from Aflite (a body, a header, an error message), made fit to store, log and show:
 * every copy of the key scrubbed, and the value of any `apikey=` / `"apikey": "…"` in it masked, whichever
 * key it holds. `truncated`: the text was cut off, so a copy cut in half at its end is removed too.
 */
export function redactText(text: string, secret: string, options: { truncated?: boolean } = {}): string {
  const masked = text.replace(API_KEY_IN_TEXT, (_match, name: string, separator: string, value: string) => {
    if (value === '' || value.startsWith(MASK)) return `${name}${separator}${value}`;
    return `${name}${separator}${secret !== '' && safeDecode(value) === secret ? maskSecret(secret) : MASK}`;
  });
  return scrubSecret(masked, secret, options);
}

// `apikey=VALUE` (a query string or form body echoed back) and `"apikey": "VALUE"` (JSON).
const API_KEY_IN_TEXT = new RegExp(`\\b(${AfliteParam.apiKey})(=|"\\s*:\\s*")([^&\\s"'<>#]*)`, 'gi');

// A copy cut to fewer characters than this at the end of a truncated text tells nothing about the key.
const MIN_PARTIAL_TO_SCRUB = 3;
const cache = new Map<string, { whole: RegExp; prefixAtEnd: RegExp }>();

function patternsFor(secret: string): { whole: RegExp; prefixAtEnd: RegExp } {
  let patterns = cache.get(secret);
  if (!patterns) {
    patterns = { whole: new RegExp(secretPatternSource(secret), 'g'), prefixAtEnd: new RegExp(secretPrefixAtEndSource(secret, MIN_PARTIAL_TO_SCRUB)) };
    // One key is in use at a time; a few entries cover a key being changed.
    if (cache.size >= 4) cache.clear();
    cache.set(secret, patterns);
  }
  return patterns;
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
