import { expect, type Locator, type Page } from '@playwright/test';

export type NavLabel =
  'Overview' | 'Deliveries' | 'Clicks' | 'Trace a sale' | 'Install' | 'Goals' | 'Test tracking' | 'Settings' | 'Ingest keys' | 'Audit log' | 'Password';

/** The frame around every signed-in page: the main navigation and the account box. */
export class AppShell {
  readonly navigation: Locator;
  readonly signedInAs: Locator;
  readonly signOutButton: Locator;
  /** On every page while goals cannot be sent to Aflite (no API key, merchant ID or address). */
  readonly deliveryBanner: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.signedInAs = this.navigation.getByText(/^Signed in as/);
    this.signOutButton = this.navigation.getByRole('button', { name: 'Sign out' });
    this.deliveryBanner = page.getByRole('complementary', { name: 'Deliveries are waiting' });
  }

  link(label: NavLabel): Locator {
    return this.navigation.getByRole('link', { name: label, exact: true });
  }

  async open(label: NavLabel): Promise<void> {
    await this.link(label).click();
    await expect(this.link(label)).toHaveAttribute('aria-current', 'page');
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}
