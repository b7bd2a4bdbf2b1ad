import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { delivery, goal } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { DeliveriesPage } from './DeliveriesPage';
import { DeliveryFilterBar } from './DeliveryFilterBar';

describe('DeliveryFilterBar', () => {
  it('applies a choice at once and keeps the other filters', async () => {
    const onChange = vi.fn();
    render(<DeliveryFilterBar filters={{ q: 'ORDER' }} onChange={onChange} goals={[goal()]} />);
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Failed');
    expect(onChange).toHaveBeenLastCalledWith({ q: 'ORDER', status: 'failed' });
    await userEvent.selectOptions(screen.getByLabelText('Goal'), 'Sale (5)');
    expect(onChange).toHaveBeenLastCalledWith({ q: 'ORDER', goalId: '5' });
  });

  it('applies the search only when submitted', async () => {
    const onChange = vi.fn();
    render(<DeliveryFilterBar filters={{ status: 'failed' }} onChange={onChange} goals={[]} />);
    await userEvent.type(screen.getByLabelText(/search by order reference/i), ' abc123 ');
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onChange).toHaveBeenCalledWith({ status: 'failed', q: 'abc123' });
  });

  it('clears every filter', async () => {
    const onChange = vi.fn();
    render(<DeliveryFilterBar filters={{ status: 'failed', kind: 'test' }} onChange={onChange} goals={[]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenCalledWith({});
  });
});

describe('DeliveriesPage filters', () => {
  it('reads filters from the address, writes changes back to it, and Back undoes them', async () => {
    const { requests } = mockFetch({
      'GET /api/admin/deliveries': ({ url }) =>
        json({ items: [delivery({ status: (url.searchParams.get('status') as 'failed') ?? 'failed' })], nextCursor: null, total: 1, totalIsLowerBound: false }),
      'GET /api/admin/goals': () => json([goal()]),
    });
    const { router } = renderPage(<DeliveriesPage />, { url: '/deliveries?status=failed&kind=live' });

    expect(await screen.findByRole('link', { name: 'ORDER-1001' })).toBeTruthy();
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('failed');
    const first = requests.find((r) => r.url.pathname === '/api/admin/deliveries');
    expect(first?.url.searchParams.get('status')).toBe('failed');
    expect(first?.url.searchParams.get('kind')).toBe('live');

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Pending');
    expect(router.state.location.search).toBe('?status=pending&kind=live');
    await waitFor(() => expect(requests.some((r) => r.url.searchParams.get('status') === 'pending')).toBe(true));

    await router.navigate(-1);
    await waitFor(() => expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('failed'));
  });

  it('shows an empty state with a way out when nothing matches', async () => {
    mockFetch({
      'GET /api/admin/deliveries': () => json({ items: [], nextCursor: null, total: 0, totalIsLowerBound: false }),
      'GET /api/admin/goals': () => json([]),
    });
    const { router } = renderPage(<DeliveriesPage />, { url: '/deliveries?q=nothing' });
    expect(await screen.findByText('No deliveries match these filters')).toBeTruthy();
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]);
    expect(router.state.location.search).toBe('');
  });
});
