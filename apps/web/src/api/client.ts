import type { ApiErrorBody, ApiFieldError } from '@goalpost/contracts';

/** A failed call to the Goalpost API, carrying the server's ApiErrorBody (or one made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  readonly errorId: string | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.code = body.error;
    this.fields = body.fields ?? [];
    this.errorId = body.errorId;
  }

  /**
   * The message for one form field. Nested and list fields arrive as `filter.status` or `allowedOrigins.2`,
   * so a message about any part of a field belongs next to that field.
   */
  fieldMessage(field: string): string | undefined {
    const matches = this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
    if (!matches.length) return undefined;
    return matches
      .map((f) => {
        const message = stripFieldPrefix(f.message, f.field);
        // Lists are edited one entry per line: say which line.
        const index = /^\d+$/.test(f.field.slice(field.length + 1)) ? Number(f.field.slice(field.length + 1)) : null;
        return index === null ? message : `Line ${index + 1}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
      })
      .join(' ');
  }

  /** Messages about fields that the caller has no place to show. */
  otherFieldMessages(known: readonly string[]): string[] {
    return this.fields.filter((f) => !known.some((name) => f.field === name || f.field.startsWith(`${name}.`))).map((f) => f.message);
  }

  get isUnauthorised(): boolean {
    return this.status === 401;
  }
}

/** The server words messages as "field: problem" or "field must …"; next to the field, the name is noise. */
function stripFieldPrefix(message: string, field: string): string {
  if (message.startsWith(`${field}: `)) return capitalise(message.slice(field.length + 2));
  if (message.startsWith(`${field} `)) return capitalise(message.slice(field.length + 1));
  return message;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.error === 'string' && typeof body.message === 'string';
}

/** Turns any non-2xx response into an ApiError, whatever its body looks like. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (isApiErrorBody(parsed)) {
    return new ApiError({ ...parsed, statusCode: response.status });
  }
  const fallback = response.status >= 500 ? 'Goalpost could not answer just now. Try again in a moment.' : response.statusText || 'Request failed';
  return new ApiError({
    statusCode: response.status,
    error: `http_${response.status}`,
    message: text && text.length < 300 && !text.trimStart().startsWith('<') ? text : fallback,
  });
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Adds the query string, leaving out empty values so filters stay tidy. */
export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

type CsrfTokenSource = (options: { refresh: boolean }) => Promise<string | null>;

let csrfTokenSource: CsrfTokenSource = async () => null;

/** The token lives in the session query; the app wires this up once so the client never keeps its own copy. */
export function setCsrfTokenSource(source: CsrfTokenSource): void {
  csrfTokenSource = source;
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

async function send(method: string, path: string, options: RequestOptions, refreshCsrf: boolean): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const token = await csrfTokenSource({ refresh: refreshCsrf });
    if (token) headers['x-csrf-token'] = token;
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      statusCode: 0,
      error: 'network_error',
      message: 'Could not reach Goalpost. Check your connection and try again.',
    });
  }
}

const isCsrfRefusal = (error: ApiError) => error.status === 403 && /csrf/i.test(`${error.code} ${error.message}`);

/** The one way the dashboard talks to the api: JSON in, JSON (or text) out, ApiError on anything else. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options, false);
  if (!response.ok) {
    const error = await parseErrorResponse(response);
    // A token from before a sign-in elsewhere is stale: fetch the current one and try once more.
    if (!isCsrfRefusal(error)) throw error;
    response = await send(method, path, options, true);
    if (!response.ok) throw await parseErrorResponse(response);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path, {}),
};

/** A sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.errorId ? `${error.message} (reference ${error.errorId})` : error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
