/** What a failed post carries: the answer's status, or none when no answer came (offline, blocked, reset). */
export type PostError = Error & { status?: number };

/**
 * keepalive lets a goal sent from a checkout button's click handler survive the navigation
 * that follows; credentials carry the first-party click cookie the server attributes by.
 */
export async function postJson(url: string, body: object): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's error page is still worth showing, shortened, as the message below.
  }
  if (!res.ok) {
    const message = data && typeof data === 'object' ? (data as { message?: unknown }).message : data;
    // A list of validation messages reads fine joined by String().
    throw Object.assign(new Error(String(message || 'HTTP ' + res.status).slice(0, 300)), { status: res.status });
  }
  return data;
}

/** No answer, too many requests, or the server unable right now (503 while its database is away): worth another try. */
export function isWorthRetrying(err: unknown): boolean {
  const status = (err as PostError).status;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}
