import { afterEach, beforeEach, vi } from 'vitest';
import type { Goalpost } from '../types';

/** A shop page in happy-dom for the snippet's tests: the address, the referrer, and a fetch that records every post. */

export const BASE = 'https://gp.example/relay';
export const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function land(path: string, referrer = ''): void {
  history.replaceState(null, '', path);
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true });
}

export function callsTo(path: string) {
  return fetchMock.mock.calls
    .filter(([url]) => url === BASE + path)
    .map(([, init]) => ({ init, body: JSON.parse(String(init.body)) as Record<string, unknown> }));
}

export const goalpost = () => window.goalpost as Goalpost;

/** The address the browser loaded the document from, as Navigation Timing reports it. */
export function loadedFrom(href: string | null): void {
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((type) => (type === 'navigation' && href ? [{ name: href } as PerformanceEntry] : []));
}

/** The visitor follows a link to another page of the shop in the same tab: a fresh snippet, the same sessionStorage. */
export function nextPage(path: string): void {
  delete window.goalpost;
  land(path, location.href);
  loadedFrom(location.href);
}

export const sentIds = () => callsTo('/t/clicks').map((c) => c.body.clickSessionID);

/** Every test starts on a fresh page at `/` with an empty sessionStorage and a fetch answering 201. */
export function useFakePage(): void {
  beforeEach(() => {
    delete window.goalpost;
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => json(201, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    sessionStorage.clear();
    land('/');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
