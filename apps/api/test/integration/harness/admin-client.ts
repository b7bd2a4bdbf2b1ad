import { expect } from 'vitest';
import { HttpClient, readSetCookie, type HttpResponse, type RequestOptions } from './http';

const SESSION_COOKIE = 'gp_session';

/** The dashboard's view of the api: a signed-in admin session (cookie + CSRF token on writes). */
export class AdminClient {
  private constructor(
    private readonly http: HttpClient,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** First-run setup on a fresh database: creates the admin account and signs in. */
  static async setUp(url: string, email = 'owner@shop.example', password = 'correct horse battery'): Promise<AdminClient> {
    const http = new HttpClient(url);
    const res = await http.send('/api/admin/setup', { json: { email, password } });
    expect(res.status, res.text).toBe(201);
    const session = readSetCookie(res, SESSION_COOKIE);
    if (!session) throw new Error(`no ${SESSION_COOKIE} cookie after setup`);
    return new AdminClient(http, `${SESSION_COOKIE}=${session.value}`, res.json<{ csrfToken: string }>().csrfToken);
  }

  get(path: string): Promise<HttpResponse> {
    return this.http.get(path, { cookie: this.cookie });
  }

  send(path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    return this.http.send(path, { ...options, headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...options.headers } });
  }

  /** GET that must answer 200. */
  async ok(path: string): Promise<HttpResponse> {
    const res = await this.get(path);
    expect(res.status, `GET ${path}: ${res.text}`).toBe(200);
    return res;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
