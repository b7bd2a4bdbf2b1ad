import type { ConversionResponse, CreateConversionRequest, HealthResponse, TraceResultResponse } from '@goalpost/contracts';
import { expect } from 'vitest';
import { HttpClient, readSetCookie, type HttpResponse, type RequestOptions } from './http';
import { waitFor } from './wait-for';

export const CLICK_COOKIE = 'gp_click';

/** Goalpost's public HTTP surface as a merchant's servers and pages use it. */
export class ApiClient {
  readonly http: HttpClient;

  constructor(
    readonly url: string,
    readonly ingestKey: string,
  ) {
    this.http = new HttpClient(url);
  }

  send(path: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.http.send(path, options);
  }

  get(path: string, headers?: Record<string, string>): Promise<HttpResponse> {
    return this.http.get(path, headers);
  }

  /** POST /api/v1/conversions with the ingest key. */
  postConversion(body: CreateConversionRequest | Record<string, unknown>): Promise<HttpResponse> {
    return this.http.send('/api/v1/conversions', { json: body, headers: this.auth() });
  }

  /** Records a conversion and expects it to be new (201). */
  async createConversion(body: CreateConversionRequest): Promise<ConversionResponse> {
    const res = await this.postConversion(body);
    expect(res.status, res.text).toBe(201);
    return res.json<ConversionResponse>();
  }

  async traceConversion(body: CreateConversionRequest): Promise<TraceResultResponse> {
    const res = await this.postConversion({ ...body, traceOnly: true });
    expect(res.status, res.text).toBe(200);
    return res.json<TraceResultResponse>();
  }

  /**
   * The stored conversion for (goal, mref), read the way a merchant's server can: sending it again
   * answers 200 with the existing record (duplicate: true) and sends nothing.
   */
  async storedConversion(goalId: string, mref: string): Promise<ConversionResponse> {
    const res = await this.postConversion({ goalId, mref });
    expect(res.status, res.text).toBe(200);
    const conversion = res.json<ConversionResponse>();
    expect(conversion.duplicate).toBe(true);
    return conversion;
  }

  waitForStatus(goalId: string, mref: string, status: ConversionResponse['status'], timeoutMs = 10_000): Promise<ConversionResponse> {
    return waitFor(async () => {
      const conversion = await this.storedConversion(goalId, mref);
      expect(conversion.status, `conversion ${mref}`).toBe(status);
      return conversion;
    }, timeoutMs);
  }

  /** The snippet's click post; returns the gp_click cookie the server set. */
  async snippetClick(clickSessionID: string, extra: Record<string, string> = {}): Promise<string> {
    const res = await this.http.send('/t/clicks', { json: { clickSource: 'aflite', clickSessionID, ...extra } });
    expect(res.status, res.text).toBe(204);
    const cookie = readSetCookie(res, CLICK_COOKIE);
    if (!cookie) throw new Error('no Set-Cookie gp_click');
    return cookie.value;
  }

  async health(): Promise<HealthResponse> {
    const res = await this.http.get('/health');
    expect(res.status, res.text).toBe(200);
    return res.json<HealthResponse>();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.ingestKey}` };
  }
}
