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

  /** The first-party click cookie Goalpost set for this visitor, as the shop's backend would read it. */
  async clickCookie(): Promise<string> {
    const cookie = (await this.page.context().cookies(API_URL)).find((c) => c.name === 'gp_click');
    if (!cookie) throw new Error('the visitor has no gp_click cookie');
    return cookie.value;
  }
}
