import { expect } from 'vitest';
import { readSetCookie, type HttpClient, type HttpResponse } from './http';

export const ADMIN_PASSWORD = 'correct horse battery';

/** The dashboard's side of the api: a signed-in admin's cookie, and the CSRF token its writes carry. */
export class AdminSession {
  private constructor(
    private readonly http: HttpClient,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** First-run setup, as the dashboard's setup page does it (once per database). */
  static async setUp(http: HttpClient, email = 'owner@shop.example'): Promise<AdminSession> {
    const res = await http.send('/api/admin/setup', { json: { email, password: ADMIN_PASSWORD } });
    expect(res.status, res.text).toBe(201);
    const cookie = readSetCookie(res, 'gp_session');
    if (!cookie) throw new Error('setup set no gp_session cookie');
    return new AdminSession(http, `gp_session=${cookie.value}`, res.json<{ csrfToken: string }>().csrfToken);
  }

  get(path: string): Promise<HttpResponse> {
    return this.http.get(path, { cookie: this.cookie });
  }

  patch(path: string, json: unknown): Promise<HttpResponse> {
    return this.http.send(path, { method: 'PATCH', json, headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken } });
  }
}
