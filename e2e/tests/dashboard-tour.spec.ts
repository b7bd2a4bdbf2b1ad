import type { NavLabel } from '../pages/AppShell';
import { expect, test } from '../support/fixtures';
import { API_URL } from '../support/ports';
import { screenshot } from '../support/screens';

const PAGES: { label: NavLabel; title: string; screen: string }[] = [
  { label: 'Overview', title: 'Overview', screen: 'overview' },
  { label: 'Deliveries', title: 'Deliveries', screen: 'tour-deliveries' },
  { label: 'Clicks', title: 'Clicks', screen: 'tour-clicks' },
  { label: 'Trace a sale', title: 'Trace a sale', screen: 'trace-empty' },
  { label: 'Install', title: 'Install', screen: 'install' },
  { label: 'Goals', title: 'Goals', screen: 'tour-goals' },
  { label: 'Test tracking', title: 'Test tracking', screen: 'test-tracking' },
  { label: 'Settings', title: 'Settings', screen: 'tour-settings' },
  { label: 'Ingest keys', title: 'Ingest keys', screen: 'tour-ingest-keys' },
  { label: 'Audit log', title: 'Audit log', screen: 'audit-log' },
  { label: 'Password', title: 'Password', screen: 'account-password' },
];

test('every page opens from the menu, titled, with the tab named after it', async ({ page, shell }) => {
  await page.goto('/');
  for (const { label, title, screen } of PAGES) {
    await test.step(label, async () => {
      await shell.open(label);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page).toHaveTitle(`${title} · Goalpost`);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await screenshot(page, screen);
    });
  }
});

test('the overview counts, the install guide is filled in for this Goalpost, the audit log lists the setup', async ({ overview, install, auditLog }) => {
  await test.step('overview: a figure on every card', async () => {
    await overview.goto();
    for (const label of ['Clicks', 'Conversions', 'Delivered', 'Failed', 'Pending', 'Unattributed']) {
      await expect(overview.total(label), label).toHaveText(/^\d[\d,]*$/);
    }
    await expect(overview.total('Delivered value')).toHaveText(/^£[\d,]+\.\d\d$/);
  });

  await test.step('install: the snippet points at this Goalpost', async () => {
    await install.goto();
    await expect(install.code('snippet')).toContainText(`<script async src="${API_URL}/t/goalpost.js"></script>`);
    await expect(install.code('curl example')).toContainText(`${API_URL}/api/v1/conversions`);
  });

  await test.step('audit log: the first run’s changes, by the admin', async () => {
    await auditLog.goto();
    for (const what of ['Created the admin account', 'Changed settings', 'Added a goal', 'Created an ingest key']) {
      await expect(auditLog.entries(what).first(), what).toBeVisible();
    }
    await expect(auditLog.table).not.toContainText('e2e-aflite-key');
  });
});

test('on a phone the menu folds away behind a button', async ({ page, shell, deliveries }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.link('Deliveries')).toBeHidden();
  await screenshot(page, 'phone-overview');
  await menu.click();
  await expect(shell.link('Deliveries')).toBeVisible();
  await screenshot(page, 'phone-menu');
  await shell.link('Deliveries').click();
  await deliveries.expectOpen();
  await expect(shell.link('Deliveries')).toBeHidden();
  await screenshot(page, 'phone-deliveries');
  await deliveries.table.scrollIntoViewIfNeeded();
  await screenshot(page, 'phone-deliveries-window', { fullPage: false });
});
