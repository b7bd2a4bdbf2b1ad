export interface NetworkFailure {
  code: string;
  message?: string;
  /** Whether the request (probably) reached Aflite, so the goal may have been recorded. */
  requestSent: boolean;
}

/** Failures that happen before a byte of the request leaves: resending cannot duplicate a goal. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_INVALID_ARG',
  'ERR_INVALID_URL',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Failures that happen while waiting for or reading the answer: Aflite may have recorded the goal. */
const SENT = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_RES_EXCEEDED_MAX_SIZE',
  'ECONNRESET',
  'EPIPE',
]);

export function isSentBeforeFailure(code: string): boolean {
  return SENT.has(code);
}

/**
 * Reduces an undici/Node error to a stable code. `requestSent` is the caller's knowledge and is
 * used only when the code itself does not settle the question (aborts, unknown errors).
 */
export function describeNetworkError(err: unknown, requestSent: boolean): NetworkFailure {
  const code = findCode(err);
  const message = describeMessage(err);
  const sent = NOT_SENT.has(code) ? false : SENT.has(code) ? true : requestSent;
  return message === undefined ? { code, requestSent: sent } : { code, message, requestSent: sent };
}

const MAX_DEPTH = 5;

function findCode(err: unknown, depth = 0): string {
  if (!err || typeof err !== 'object' || depth > MAX_DEPTH) return 'UNKNOWN';
  const e = err as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && e.code !== '') return normalizeAbort(e.code);
  // fetch wraps the socket error in TypeError('fetch failed'); happy-eyeballs in AggregateError.
  const fromCause = findCode(e.cause, depth + 1);
  if (fromCause !== 'UNKNOWN') return fromCause;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const code = findCode(inner, depth + 1);
      if (code !== 'UNKNOWN') return code;
    }
  }
  if (e.name === 'AbortError') return 'ABORTED';
  if (e.name === 'TimeoutError') return 'TIMEOUT';
  return 'UNKNOWN';
}

function normalizeAbort(code: string): string {
  return code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED' ? 'ABORTED' : code;
}

const MAX_MESSAGE = 300;

function describeMessage(err: unknown): string | undefined {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth <= MAX_DEPTH; depth++) {
    if (current instanceof Error || (typeof current === 'object' && 'message' in current)) {
      const text = String((current as { message?: unknown }).message ?? '').trim();
      if (text !== '' && !parts.includes(text)) parts.push(text);
      current = (current as { cause?: unknown }).cause;
    } else {
      if (typeof current === 'string' && current.trim() !== '') parts.push(current.trim());
      break;
    }
  }
  if (parts.length === 0) return undefined;
  const joined = parts.join(': ');
  return joined.length > MAX_MESSAGE ? `${joined.slice(0, MAX_MESSAGE - 1)}…` : joined;
}
