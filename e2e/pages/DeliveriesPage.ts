import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';
import { cellIn } from './locators';

export type DeliveryStatus = 'Pending' | 'Delivered' | 'Failed' | 'Unattributed';
export type StatusFilter = 'Any status' | DeliveryStatus;
export type KindFilter = 'Live and test' | 'Live only' | 'Test only';

/** Goalpost's answer to "is it in Aflite yet?" comes from the worker: a merchant reloads to see it change. */
const SETTLE_TIMEOUT_MS = 30_000;

export class DeliveriesPage extends DashboardPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly statusFilter: Locator;
  readonly goalFilter: Locator;
  readonly kindFilter: Locator;
  readonly noMatches: Locator;
  readonly shownCount: Locator;
  /** How many deliveries the filters match, all pages: "55 deliveries match", "10,000+ deliveries match". */
  readonly total: Locator;

  constructor(page: Page) {
    super(page, '/deliveries', 'Deliveries');
    this.table = page.getByRole('table', { name: 'Deliveries, newest first' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('link') });
    this.search = page.getByLabel('Search by order reference (mref) or click ID');
    this.statusFilter = page.getByLabel('Status', { exact: true });
    this.goalFilter = page.getByLabel('Goal', { exact: true });
    this.kindFilter = page.getByLabel('Live or test', { exact: true });
    this.noMatches = page.getByText('No deliveries match these filters');
    this.shownCount = page.getByText(/^Showing \d+ deliveries/);
    this.total = page.getByRole('status').filter({ hasText: /^[\d,]+\+? deliver(y|ies)/ });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  }

  async filterByStatus(status: StatusFilter): Promise<void> {
    await this.statusFilter.selectOption({ label: status });
  }

  async filterByKind(kind: KindFilter): Promise<void> {
    await this.kindFilter.selectOption({ label: kind });
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  row(mref: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: mref, exact: true }) });
  }

  async cell(mref: string, column: string): Promise<Locator> {
    await expect(this.row(mref)).toBeVisible();
    return cellIn(this.table, this.row(mref), column);
  }

  status(mref: string): Promise<Locator> {
    return this.cell(mref, 'Status');
  }

  /** Why a pending row waits, under its status: "Held: …" or "Waiting to retry at …". */
  async holdNote(mref: string): Promise<Locator> {
    return (await this.status(mref)).getByText(/^(Held: |Waiting to retry at )/);
  }

  /** Reloads, as a merchant would, until the row shows the status: the list does not refresh by itself. */
  async waitForStatus(mref: string, status: DeliveryStatus): Promise<void> {
    await expect(async () => {
      await this.page.reload();
      await expect(await this.status(mref)).toHaveText(new RegExp(`^${status}`), { timeout: 2_000 });
    }).toPass({ timeout: SETTLE_TIMEOUT_MS, intervals: [250, 500, 1_000] });
  }

  /** Reloads until the (filtered) table holds exactly this many rows. */
  async waitForRowCount(count: number): Promise<void> {
    await expect(async () => {
      await this.page.reload();
      await expect(this.rows).toHaveCount(count, { timeout: 2_000 });
    }).toPass({ timeout: SETTLE_TIMEOUT_MS, intervals: [250, 500, 1_000] });
  }

  async open(mref: string): Promise<void> {
    await this.row(mref).getByRole('link', { name: mref, exact: true }).click();
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Export CSV' }).click();
    return download;
  }

  /** "Re-send all matching": the confirmation dialog, with the server's count of what would be re-sent. */
  async startResendAllMatching(): Promise<ResendAllDialog> {
    await this.page.getByRole('button', { name: 'Re-send all matching' }).click();
    const dialog = new ResendAllDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class ResendAllDialog {
  readonly root: Locator;
  readonly filterSummary: Locator;
  readonly matchCount: Locator;
  readonly progress: Locator;
  readonly progressStatus: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /^Re-send/ });
    this.filterSummary = this.root.getByRole('list');
    this.matchCount = this.root.getByText(/deliver(y|ies) match/);
    this.progress = this.root.getByRole('progressbar');
    this.progressStatus = this.root.getByRole('status').filter({ hasText: /^(Putting|All|Finished|The job)/ });
  }

  async confirm(count: number): Promise<void> {
    await this.root.getByRole('button', { name: `Re-send ${count}`, exact: true }).click();
  }

  async expectFinished(delivered: number, failed: number): Promise<void> {
    await expect(this.page.getByRole('dialog', { name: 'Re-send finished' })).toBeVisible({ timeout: 30_000 });
    await expect(this.progressStatus).toHaveText(new RegExp(`: ${delivered} delivered, ${failed} failed\\.$`));
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Done' }).click();
    await expect(this.root).toBeHidden();
  }
}
