import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';
import { detailValue } from './locators';

/** One call to Aflite as the detail page shows it: a line that opens on the request and Aflite's answer. */
export class AttemptCard {
  /** "Attempt 1: Register goal" followed by the labelled outcome badge ("Outcome: Delivered", "Outcome: Not at Aflite" …). */
  readonly header: Locator;
  /** The line that opens and closes it: the header, then Aflite's status and the time ("HTTP 200 · Thu, 3 Dec 2026, 14:05:09 GMT"). */
  readonly summary: Locator;
  /** Aflite's status and the time, as the closed line shows them. */
  readonly facts: Locator;
  readonly trigger: Locator;
  readonly afliteStatus: Locator;
  readonly requestLine: Locator;
  readonly responseBody: Locator;

  constructor(
    readonly root: Locator,
    number: number,
  ) {
    this.summary = root.locator('summary');
    this.header = this.summary.locator('.attempt-headline');
    this.facts = this.summary.locator('.attempt-facts');
    this.trigger = detailValue(root, 'Trigger');
    this.afliteStatus = detailValue(root, 'Aflite status');
    this.requestLine = root.getByText(/^(GET|POST) http/);
    this.responseBody = root.getByLabel(`Response body of attempt ${number}`);
  }

  /** Shown closed; opens it (a click on its line) unless it is open already. */
  async expand(): Promise<void> {
    if (!(await this.isOpen())) await this.summary.click();
    await expect(this.requestLine).toBeVisible();
  }

  isOpen(): Promise<boolean> {
    return this.root.locator('details').evaluate((details) => (details as HTMLDetailsElement).open);
  }
}

export class DeliveryDetailPage extends DashboardPage {
  /** The page title and, after it, the labelled status badge: "Delivery ORDER-1Status: Delivered". */
  readonly titleBar: Locator;
  readonly attemptsHeading: Locator;
  readonly conversion: Locator;
  readonly resendButton: Locator;
  readonly noAttemptsNote: Locator;
  /** Every attempt, in the order shown: newest first. */
  readonly attempts: Locator;
  /** Why a pending delivery waits ("Held: …", "Waiting to retry at …"), with what happens next. */
  readonly holdBanner: Locator;

  /** `id` (the conversion's) is only needed to open the page by its address. */
  constructor(page: Page, mref: string, id?: number) {
    super(page, id === undefined ? '/deliveries' : `/deliveries/${id}`, `Delivery ${mref}`);
    this.titleBar = page.locator('header', { has: this.heading });
    this.attemptsHeading = page.getByRole('heading', { level: 2, name: /^Attempts \(\d+\)$/ });
    this.conversion = page.getByRole('region', { name: 'Conversion' });
    this.resendButton = page.getByRole('button', { name: 'Re-send', exact: true });
    this.noAttemptsNote = page.getByRole('region', { name: /^Attempts/ }).getByText(/^(Never sent|Not sent yet)/);
    this.attempts = page.getByRole('article', { name: /^Attempt \d+:/ });
    this.holdBanner = page.getByRole('status').filter({ hasText: /^(Held: |Waiting to retry at )/ });
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.titleBar).toHaveText(new RegExp(`Status: ${status}$`));
  }

  attempt(number: number): AttemptCard {
    return new AttemptCard(this.page.getByRole('article', { name: new RegExp(`^Attempt ${number}:`) }), number);
  }

  async expectAttempts(count: number): Promise<void> {
    await expect(this.attemptsHeading).toHaveText(`Attempts (${count})`);
  }

  conversionDetail(term: string): Locator {
    return detailValue(this.conversion, term);
  }

  /** Re-sends by hand; the page follows the re-send itself until Aflite has answered. */
  async resend(): Promise<void> {
    await this.resendButton.click();
  }
}
