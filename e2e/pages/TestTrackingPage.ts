import { expect, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './DashboardPage';

export interface TraceTest {
  goal?: string;
  clickSessionID: string;
  value?: string;
  mref?: string;
}

/** Trace-only test conversions, the click watcher and Aflite's help answer. */
export class TestTrackingPage extends DashboardPage {
  readonly result: Locator;
  /** The result's outcome badge: "Outcome: Delivered". */
  readonly outcome: Locator;
  /** "GET http://…/data/register/goal?…" as sent, key masked. */
  readonly requestLine: Locator;
  readonly sentParams: Locator;
  readonly answerStatus: Locator;
  readonly answerBody: Locator;
  readonly watchPanel: Locator;
  readonly clicksSeen: Locator;

  constructor(page: Page) {
    super(page, '/test-tracking', 'Test tracking');
    this.result = page.getByRole('region', { name: 'Result', exact: true });
    this.outcome = this.result.getByText(/^Outcome: \S/);
    this.requestLine = this.result.getByText(/^(GET|POST) http/);
    this.sentParams = this.result.getByRole('table', { name: 'Parameters sent' });
    this.answerStatus = this.result.getByText(/^Status:/);
    this.answerBody = this.result.getByLabel("Aflite's response body");
    this.watchPanel = page.getByRole('region', { name: 'Watch for clicks' });
    this.clicksSeen = this.watchPanel.getByRole('list', { name: 'Clicks seen' });
  }

  async sendTraceTest(test: TraceTest): Promise<void> {
    if (test.goal) await this.page.getByLabel('Goal', { exact: true }).selectOption({ label: test.goal });
    await this.page.getByLabel('Click ID (clickSessionID)').fill(test.clickSessionID);
    if (test.value !== undefined) await this.page.getByLabel('Value (£)').fill(test.value);
    if (test.mref !== undefined) await this.page.getByLabel('Order reference (optional)').fill(test.mref);
    await this.page.getByRole('button', { name: 'Send test conversion' }).click();
    await expect(this.result).toBeVisible();
  }

  /** The value of one parameter as the request showed it. */
  sentParam(name: string): Locator {
    return this.sentParams
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell');
  }

  async startWatchingForClicks(): Promise<void> {
    const toggle = this.watchPanel.getByRole('button', { name: 'Watch for clicks' });
    await toggle.click();
    // The toggle keeps its name; being pressed is what says it is on.
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  }

  /** Waits for the watcher's own polling to show the click: no reloads. */
  async expectClickSeen(clickSessionID: string): Promise<void> {
    await expect(this.clicksSeen.getByRole('button', { name: `Use click ${clickSessionID}` })).toBeVisible({ timeout: 20_000 });
  }
}
