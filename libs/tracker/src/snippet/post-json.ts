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
    throw new Error(String(message || 'HTTP ' + res.status).slice(0, 300));
  }
  return data;
}
