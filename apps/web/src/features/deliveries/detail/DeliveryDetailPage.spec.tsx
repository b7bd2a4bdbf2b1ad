import type { DeliveryAttemptResponse, DeliveryDetailResponse } from '@goalpost/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { delivery } from '../../../test/fixtures';
import { renderPage } from '../../../test/render';
import { DeliveryDetailPage } from './DeliveryDetailPage';

const attempt = (id: number, overrides: Partial<DeliveryAttemptResponse> = {}): DeliveryAttemptResponse => ({
  id,
  kind: 'send',
  trigger: 'auto',
  method: 'POST',
  url: 'https://aflite.example/data/register/goal',
  params: { apikey: '••••', mref: 'ORDER-1001' },
  statusCode: 503,
  responseHeaders: {},
  responseBody: `busy ${id}`,
  errorCode: null,
  outcome: 'retry',
  reason: 'HTTP 503: busy',
  durationMs: 120,
  startedAt: `2026-12-03T14:0${id}:00.000Z`,
  ...overrides,
});

function showDetail(detail: DeliveryDetailResponse) {
  mockFetch({ [`GET /api/admin/deliveries/${detail.conversion.id}`]: () => json(detail) });
  return renderPage(<DeliveryDetailPage />, { url: `/deliveries/${detail.conversion.id}`, path: '/deliveries/:id' });
}

describe('DeliveryDetailPage attempts', () => {
  const detail: DeliveryDetailResponse = {
    conversion: delivery({ status: 'delivered', deliveredAt: '2026-12-03T14:03:01.000Z', attemptCount: 3, lastError: null }),
    click: null,
    attempts: [
      attempt(1),
      attempt(2, { statusCode: null, responseBody: null, outcome: 'ambiguous', reason: 'Timed out', errorCode: 'UND_ERR_HEADERS_TIMEOUT' }),
      attempt(3, { statusCode: 200, responseBody: 'OK goal registered', outcome: 'delivered', reason: null }),
    ],
  };

  it('lists the attempts newest first, each numbered from the first one', async () => {
    showDetail(detail);
    await screen.findByRole('heading', { name: 'Attempts (3)' });
    const order = screen.getAllByRole('article');
    expect(order).toEqual(
      ['Attempt 3: Register goal', 'Attempt 2: Register goal', 'Attempt 1: Register goal'].map((name) => screen.getByRole('article', { name })),
    );
  });

  it('shows each attempt collapsed to its outcome, answer and time, and opens it on the request and the answer', async () => {
    showDetail(detail);
    const newest = await screen.findByRole('article', { name: 'Attempt 3: Register goal' });
    const disclosures = screen.getAllByRole('article').map((a) => a.querySelector('details') as HTMLDetailsElement);
    expect(disclosures.map((d) => d.open)).toEqual([false, false, false]);

    const summary = newest.querySelector('summary') as HTMLElement;
    expect(summary.textContent).toMatch(/^Attempt 3: Register goalOutcome: DeliveredHTTP 200 · Thu, 3 Dec 2026, \d\d:\d\d:00 \S+$/);
    const timedOut = screen.getByRole('article', { name: 'Attempt 2: Register goal' }).querySelector('summary') as HTMLElement;
    expect(timedOut.textContent).toMatch(/Outcome: No answerNo answer · Thu, 3 Dec 2026/);

    await userEvent.click(summary);
    expect(disclosures[0].open).toBe(true);
    expect(disclosures.slice(1).map((d) => d.open)).toEqual([false, false]);
    expect(within(newest).getByLabelText('Response body of attempt 3').textContent).toBe('OK goal registered');
    expect(within(newest).getByText('https://aflite.example/data/register/goal')).toBeTruthy();

    await userEvent.click(summary);
    expect(disclosures[0].open).toBe(false);
  });
});

/** The announced banner that holds `label`. */
async function findBanner(label: string | RegExp): Promise<HTMLElement> {
  const text = await screen.findByText(label);
  const banner = text.closest('[role="status"]');
  expect(banner, 'the label is inside an announced banner').not.toBeNull();
  return banner as HTMLElement;
}

describe('DeliveryDetailPage held delivery', () => {
  it('says a pending delivery is held because Aflite is not answering', async () => {
    showDetail({
      conversion: delivery({ status: 'pending', hold: { reason: 'aflite-down', since: '2026-12-03T13:55:00.000Z' } }),
      click: null,
      attempts: [attempt(1)],
    });
    const banner = await findBanner('Held: Aflite is not answering');
    expect(banner.textContent).toMatch(/since Thu, 3 Dec 2026/);
  });

  it('points to Settings when the API key or merchant ID is not set', async () => {
    showDetail({ conversion: delivery({ status: 'pending', attemptCount: 0, hold: { reason: 'not-configured' } }), click: null, attempts: [] });
    const banner = await findBanner('Held: the Aflite API key or merchant ID is not set');
    expect(within(banner).getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('/settings');
  });

  it('says when a retry is due, with its day and zone', async () => {
    showDetail({
      conversion: delivery({ status: 'pending', nextAttemptAt: '2026-12-03T14:05:00.000Z', hold: { reason: 'retry-wait', until: '2026-12-03T14:05:00.000Z' } }),
      click: null,
      attempts: [attempt(1)],
    });
    await findBanner(/^Waiting to retry at Thu, 3 Dec 2026, \d\d:\d\d \S+$/);
  });

  it('shows no hold for a delivered one', async () => {
    showDetail({ conversion: delivery({ status: 'delivered', hold: null }), click: null, attempts: [] });
    await screen.findByRole('heading', { name: 'Attempts (0)' });
    expect(screen.queryByText(/^Held|^Waiting to retry/)).toBeNull();
  });
});
