import { test as base } from '@playwright/test';
import { SetupPage, SignInPage } from '../pages/AccountPages';
import { AppShell } from '../pages/AppShell';
import { ClicksPage } from '../pages/ClicksPages';
import { DeliveriesPage } from '../pages/DeliveriesPage';
import { GoalsPage } from '../pages/GoalsPage';
import { IngestKeysPage } from '../pages/IngestKeysPage';
import { AuditLogPage, InstallPage, OverviewPage } from '../pages/OtherPages';
import { SettingsPage } from '../pages/SettingsPage';
import { ShopLandingPage } from '../pages/ShopLandingPage';
import { TestTrackingPage } from '../pages/TestTrackingPage';
import { TracePage } from '../pages/TracePage';
import { MerchantServer } from './merchant-server';
import { readIngestKey } from './run-state';
import { SandboxControl } from './sandbox-control';

interface MerchantFixtures {
  shell: AppShell;
  setupPage: SetupPage;
  signInPage: SignInPage;
  overview: OverviewPage;
  settings: SettingsPage;
  goals: GoalsPage;
  ingestKeys: IngestKeysPage;
  testTracking: TestTrackingPage;
  deliveries: DeliveriesPage;
  clicks: ClicksPage;
  tracePage: TracePage;
  install: InstallPage;
  auditLog: AuditLogPage;
  /** Aflite's side: faults and the report of what it received. Faults are cleared after every test. */
  sandbox: SandboxControl;
  /** The merchant's backend, with the ingest key created during setup. */
  merchantServer: MerchantServer;
  /** A visitor from an affiliate, in a browser of their own (no admin session). */
  visitor: ShopLandingPage;
}

export const test = base.extend<MerchantFixtures>({
  shell: async ({ page }, use) => use(new AppShell(page)),
  setupPage: async ({ page }, use) => use(new SetupPage(page)),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  overview: async ({ page }, use) => use(new OverviewPage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
  goals: async ({ page }, use) => use(new GoalsPage(page)),
  ingestKeys: async ({ page }, use) => use(new IngestKeysPage(page)),
  testTracking: async ({ page }, use) => use(new TestTrackingPage(page)),
  deliveries: async ({ page }, use) => use(new DeliveriesPage(page)),
  clicks: async ({ page }, use) => use(new ClicksPage(page)),
  tracePage: async ({ page }, use) => use(new TracePage(page)),
  install: async ({ page }, use) => use(new InstallPage(page)),
  auditLog: async ({ page }, use) => use(new AuditLogPage(page)),
  sandbox: async ({}, use) => {
    const sandbox = new SandboxControl();
    await use(sandbox);
    await sandbox.heal();
  },
  merchantServer: async ({}, use) => use(new MerchantServer(readIngestKey())),
  visitor: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    await use(new ShopLandingPage(await context.newPage()));
    await context.close();
  },
});

export { expect } from '@playwright/test';
