import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { settings } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { DeliveryBanner } from './DeliveryBanner';
import { settingsKeys } from './keys';

describe('DeliveryBanner', () => {
  it('says what deliveries wait for and links to Settings', async () => {
    mockFetch({
      'GET /api/admin/settings': () => json(settings({ afliteApiKeySet: false, afliteMid: null, deliveryBlockedBy: ['afliteApiKey', 'afliteMid'] })),
    });
    renderPage(<DeliveryBanner />);
    const banner = await screen.findByRole('complementary', { name: 'Deliveries are waiting' });
    expect(banner.textContent).toContain('The Aflite API key and the merchant ID are not set: conversions are kept and wait until they are.');
    expect(screen.getByRole('link', { name: 'Complete the Aflite account in Settings' }).getAttribute('href')).toBe('/settings');
  });

  it('is not there while Goalpost can deliver', async () => {
    mockFetch({ 'GET /api/admin/settings': () => json(settings()) });
    const { queryClient } = renderPage(<DeliveryBanner />);
    await vi.waitFor(() => expect(queryClient.getQueryData(settingsKeys.current())).toBeDefined());
    await act(async () => {});
    expect(screen.queryByRole('complementary', { name: 'Deliveries are waiting' })).toBeNull();
  });
});
