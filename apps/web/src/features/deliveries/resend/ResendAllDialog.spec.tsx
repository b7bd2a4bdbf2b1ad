import type { ResendJobResponse } from '@goalpost/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderPage } from '../../../test/render';
import { ResendAllDialog } from './ResendAllDialog';

const job = (overrides: Partial<ResendJobResponse>): ResendJobResponse => ({
  id: 5,
  state: 'running',
  filter: { status: 'failed' },
  force: false,
  total: 3,
  queued: 0,
  delivered: 0,
  failed: 0,
  pending: 0,
  createdBy: 'owner@example.com',
  createdAt: '2025-03-02T12:00:00.000Z',
  finishedAt: null,
  error: null,
  ...overrides,
});

describe('ResendAllDialog', () => {
  it('confirms with the count for the filter, starts the job with force when chosen, and shows the result', async () => {
    const { requests } = mockFetch({
      'POST /api/admin/deliveries/resend-jobs/preview': () => json({ matching: 3 }),
      'POST /api/admin/deliveries/resend-jobs': () => json(job({}), 202),
      'GET /api/admin/deliveries/resend-jobs/5': () => json(job({ state: 'done', queued: 3, delivered: 2, failed: 1, finishedAt: '2025-03-02T12:01:00.000Z' })),
    });
    renderPage(<ResendAllDialog filters={{ status: 'failed', from: '2025-03-01' }} onClose={vi.fn()} />);

    const dialog = await screen.findByRole('dialog', { name: 'Re-send all matching deliveries' });
    expect(await within(dialog).findByText('3 deliveries match.')).toBeTruthy();
    expect(within(dialog).getByText('Status: Failed')).toBeTruthy();
    const preview = requests.find((r) => r.url.pathname.endsWith('/preview'));
    expect(preview?.body).toEqual({ filter: { status: 'failed', from: new Date(2025, 2, 1).toISOString() } });

    await userEvent.click(within(dialog).getByLabelText('Force: skip the Aflite check'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-send 3' }));

    const finished = await screen.findByRole('dialog', { name: 'Re-send finished' });
    expect(within(finished).getByText(/2 delivered, 1 failed/)).toBeTruthy();
    const start = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/admin/deliveries/resend-jobs');
    expect(start?.body).toMatchObject({ force: true, filter: { status: 'failed' } });
  });

  it('does not offer to start when nothing matches', async () => {
    mockFetch({ 'POST /api/admin/deliveries/resend-jobs/preview': () => json({ matching: 0 }) });
    renderPage(<ResendAllDialog filters={{}} onClose={vi.fn()} />);
    expect(await screen.findByText(/Nothing matches/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Re-send 0' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
