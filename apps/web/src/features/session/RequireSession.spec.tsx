import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { renderPage } from '../../test/render';
import { RequireSession } from './RequireSession';

describe('RequireSession', () => {
  it('sends a signed-out visitor to sign in, remembering the address to come back to', async () => {
    mockFetch({ 'GET /api/admin/session': () => json({ setupRequired: false, user: null, csrfToken: null }) });
    const { router } = renderPage(<RequireSession>secret page</RequireSession>, { url: '/deliveries?status=failed' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/deliveries?status=failed')}`);
    expect(screen.queryByText('secret page')).toBeNull();
  });

  it('sends everyone to first-run setup while no admin exists', async () => {
    mockFetch({ 'GET /api/admin/session': () => json({ setupRequired: true, user: null, csrfToken: null }) });
    const { router } = renderPage(<RequireSession>secret page</RequireSession>, { url: '/' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/setup'));
  });

  it('shows the page to a signed-in admin', async () => {
    mockFetch({ 'GET /api/admin/session': () => json({ setupRequired: false, user: { id: 1, email: 'a@example.com' }, csrfToken: 't' }) });
    renderPage(<RequireSession>secret page</RequireSession>, { url: '/' });
    expect(await screen.findByText('secret page')).toBeTruthy();
  });
});
