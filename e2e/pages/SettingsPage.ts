import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';

export interface AfliteAccount {
  baseUrl: string;
  apiKey: string;
  merchantId: string;
}

export interface RetryPolicy {
  maxAttempts: number;
  firstWaitSeconds: number;
  longestWaitSeconds: number;
}

export class SettingsPage extends DashboardPage {
  /** "Aflite API key: set, ending in …": all the dashboard ever shows of the key. */
  readonly apiKeyStatus: Locator;
  readonly apiKeyInput: Locator;
  readonly merchantId: Locator;
  readonly baseUrl: Locator;
  readonly maxAttempts: Locator;
  readonly firstWait: Locator;
  readonly longestWait: Locator;
  readonly allowedOrigins: Locator;
  readonly redirectHosts: Locator;
  readonly attributionWindow: Locator;
  readonly saved: Locator;
  /** "3 settings need attention: …": the summary of a refused save. */
  readonly needsAttention: Locator;

  constructor(page: Page) {
    super(page, '/settings', 'Settings');
    this.apiKeyStatus = page.getByText(/^Aflite API key:/);
    // Labelled "Aflite API key" until one is set, "Replace API key" afterwards.
    this.apiKeyInput = page.getByLabel(/^(Aflite API key|Replace API key)$/);
    this.merchantId = page.getByLabel('Merchant ID (mid)');
    this.baseUrl = page.getByLabel('Aflite address');
    this.maxAttempts = page.getByLabel('Attempts before giving up');
    this.firstWait = page.getByLabel('First wait (seconds)');
    this.longestWait = page.getByLabel('Longest wait (seconds)');
    this.allowedOrigins = page.getByLabel('Allowed origins (one per line)');
    this.redirectHosts = page.getByLabel('Redirect hosts (one per line)');
    this.attributionWindow = page.getByLabel('Attribution window (days)');
    this.saved = page.getByText('Settings saved.');
    this.needsAttention = page.getByText(/needs? attention: see the messages above\. Nothing was saved\.$/);
  }

  /** The error message shown under a field. */
  errorOf(field: Locator): Locator {
    return this.page.locator('.field').filter({ has: field }).locator('.field-error');
  }

  /** The hint under a field (for an environment-managed one: which variable sets it). */
  hintOf(field: Locator): Locator {
    return this.page.locator('.field').filter({ has: field }).locator('.field-hint');
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  async connectAflite(account: AfliteAccount): Promise<void> {
    await this.apiKeyInput.fill(account.apiKey);
    await this.merchantId.fill(account.merchantId);
    await this.baseUrl.fill(account.baseUrl);
  }

  async setRetryPolicy(policy: RetryPolicy): Promise<void> {
    await this.maxAttempts.fill(String(policy.maxAttempts));
    await this.firstWait.fill(String(policy.firstWaitSeconds));
    await this.longestWait.fill(String(policy.longestWaitSeconds));
  }

  async allowOrigins(origins: string[]): Promise<void> {
    await this.allowedOrigins.fill(origins.join('\n'));
  }

  async allowRedirectHosts(hosts: string[]): Promise<void> {
    await this.redirectHosts.fill(hosts.join('\n'));
  }

  async save(): Promise<void> {
    await this.submit();
    await expect(this.saved).toBeVisible();
  }
}
