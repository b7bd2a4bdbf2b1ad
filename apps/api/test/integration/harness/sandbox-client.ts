import { expect } from 'vitest';
import { HttpClient } from './http';
import type { FaultMixRequest, FaultRequest, RecordedGoal, RecordedRequest, SandboxReport } from '@goalpost/sandbox';

export type { RecordedGoal, RecordedRequest, SandboxReport };
export type FaultSpec = FaultRequest;

export const REGISTER_PATH = '/data/register/goal';
export const GOALS_FEED_PATH = '/data/goals';

/** The stand-in Aflite's control API: what it received, and the faults it should inject. */
export class SandboxClient {
  private readonly http: HttpClient;

  constructor(readonly url: string) {
    this.http = new HttpClient(url);
  }

  async report(): Promise<SandboxReport> {
    return this.ok(await this.http.get('/_sandbox/report'));
  }

  /** Every request the sandbox logged, oldest first. */
  async requests(): Promise<RecordedRequest[]> {
    return (await this.ok<{ requests: RecordedRequest[] }>(await this.http.get('/_sandbox/requests?limit=1000'))).requests;
  }

  /** Register-goal requests that named this mref (query or form body), oldest first. */
  async registerRequestsFor(mref: string): Promise<RecordedRequest[]> {
    return (await this.requests()).filter((r) => r.path === REGISTER_PATH && paramOf(r, 'mref') === mref);
  }

  async goalsFeedRequestsFor(mref: string): Promise<RecordedRequest[]> {
    return (await this.requests()).filter((r) => r.path === GOALS_FEED_PATH && paramOf(r, 'mref') === mref);
  }

  async setFault(fault: FaultSpec): Promise<void> {
    await this.ok(await this.http.send('/_sandbox/faults', { method: 'PUT', json: fault }));
  }

  /** Several faults at once, each hitting its own share of requests (one draw per request picks at most one). */
  async setFaults(mix: FaultMixRequest): Promise<void> {
    await this.ok(await this.http.send('/_sandbox/faults', { method: 'PUT', json: mix }));
  }

  async clearFaults(): Promise<void> {
    await this.ok(await this.http.send('/_sandbox/faults', { method: 'DELETE' }));
  }

  /** Forgets goals, requests and faults, and drops any request a fault left hanging. */
  async reset(): Promise<void> {
    await this.ok(await this.http.send('/_sandbox/reset', { method: 'POST' }));
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async ok<T>(res: Awaited<ReturnType<HttpClient['send']>>): Promise<T> {
    expect(res.status, `sandbox control call failed: ${res.text}`).toBe(200);
    return res.json<T>();
  }
}

/** One parameter of a logged request, wherever it was sent (query string for GET, form body for POST). */
export function paramOf(request: RecordedRequest, name: string): string | undefined {
  const value = request.body[name] ?? request.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** All parameters of a logged request in one object. */
export function paramsOf(request: RecordedRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of [request.query, request.body]) {
    for (const [name, value] of Object.entries(source)) out[name] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}
