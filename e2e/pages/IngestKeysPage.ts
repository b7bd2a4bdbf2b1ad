import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';
import { cellIn } from './locators';

export class IngestKeysPage extends DashboardPage {
  readonly table: Locator;
  /** The one-time dialog that shows a new key in full. */
  readonly createdDialog: Locator;
  readonly createdKey: Locator;

  constructor(page: Page) {
    super(page, '/ingest-keys', 'Ingest keys');
    this.table = page.getByRole('table', { name: 'Ingest keys' });
    this.createdDialog = page.getByRole('dialog', { name: /^Ingest key .* created$/ });
    this.createdKey = this.createdDialog.getByLabel('Your new ingest key');
  }

  async createKey(name: string): Promise<void> {
    await this.page.getByLabel('Key name').fill(name);
    await this.page.getByRole('button', { name: 'Create key' }).click();
    await expect(this.createdDialog).toBeVisible();
  }

  /** Copies the key with the dialog's button and returns what landed on the clipboard. */
  async copyCreatedKey(): Promise<string> {
    await this.createdDialog.getByRole('button', { name: 'Copy key' }).click();
    await expect(this.createdDialog.getByRole('status')).toHaveText('Copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async confirmKeyStored(): Promise<void> {
    await this.createdDialog.getByRole('button', { name: 'I have stored the key' }).click();
    await expect(this.createdDialog).toBeHidden();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async cell(name: string, column: string): Promise<Locator> {
    await expect(this.row(name)).toBeVisible();
    return cellIn(this.table, this.row(name), column);
  }
}
