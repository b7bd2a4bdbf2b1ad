import type { APIRequestContext } from '@playwright/test';
import type { NavLabel } from '../pages/AppShell';
import { expect, test } from '../support/fixtures';
import { LANDING_URL, SANDBOX_API_KEY, SANDBOX_MID } from '../support/ports';

const EVERY_PAGE: NavLabel[] = [
  'Overview',
  'Deliveries',
  'Clicks',
  'Trace a sale',
  'Install',
  'Goals',
  'Test tracking',
  'Settings',
  'Ingest keys',
  'Audit log',
];

/** A settings change straight through the admin API, with the signed-in browser's session (the dashboard has no "remove key" button). */
async function patchSettings(request: APIRequestContext, changes: Record<string, unknown>): Promise<void> {
  const session = await request.get('/api/admin/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await request.patch('/api/admin/settings', { data: changes, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(200);
}

test('a setting from the environment is read-only, names its variable, and its start is in the audit log', async ({ settings, auditLog }) => {
  await test.step('settings: the attribution window as ATTRIBUTION_WINDOW_DAYS sets it, not editable', async () => {
    await settings.goto();
    await expect(settings.attributionWindow).toHaveValue('45');
    await expect(settings.attributionWindow).not.toBeEditable();
    await expect(settings.hintOf(settings.attributionWindow)).toHaveText(
      'Set by the environment variable ATTRIBUTION_WINDOW_DAYS: change it there and restart Goalpost.',
    );
    await expect(settings.page.getByText('One setting comes from this server’s environment and cannot be changed here')).toBeVisible();
    // Everything else stays editable.
    await expect(settings.maxAttempts).toBeEditable();
    await settings.screenshot('settings-environment-managed');
  });

  await test.step('audit log: applied at start by "environment", before → after', async () => {
    await auditLog.goto();
    const entry = auditLog.entries('Applied settings from the environment').first();
    await expect(entry).toBeVisible();
    await expect(entry.getByRole('cell', { name: 'environment', exact: true })).toBeVisible();
    await expect(entry).toContainText('30 days → 45 days');
  });
});

test('a refused save shows every problem at once, each under its field, the first one focused, and saves nothing', async ({ page, settings }) => {
  await settings.goto();
  await settings.merchantId.fill('');
  await settings.maxAttempts.fill('0');
  await settings.longestWait.fill('soon');
  await settings.allowOrigins(['shop.example']);
  await settings.submit();

  await expect(settings.needsAttention).toHaveText('4 settings need attention: see the messages above. Nothing was saved.');
  await expect(settings.errorOf(settings.merchantId)).toContainText('Is required while an Aflite API key is set');
  await expect(settings.errorOf(settings.maxAttempts)).toHaveText('Must be at least 1');
  await expect(settings.errorOf(settings.longestWait)).toHaveText('Must be a whole number of seconds');
  await expect(settings.errorOf(settings.allowedOrigins)).toContainText('"shop.example" is not one');
  await expect(settings.merchantId).toBeFocused();
  await expect(settings.saved).toBeHidden();
  await settings.screenshot('settings-all-errors');

  await page.reload();
  await settings.expectOpen();
  await expect(settings.merchantId).toHaveValue(SANDBOX_MID);
  await expect(settings.maxAttempts).toHaveValue('2');
  await expect(settings.allowedOrigins).toHaveValue(LANDING_URL);
});

test('while no API key is set, every page says goals are not sent and links to Settings', async ({ page, shell, settings }) => {
  await patchSettings(page.request, { afliteApiKey: '' });
  try {
    await page.goto('/');
    for (const label of EVERY_PAGE) {
      await test.step(label, async () => {
        await shell.open(label);
        await expect(shell.deliveryBanner).toContainText('The Aflite API key is not set: conversions are kept and wait until it is.');
      });
    }
    await settings.screenshot('delivery-banner');

    await shell.open('Overview');
    await shell.deliveryBanner.getByRole('link', { name: 'Complete the Aflite account in Settings' }).click();
    await settings.expectOpen();
    await expect(settings.apiKeyStatus).toHaveText('Aflite API key: not set');
    await settings.apiKeyInput.fill(SANDBOX_API_KEY);
    await settings.save();
    await expect(shell.deliveryBanner).toBeHidden();
    await shell.open('Deliveries');
    await expect(shell.deliveryBanner).toBeHidden();
  } finally {
    // The later tests deliver with this key, whatever happened above.
    await patchSettings(page.request, { afliteApiKey: SANDBOX_API_KEY });
  }
});
