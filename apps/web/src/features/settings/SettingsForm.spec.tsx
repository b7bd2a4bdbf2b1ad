import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetch-mock';
import { settings } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { SettingsForm } from './SettingsForm';

const describedText = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('SettingsForm', () => {
  it('shows each api field error next to its field and sends only what changed', async () => {
    const { requests } = mockFetch({
      'PATCH /api/admin/settings': () =>
        json(
          {
            statusCode: 400,
            error: 'validation_failed',
            message: 'maxAttempts: must not be greater than 20; allowedOrigins.0: each value must be an origin',
            fields: [
              { field: 'maxAttempts', message: 'maxAttempts must not be greater than 20' },
              { field: 'allowedOrigins.0', message: 'allowedOrigins.0 must be an origin such as https://www.example.com' },
            ],
          },
          400,
        ),
    });
    renderPage(<SettingsForm settings={settings()} />);

    const attempts = screen.getByLabelText('Attempts before giving up');
    await userEvent.clear(attempts);
    await userEvent.type(attempts, '99');
    const origins = screen.getByLabelText('Allowed origins (one per line)');
    await userEvent.clear(origins);
    await userEvent.type(origins, 'example');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Must not be greater than 20')).toBeTruthy();
    expect(attempts.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(attempts)).toContain('Must not be greater than 20');
    expect(describedText(origins)).toContain('Line 1: must be an origin');
    expect(screen.getByLabelText('Merchant ID (mid)').getAttribute('aria-invalid')).toBeNull();
    expect(requests[0].body).toEqual({ maxAttempts: 99, allowedOrigins: ['example'] });
  });

  it('never shows the stored key, only its last four characters, and sends a replacement once', async () => {
    const { requests } = mockFetch({ 'PATCH /api/admin/settings': () => json(settings({ afliteApiKeyLast4: '9876' })) });
    renderPage(<SettingsForm settings={settings()} />);
    expect(screen.getByText('set, ending in 1234')).toBeTruthy();
    const key = screen.getByLabelText('Replace API key') as HTMLInputElement;
    expect(key.value).toBe('');
    await userEvent.type(key, 'new-secret-9876');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(requests[0].body).toEqual({ afliteApiKey: 'new-secret-9876' });
    expect(key.value).toBe('');
  });

  it('sends what was typed in a number field as it is, and shows every problem at once with the first field focused', async () => {
    const { requests } = mockFetch({
      'PATCH /api/admin/settings': () =>
        json(
          {
            statusCode: 400,
            error: 'validation_failed',
            message: 'afliteMid: afliteMid is required…; attributionWindowDays: attributionWindowDays must be a whole number of days',
            fields: [
              { field: 'afliteMid', message: 'afliteMid is required while an Aflite API key is set' },
              { field: 'attributionWindowDays', message: 'attributionWindowDays must be a whole number of days' },
            ],
          },
          400,
        ),
    });
    renderPage(<SettingsForm settings={settings()} />);
    const days = screen.getByLabelText('Attribution window (days)');
    await userEvent.clear(days);
    await userEvent.type(days, '30.5');
    const mid = screen.getByLabelText('Merchant ID (mid)');
    await userEvent.clear(mid);
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('2 settings need attention: see the messages above. Nothing was saved.')).toBeTruthy();
    expect(requests[0].body).toEqual({ afliteMid: null, attributionWindowDays: '30.5' });
    expect(describedText(mid)).toContain('Is required while an Aflite API key is set');
    expect(describedText(days)).toContain('Must be a whole number of days');
    expect(document.activeElement).toBe(mid);
    expect(screen.queryByText('Settings saved.')).toBeNull();
  });

  it('shows a field set by the environment read-only, naming its variable, and never sends it', async () => {
    const { requests } = mockFetch({ 'PATCH /api/admin/settings': () => json(settings()) });
    renderPage(<SettingsForm settings={settings({ environmentManaged: { afliteBaseUrl: 'AFLITE_BASE_URL', afliteMethod: 'AFLITE_METHOD' } })} />);
    const baseUrl = screen.getByLabelText('Aflite address') as HTMLInputElement;
    expect(baseUrl.readOnly).toBe(true);
    expect(describedText(baseUrl)).toContain('Set by the environment variable AFLITE_BASE_URL: change it there and restart Goalpost.');
    expect((screen.getByLabelText('POST (form-encoded body)') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/^2 settings come from this server’s environment/)).toBeTruthy();
    await userEvent.type(baseUrl, '/elsewhere');
    expect(baseUrl.value).toBe('http://aflite.co.uk');

    await userEvent.clear(screen.getByLabelText('Attempts before giving up'));
    await userEvent.type(screen.getByLabelText('Attempts before giving up'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(requests[0].body).toEqual({ maxAttempts: 3 });
  });
});
