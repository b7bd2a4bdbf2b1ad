import { expect, type Page, type Response } from '@playwright/test';
import { API_URL, LANDING_URL } from '../support/ports';

/** What the snippet posts to Goalpost for a click. */
export interface ClickPost {
  clickSource: string;
  clickSessionID: string;
  landingUrl?: string;
  referrer?: string;
}

const CLICKS_URL = `${API_URL}/t/clicks`;
/** Where the snippet keeps a click waiting for consent (libs/tracker pending-clicks). */
const PENDING_KEY = 'goalpost:pending-clicks';

/** The merchant's own shop, every page carrying the Goalpost snippet, seen by a visitor from an affiliate. */
export class ShopLandingPage {
  /** Every click the snippet posted from this visitor's tab, in order. */
  readonly clickPosts: ClickPost[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      if (request.url() === CLICKS_URL && request.method() === 'POST') this.clickPosts.push(request.postDataJSON() as ClickPost);
    });
  }

  /**
   * Follows an affiliate's deep link (Aflite appends clickSource and clickSessionID) and waits for the
   * snippet's click post: its 2xx means Goalpost has committed the click.
   */
  async arriveFromAffiliate(path: string, clickSessionID: string): Promise<void> {
    const clickPosted = this.nextClickResponse();
    await this.page.goto(`${LANDING_URL}${path}?clickSource=aflite&clickSessionID=${encodeURIComponent(clickSessionID)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(`Shop page ${path}`);
    expect((await clickPosted).status()).toBe(204);
  }

  /** Opens a page of the shop at this exact address (path and query as given, nothing added) and waits for the snippet. */
  async open(pathAndQuery: string, options: { referer?: string } = {}): Promise<void> {
    await this.page.goto(`${LANDING_URL}${pathAndQuery}`, options);
    await this.snippetLoaded();
  }

  /** The async snippet has replaced the queue stub: from here on it sees the page as it is. */
  async snippetLoaded(): Promise<void> {
    await this.page.waitForFunction(() => (window as { goalpost?: { loaded?: boolean } }).goalpost?.loaded === true);
  }

  /** Goalpost's answer to the next click the snippet posts (within the assertion timeout, so a click never sent fails soon). */
  nextClickResponse(): Promise<Response> {
    return this.page.waitForResponse((response) => response.url() === CLICKS_URL && response.request().method() === 'POST', { timeout: 15_000 });
  }

  /**
   * Goalpost answers the next click post 503 with Retry-After, as it does while its database is away for a
   * moment (the request never reaches it); later posts go through.
   */
  async goalpostUnavailableForNextClick(): Promise<void> {
    let answered = false;
    await this.page.route(CLICKS_URL, async (route) => {
      if (answered || route.request().method() !== 'POST') return route.fallback();
      answered = true;
      await route.fulfill({
        status: 503,
        headers: { 'retry-after': '1', 'access-control-allow-origin': LANDING_URL, 'access-control-allow-credentials': 'true' },
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          error: 'database_unavailable',
          message: 'The database cannot take writes right now; nothing was recorded. Retry shortly.',
        }),
      });
    });
  }

  /** Follows one of the shop's own links, as a visitor would. */
  async follow(linkName: string): Promise<void> {
    await this.page.getByRole('link', { name: linkName, exact: true }).click();
  }

  async acceptCookies(): Promise<void> {
    await this.page.getByRole('dialog', { name: 'Cookies' }).getByRole('button', { name: 'Accept cookies' }).click();
  }

  /** The clicks the snippet keeps in this tab's sessionStorage until consent. */
  async pendingClicks(): Promise<ClickPost[]> {
    return JSON.parse((await this.page.evaluate((key) => sessionStorage.getItem(key), PENDING_KEY)) ?? '[]') as ClickPost[];
  }

  async hasClickCookie(): Promise<boolean> {
    return (await this.page.context().cookies(API_URL)).some((c) => c.name === 'gp_click');
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
