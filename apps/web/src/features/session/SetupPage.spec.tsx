import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { testQueryClient } from '../../test/render';
import { SetupPage } from './SetupPage';

const signedIn = { setupRequired: false, user: { id: 1, email: 'owner@shop.example' }, csrfToken: 't' };

function renderSetup() {
  const router = createMemoryRouter(
    [
      { path: '/setup', element: <SetupPage /> },
      { path: '/', element: <p>overview page</p> },
      { path: '/settings', element: <p>settings page</p> },
    ],
    { initialEntries: ['/setup'] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('SetupPage', () => {
  it('takes the new admin to Settings once the account is created', async () => {
    mockFetch({
      'GET /api/admin/session': () => json({ setupRequired: true, user: null, csrfToken: null }),
      'POST /api/admin/setup': () => json(signedIn, 201),
    });
    const router = renderSetup();
    await userEvent.type(await screen.findByLabelText('Email address'), 'owner@shop.example');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.type(screen.getByLabelText('Repeat password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
    expect(await screen.findByText('settings page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings');
  });

  it("shows the server's reason under the password field when it refuses a common password", async () => {
    const reason = 'password: too easy to guess. This is a commonly used password. Add more words that are less common.';
    const { requests } = mockFetch({
      'GET /api/admin/session': () => json({ setupRequired: true, user: null, csrfToken: null }),
      'POST /api/admin/setup': () => json({ statusCode: 400, error: 'weak_password', message: reason, fields: [{ field: 'password', message: reason }] }, 400),
    });
    renderSetup();
    await userEvent.type(await screen.findByLabelText('Email address'), 'owner@shop.example');
    await userEvent.type(screen.getByLabelText('Password'), 'password123');
    await userEvent.type(screen.getByLabelText('Repeat password'), 'password123');
    await userEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Too easy to guess. This is a commonly used password. Add more words that are less common.')).toBeTruthy();
    expect(password.getAttribute('aria-describedby')).toMatch(/-error/);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('sends a signed-in admin who opens the address later to the overview', async () => {
    mockFetch({ 'GET /api/admin/session': () => json(signedIn) });
    const router = renderSetup();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
