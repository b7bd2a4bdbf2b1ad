import { expect, type Page } from '@playwright/test';
import { API_URL, LANDING_URL } from '../support/ports';

/** The merchant's own shop, every page carrying the Goalpost snippet, seen by a visitor from an affiliate. */
export class ShopLandingPage {
  constructor(readonly page: Page) {}

  /**
   * Follows an affiliate's deep link (Aflite appends clickSource and clickSessionID) and waits for the
   * snippet's click post: its 2xx means Goalpost has committed the click.
   */
  async arriveFromAffiliate(path: string, clickSessionID: string): Promise<void> {
    const clickPosted = this.page.waitForResponse((response) => response.url() === `${API_URL}/t/clicks` && response.request().method() === 'POST');
    await this.page.goto(`${LANDING_URL}${path}?clickSource=aflite&clickSessionID=${encodeURIComponent(clickSessionID)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(`Shop page ${path}`);
    expect((await clickPosted).status()).toBe(204);
  }

  /** Opens a page of the shop without any affiliate click. */
  async open(path: string): Promise<void> {
    await this.page.goto(`${LANDING_URL}${path}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(`Shop page ${path}`);
  }

  /**
   * `goalpost('goal', …)` as the shop's checkout page calls it: the recorded conversion, or the message
   * Goalpost refused it with.
   */
  async recordGoal(goal: { goal: string; mref: string; value?: string }): Promise<{ recorded: unknown } | { refused: string }> {
    return this.page.evaluate(async (input) => {
      const goalpost = (window as unknown as { goalpost: (command: string, arg: unknown) => Promise<unknown> }).goalpost;
      try {
        return { recorded: await goalpost('goal', input) };
      } catch (error) {
        return { refused: error instanceof Error ? error.message : String(error) };
      }
    }, goal);
  }

  /** The first-party click cookie Goalpost set for this visitor, as the shop's backend would read it. */
  async clickCookie(): Promise<string> {
    const cookie = (await this.page.context().cookies(API_URL)).find((c) => c.name === 'gp_click');
    if (!cookie) throw new Error('the visitor has no gp_click cookie');
    return cookie.value;
  }
}
