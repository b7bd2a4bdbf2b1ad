import type { Page } from '@playwright/test';

/** An affiliate's blog post on a site of its own, linking to the shop through Goalpost's redirect link. */
export class AffiliatePage {
  static readonly URL = 'http://affiliate.test/blog/best-boots';

  constructor(readonly page: Page) {}

  /** Serves the post (the affiliate's site exists only in this browser) and opens it. */
  async publish(links: { name: string; href: string }[]): Promise<void> {
    const anchors = links.map((link) => `<li><a href="${escapeAttribute(link.href)}">${link.name}</a></li>`).join('');
    await this.page.route(AffiliatePage.URL, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>Best boots</title><h1>Best boots</h1><ul>${anchors}</ul>` }),
    );
    await this.page.goto(AffiliatePage.URL);
  }

  async follow(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
