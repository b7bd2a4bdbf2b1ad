import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';
import { cellIn, detailValue } from './locators';

export class ClicksPage extends DashboardPage {
  readonly table: Locator;

  constructor(page: Page) {
    super(page, '/clicks', 'Clicks');
    this.table = page.getByRole('table', { name: 'Clicks, most recently seen first' });
  }

  async searchFor(clickSessionID: string): Promise<void> {
    await this.page.getByLabel('Search by click ID (clickSessionID)').fill(clickSessionID);
    await this.page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  }

  row(clickSessionID: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: clickSessionID, exact: true }) });
  }

  async cell(clickSessionID: string, column: string): Promise<Locator> {
    await expect(this.row(clickSessionID)).toBeVisible();
    return cellIn(this.table, this.row(clickSessionID), column);
  }

  async open(clickSessionID: string): Promise<ClickDetailPage> {
    await this.row(clickSessionID).getByRole('link', { name: clickSessionID, exact: true }).click();
    return this.openedDetail(clickSessionID);
  }

  /** The click's own page, however it was reached (the Clicks table, a delivery, a trace). */
  async openedDetail(clickSessionID: string): Promise<ClickDetailPage> {
    const detail = new ClickDetailPage(this.page, clickSessionID);
    await detail.expectOpen();
    return detail;
  }
}

export class ClickDetailPage extends DashboardPage {
  readonly click: Locator;
  readonly conversions: Locator;

  constructor(page: Page, clickSessionID: string) {
    super(page, '/clicks', `Click ${clickSessionID}`);
    this.click = page.getByRole('region', { name: 'Click' });
    this.conversions = page.getByRole('region', { name: /^Conversions from this click/ });
  }

  detail(term: string): Locator {
    return detailValue(this.click, term);
  }
}
