import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';
import { exactly } from './locators';

export class OverviewPage extends DashboardPage {
  readonly totals: Locator;

  constructor(page: Page) {
    super(page, '/', 'Overview');
    this.totals = page.getByRole('list', { name: 'Totals for the period' });
  }

  /** The figure on one card ("Clicks", "Delivered", …). */
  total(label: string): Locator {
    return this.totals
      .getByRole('listitem')
      .filter({ has: this.page.getByText(exactly(label)) })
      .getByText(/^[£\d]/)
      .first();
  }
}

export class InstallPage extends DashboardPage {
  /** Shown while Goalpost has seen clicks from pages on another site than its own. */
  readonly crossSiteNotice: Locator;

  constructor(page: Page) {
    super(page, '/install', 'Install');
    this.crossSiteNotice = page.getByRole('complementary', { name: 'Cross-site clicks' });
  }

  async clearCrossSiteClicks(): Promise<void> {
    await this.crossSiteNotice.getByRole('button', { name: /^Clear these/ }).click();
    await expect(this.crossSiteNotice).toBeHidden();
  }

  /** A code block by its name ("snippet", "curl example", …). */
  code(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }
}

export class AuditLogPage extends DashboardPage {
  readonly table: Locator;

  constructor(page: Page) {
    super(page, '/audit', 'Audit log');
    this.table = page.getByRole('table', { name: 'Audit log, newest first' });
  }

  entries(what: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: what, exact: true }) });
  }
}
