import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { delivery } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { DeliveryTable } from './DeliveryTable';
import { holdLabel } from './hold';

describe('holdLabel', () => {
  it('says in plain words why a delivery waits', () => {
    expect(holdLabel({ reason: 'aflite-down', since: '2026-12-03T13:55:00.000Z' })).toBe('Held: Aflite is not answering');
    expect(holdLabel({ reason: 'not-configured' })).toBe('Held: the Aflite API key or merchant ID is not set');
    expect(holdLabel({ reason: 'retry-wait', until: '2026-12-03T14:05:00.000Z' }, 'Europe/London')).toBe('Waiting to retry at Thu, 3 Dec 2026, 14:05 GMT');
  });
});

describe('DeliveryTable held rows', () => {
  const statusCell = (mref: string) => {
    const row = screen.getByRole('link', { name: mref }).closest('tr') as HTMLElement;
    return within(row).getAllByRole('cell')[5];
  };

  it('labels each held row with its reason beside the status, and nothing on the others', () => {
    renderPage(
      <DeliveryTable
        items={[
          delivery({ id: 1, mref: 'DOWN-1', status: 'pending', lastError: 'HTTP 503: busy', hold: { reason: 'aflite-down', since: null } }),
          delivery({ id: 2, mref: 'UNSET-1', status: 'pending', lastError: 'Aflite API key or merchant ID is not set', hold: { reason: 'not-configured' } }),
          delivery({
            id: 3,
            mref: 'RETRY-1',
            status: 'pending',
            lastError: 'HTTP 503: busy',
            hold: { reason: 'retry-wait', until: '2026-12-03T14:05:00.000Z' },
          }),
          delivery({ id: 4, mref: 'DONE-1', status: 'delivered', lastError: null, hold: null }),
        ]}
        selected={new Set()}
        onToggle={() => {}}
        onToggleAll={() => {}}
      />,
    );
    expect(statusCell('DOWN-1').textContent).toBe('PendingHeld: Aflite is not answeringHTTP 503: busy');
    // The worker postponed it with the same words: said once.
    expect(statusCell('UNSET-1').textContent).toBe('PendingHeld: the Aflite API key or merchant ID is not set');
    expect(statusCell('RETRY-1').textContent).toMatch(/^PendingWaiting to retry at Thu, 3 Dec 2026, \d\d:\d\d \S+HTTP 503: busy$/);
    expect(statusCell('DONE-1').textContent).toBe('Delivered');
  });

  it('shows when each delivery was created with its day and zone, the time under the day', () => {
    renderPage(<DeliveryTable items={[delivery({ createdAt: '2026-12-03T14:05:00.000Z' })]} selected={new Set()} onToggle={() => {}} onToggleAll={() => {}} />);
    const time = screen.getByRole('link', { name: 'ORDER-1001' }).closest('tr')?.querySelector('time') as HTMLElement;
    expect(time.getAttribute('datetime')).toBe('2026-12-03T14:05:00.000Z');
    expect([...time.children].map((part) => part.textContent)).toEqual([expect.stringMatching(/^Thu, 3 Dec 2026$/), expect.stringMatching(/^\d\d:\d\d \S+$/)]);
    expect(time.getAttribute('title')).toMatch(/^Thu, 3 Dec 2026, \d\d:\d\d:00 \S+$/);
  });
});
