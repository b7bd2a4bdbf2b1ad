import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { delivery } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { DeliveriesPage } from './DeliveriesPage';

describe('DeliveriesPage count', () => {
  const routes = (total: number, totalIsLowerBound: boolean) => ({
    'GET /api/admin/deliveries': () => json({ items: [delivery()], nextCursor: 'next', total, totalIsLowerBound }),
    'GET /api/admin/goals': () => json([]),
    'GET /api/admin/deliveries/resend-jobs': () => json({ items: [] }),
  });

  it('says how many match the search, "10,000+" past the bound', async () => {
    mockFetch(routes(10_000, true));
    renderPage(<DeliveriesPage />, { url: '/deliveries?q=ord' });
    expect(await screen.findByText('10,000+ deliveries match')).toBeTruthy();
  });

  it('says how many there are without filters, exactly below the bound', async () => {
    mockFetch(routes(1_204, false));
    renderPage(<DeliveriesPage />, { url: '/deliveries' });
    expect((await screen.findByText('1,204 deliveries')).getAttribute('role')).toBe('status');
  });
});
