import type { Locator, Page } from '@playwright/test';
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
  constructor(page: Page) {
    super(page, '/install', 'Install');
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
