import { expect, type Locator, type Page } from '@playwright/test';
import { screenshot } from '../support/screens';

/** A page of the dashboard: its address, its one <h1>, and a picture of it for review. */
export abstract class DashboardPage {
  readonly heading: Locator;

  protected constructor(
    readonly page: Page,
    private readonly path: string,
    title: string | RegExp,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: title });
  }

  async goto(): Promise<void> {
    await this.page.goto(this.path);
    await this.expectOpen();
  }

  async expectOpen(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: /^Loading|^Checking/ })).toHaveCount(0);
  }

  screenshot(name: string): Promise<void> {
    return screenshot(this.page, name);
  }
}
