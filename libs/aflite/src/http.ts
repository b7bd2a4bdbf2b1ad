export const EXCERPT_LENGTH = 200;

/** Case-insensitive header lookup; Node lower-cases names but callers may not. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** A single-line, length-capped piece of a body, fit for a reason string or a log line. */
export function excerpt(body: string, max = EXCERPT_LENGTH): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function describeStatus(status: number, body: string): string {
  const text = excerpt(body);
  return text === '' ? `HTTP ${status} (empty body)` : `HTTP ${status}: ${text}`;
}
