import type { ConversionResponse, CreateConversionRequest, TraceResultResponse } from '@goalpost/contracts';
import { API_URL } from './ports';

/** The merchant's own backend: records paid orders with Goalpost's server API and an ingest key. */
export class MerchantServer {
  constructor(
    private readonly ingestKey: string,
    private readonly baseUrl = API_URL,
  ) {}

  recordConversion(conversion: Omit<CreateConversionRequest, 'traceOnly'>): Promise<ConversionResponse> {
    return this.post<ConversionResponse>(conversion);
  }

  /** traceOnly: sent to Aflite's Trace Report at once, never recorded as a sale. */
  sendTestConversion(conversion: Omit<CreateConversionRequest, 'traceOnly'>): Promise<TraceResultResponse> {
    return this.post<TraceResultResponse>({ ...conversion, traceOnly: true });
  }

  private async post<T>(conversion: CreateConversionRequest): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1/conversions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.ingestKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(conversion),
    });
    const text = await response.text();
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`POST /api/v1/conversions (${conversion.mref}) answered ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  }

  /** A sale the shop's checkout sends for a visitor who came from an affiliate. */
  recordSale(mref: string, click: { clickSessionID: string } | { clickCookie: string } | null, value = '24.99'): Promise<ConversionResponse> {
    return this.recordConversion({ goalId: SALE_GOAL.afliteGoalId, mref, value, ...(click ?? {}) });
  }
}

/** The goal the first-run setup creates. */
export const SALE_GOAL = { afliteGoalId: '5', name: 'Sale', defaultValue: '10.00' } as const;
