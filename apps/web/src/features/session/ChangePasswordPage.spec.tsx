import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { renderPage } from '../../test/render';
import { ChangePasswordPage } from './ChangePasswordPage';

const session = { setupRequired: false, user: { id: 1, email: 'owner@shop.example' }, csrfToken: 'csrf-1' };

async function fill(current: string, next: string, repeat = next) {
  await userEvent.type(screen.getByLabelText('Current password'), current);
  await userEvent.type(screen.getByLabelText('New password'), next);
  await userEvent.type(screen.getByLabelText('Repeat new password'), repeat);
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ChangePasswordPage', () => {
  it('sends the current and new password, then says the other browsers were signed out', async () => {
    const { requests } = mockFetch({
      'GET /api/admin/session': () => json(session),
      'POST /api/admin/password': () => new Response(null, { status: 204 }),
    });
    renderPage(<ChangePasswordPage />);
    await fill('correct horse battery', 'tangerine lighthouse ribbon');
    expect(await screen.findByText(/Password changed\. Any other browser signed in to this account has been signed out\./)).toBeTruthy();
    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({ currentPassword: 'correct horse battery', newPassword: 'tangerine lighthouse ribbon' });
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('');
  });

  it("shows the server's reasons under the fields they are about", async () => {
    const weak = 'newPassword: too easy to guess. This is a commonly used password. Add more words that are less common.';
    mockFetch({
      'GET /api/admin/session': () => json(session),
      'POST /api/admin/password': () =>
        json({ statusCode: 400, error: 'weak_password', message: weak, fields: [{ field: 'newPassword', message: weak }] }, 400),
    });
    renderPage(<ChangePasswordPage />);
    await fill('correct horse battery', 'password123');
    expect(await screen.findByText('Too easy to guess. This is a commonly used password. Add more words that are less common.')).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBeNull();
  });

  it('checks length and the repeat before asking the server', async () => {
    const { requests } = mockFetch({ 'GET /api/admin/session': () => json(session) });
    renderPage(<ChangePasswordPage />);
    await fill('correct horse battery', 'short');
    expect(await screen.findByText('Use at least 10 characters.')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.type(screen.getByLabelText('New password'), 'tangerine lighthouse ribbon');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByText('The two passwords are not the same.')).toBeTruthy());
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
