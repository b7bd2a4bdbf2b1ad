import { Agent, request, type Dispatcher } from 'undici';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON; throws with the raw text when it is not JSON. */
  json<T = unknown>(): T;
  header(name: string): string | undefined;
}

export interface RequestOptions {
  method?: Dispatcher.HttpMethod;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string | string[]>;
  /** Sent as it is; set the content-type header yourself. */
  body?: string | Buffer;
}

/** A small undici client bound to one base URL, with its own connection pool (closed with `close`). */
export class HttpClient {
  private readonly agent = new Agent({ keepAliveTimeout: 2_000, connect: { timeout: 5_000 } });

  constructor(readonly baseUrl: string) {}

  async send(path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | Buffer | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
      body = formEncode(options.form);
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const res = await request(new URL(path, this.baseUrl), { method, headers, body, dispatcher: this.agent });
    const text = await res.body.text();
    const responseHeaders = res.headers as Record<string, string | string[] | undefined>;
    return {
      status: res.statusCode,
      headers: responseHeaders,
      text,
      json<T>() {
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new Error(`expected JSON, got HTTP ${res.statusCode}: ${text.slice(0, 500)}`);
        }
      },
      header(name: string) {
        const value = responseHeaders[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  get(path: string, headers?: Record<string, string>): Promise<HttpResponse> {
    return this.send(path, { headers });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export function formEncode(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return params.toString();
}

/** The value of one cookie from a response's Set-Cookie headers, with its attributes. */
export function readSetCookie(res: HttpResponse, name: string): { value: string; attributes: string } | undefined {
  const raw = res.headers['set-cookie'];
  for (const cookie of Array.isArray(raw) ? raw : raw ? [raw] : []) {
    const [pair, ...attributes] = cookie.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return { value: pair.slice(eq + 1).trim(), attributes: attributes.join(';').trim() };
  }
  return undefined;
}
