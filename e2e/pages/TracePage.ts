import type { Locator, Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';

/** "An affiliate says a sale is missing": the story of one mref or click, step by step. */
export class TracePage extends DashboardPage {
  readonly query: Locator;
  readonly explanation: Locator;
  readonly timeline: Locator;

  constructor(page: Page) {
    super(page, '/trace', 'Trace a sale');
    this.query = page.getByLabel('Order reference (mref) or click ID (clickSessionID)');
    this.explanation = page.getByRole('region', { name: /^Trace for / }).getByRole('status');
    this.timeline = page
      .getByRole('region', { name: /^Trace for / })
      .getByRole('list')
      .first();
  }

  async trace(text: string): Promise<void> {
    await this.query.fill(text);
    await this.page.getByRole('button', { name: 'Trace', exact: true }).click();
  }

  step(title: string | RegExp): Locator {
    return this.timeline.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** The last step: the verdict in words, under an "Outcome" heading with its badge. */
  get outcome(): Locator {
    return this.step(/^Outcome/).last();
  }
}
