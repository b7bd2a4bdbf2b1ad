export type ClickVia = 'snippet' | 'pixel' | 'server';

export interface RecordClickRequest {
  clickSessionID: string;
  clickSource?: string;
  landingUrl?: string;
  referrer?: string;
}

export interface ClickResponse {
  id: number;
  clickSessionID: string;
  /** Value of the first-party `gp_click` cookie for this click. */
  cookieValue: string;
  landingUrl: string | null;
  referrer: string | null;
  via: ClickVia;
  hits: number;
  firstSeenAt: string;
  lastSeenAt: string;
}
