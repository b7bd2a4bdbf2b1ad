import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';
import { cellIn } from './locators';

export interface GoalInput {
  name: string;
  afliteGoalId: string;
  defaultValue?: string;
  allowBrowser?: boolean;
  /** Only asked for goals allowed from the browser. */
  maxBrowserValue?: string;
}

export class GoalsPage extends DashboardPage {
  readonly table: Locator;

  constructor(page: Page) {
    super(page, '/goals', 'Goals');
    this.table = page.getByRole('table', { name: 'Goals' });
  }

  async addGoal(goal: GoalInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add goal' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add goal' });
    await dialog.getByLabel('Name', { exact: true }).fill(goal.name);
    await dialog.getByLabel('Aflite goal ID').fill(goal.afliteGoalId);
    if (goal.defaultValue !== undefined) await dialog.getByLabel('Default value (£)').fill(goal.defaultValue);
    if (goal.allowBrowser) await dialog.getByLabel('Allow this goal from the browser').check();
    if (goal.maxBrowserValue !== undefined) await dialog.getByLabel('Maximum value from the browser (£)').fill(goal.maxBrowserValue);
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the goal's edit dialog and returns it. */
  async edit(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole('button', { name: `Edit ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  maxBrowserValueField(dialog: Locator): Locator {
    return dialog.getByLabel('Maximum value from the browser (£)');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async cell(name: string, column: string): Promise<Locator> {
    await expect(this.row(name)).toBeVisible();
    return cellIn(this.table, this.row(name), column);
  }
}
