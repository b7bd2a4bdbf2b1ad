import type { CreatedIngestKeyResponse, IngestKeyResponse } from '@goalpost/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { renderPage } from '../../test/render';
import { IngestKeysPage } from './IngestKeysPage';

const stored: IngestKeyResponse = {
  id: 3,
  name: 'Checkout server',
  prefix: 'gpk_ab12',
  createdAt: '2025-03-02T09:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('IngestKeysPage', () => {
  it('shows a new key once, with a copy button and a warning, and lists it without the secret afterwards', async () => {
    let keys: IngestKeyResponse[] = [];
    const { requests } = mockFetch({
      'GET /api/admin/ingest-keys': () => json(keys),
      'POST /api/admin/ingest-keys': ({ body }) => {
        const created: CreatedIngestKeyResponse = { ...stored, name: (body as { name: string }).name, key: 'gpk_ab12_SECRET_VALUE' };
        keys = [stored];
        return json(created, 201);
      },
    });
    renderPage(<IngestKeysPage />);
    expect(await screen.findByText('No ingest keys yet')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Key name'), 'Checkout server');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const dialog = await screen.findByRole('dialog', { name: /created/ });
    expect((within(dialog).getByLabelText('Your new ingest key') as HTMLInputElement).value).toBe('gpk_ab12_SECRET_VALUE');
    expect(within(dialog).getByText(/will not be shown again/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Checkout server' });

    await userEvent.click(within(dialog).getByRole('button', { name: 'I have stored the key' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('cell', { name: 'gpk_ab12…' })).toBeTruthy();
    expect(screen.queryByText(/SECRET_VALUE/)).toBeNull();
  });

  it('shows the api message next to the name field', async () => {
    mockFetch({
      'GET /api/admin/ingest-keys': () => json([]),
      'POST /api/admin/ingest-keys': () =>
        json(
          {
            statusCode: 400,
            error: 'validation_failed',
            message: 'name: should not be empty',
            fields: [{ field: 'name', message: 'name should not be empty' }],
          },
          400,
        ),
    });
    renderPage(<IngestKeysPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Should not be empty')).toBeTruthy();
    expect(screen.getByLabelText('Key name').getAttribute('aria-invalid')).toBe('true');
  });

  it('revokes only after confirmation', async () => {
    let revoked = false;
    mockFetch({
      'GET /api/admin/ingest-keys': () => json([{ ...stored, revokedAt: revoked ? '2025-03-03T10:00:00.000Z' : null }]),
      'DELETE /api/admin/ingest-keys/3': () => {
        revoked = true;
        return new Response(null, { status: 204 });
      },
    });
    renderPage(<IngestKeysPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Checkout server' }));
    const dialog = screen.getByRole('dialog', { name: /Revoke/ });
    expect(revoked).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText(/^Revoked/)).toBeTruthy();
  });
});
