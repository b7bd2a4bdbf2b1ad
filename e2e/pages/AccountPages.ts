import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';

/** First run: the dashboard has no admin yet and asks for one. */
export class SetupPage extends DashboardPage {
  constructor(page: Page) {
    super(page, '/setup', 'Create your admin account');
  }

  async createAdminAccount(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel('Repeat password').fill(password);
    await this.page.getByRole('button', { name: 'Create admin account' }).click();
  }
}

export class SignInPage extends DashboardPage {
  readonly signInButton: Locator;

  constructor(page: Page) {
    super(page, '/sign-in', 'Sign in');
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.signInButton.click();
  }

  /** Sent here from a page behind sign-in, with that page remembered as the way back. */
  async expectAskedToSignInFor(path: string): Promise<void> {
    await this.expectOpen();
    await expect(this.page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === path);
  }
}
