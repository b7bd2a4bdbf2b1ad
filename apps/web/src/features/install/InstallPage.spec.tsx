import type { CrossSiteHealth } from '@goalpost/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { goal, settings } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { InstallPage } from './InstallPage';

const NOTHING_SEEN: CrossSiteHealth = { seen: false, lastOrigin: null, lastSeenAt: null, sites: [] };
const SEEN: CrossSiteHealth = {
  seen: true,
  lastOrigin: 'https://www.shop.example',
  lastSeenAt: '2025-03-02T09:30:00.000Z',
  sites: [
    {
      pageSite: 'shop.example',
      goalpostSite: 'goalpost-hosting.example',
      lastOrigin: 'https://www.shop.example',
      clicks: 12,
      firstSeenAt: '2025-03-01T08:00:00.000Z',
      lastSeenAt: '2025-03-02T09:30:00.000Z',
    },
    {
      pageSite: 'landing.example',
      goalpostSite: 'goalpost-hosting.example',
      lastOrigin: 'https://landing.example',
      clicks: 1,
      firstSeenAt: '2025-03-01T08:00:00.000Z',
      lastSeenAt: '2025-03-01T08:00:00.000Z',
    },
  ],
};

function mockInstall(crossSite: () => CrossSiteHealth, onClear?: () => void) {
  return mockFetch({
    'GET /api/admin/settings': () => json(settings()),
    'GET /api/admin/goals': () => json([goal()]),
    'GET /api/admin/test-tracking/cross-site': () => json(crossSite()),
    'DELETE /api/admin/test-tracking/cross-site': () => {
      onClear?.();
      return new Response(null, { status: 204 });
    },
  });
}

describe('InstallPage: a cross-site deployment', () => {
  it('says nothing when every click came from the same site as Goalpost', async () => {
    mockInstall(() => NOTHING_SEEN);
    renderPage(<InstallPage />);
    expect(await screen.findByRole('heading', { name: '1. Add the snippet to every page' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Cross-site clicks' })).toBeNull());
  });

  it('says where the clicks came from, what it costs and what to do, and clears it on request', async () => {
    let crossSite = SEEN;
    const { requests } = mockInstall(
      () => crossSite,
      () => (crossSite = NOTHING_SEEN),
    );
    renderPage(<InstallPage />);

    const notice = await screen.findByRole('complementary', { name: 'Cross-site clicks' });
    expect(notice.textContent).toContain('The last came from https://www.shop.example');
    expect(notice.textContent).toContain('while Goalpost runs on goalpost-hosting.example');
    expect(notice.textContent).toContain('gp_click');
    const sites = within(notice).getByRole('list', { name: 'Sites seen' });
    expect(
      within(sites)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.split(', last')[0]),
    ).toEqual(['shop.example: 12 clicks', 'landing.example: 1 click']);
    expect(notice.textContent).toContain('Host Goalpost under the shop’s own domain, e.g. track.shop.example');
    expect(notice.textContent).toContain('Set the cookie domain to shop.example');
    expect(notice.textContent).toContain('keep the clickSessionID');

    await userEvent.click(within(notice).getByRole('button', { name: /Clear these/ }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Cross-site clicks' })).toBeNull());
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.url.pathname)).toEqual(['/api/admin/test-tracking/cross-site']);
  });
});
