import type { Response } from '@playwright/test';
import { AffiliatePage } from '../pages/AffiliatePage';
import { expect, test } from '../support/fixtures';
import { API_URL, LANDING_PORT, LANDING_URL } from '../support/ports';
import { uniqueRef } from '../support/references';
import { screenshot } from '../support/screens';

/** The same shop, reached by a name of another site than Goalpost's (127.0.0.1): what a cross-site deployment looks like. */
const CROSS_SITE_LANDING = `http://localhost:${LANDING_PORT}`;

const redirectAnswer = (response: Response) => response.url().startsWith(`${API_URL}/t/click?`);

test('a visitor follows an affiliate’s redirect link to a landing page with its own query: lands there, query kept, click recorded', async ({
  settings,
  clicks,
  install,
  testTracking,
  merchantServer,
  visitor,
}) => {
  const clickSessionID = uniqueRef('LINK');
  const landing = `${LANDING_URL}/products/7?colour=blue&size=m`;
  const affiliate = new AffiliatePage(visitor.page);

  await test.step('the merchant lets the redirect link send visitors to the shop', async () => {
    await settings.goto();
    await settings.allowRedirectHosts(['127.0.0.1', 'localhost']);
    await settings.save();
  });

  await test.step('the affiliate’s link carries its own parameters, an unencoded to, and Aflite’s appended variables', async () => {
    await affiliate.publish([
      { name: 'Blue boots', href: `${API_URL}/t/click?utm_source=aff&to=${landing}&ClickSource=Aflite&clickSessionID=${clickSessionID}` },
      { name: 'Boots (no click ID)', href: `${API_URL}/t/click?clickSource=aflite&to=${LANDING_URL}/products/8?colour=red` },
      {
        name: 'Boots elsewhere',
        href: `${API_URL}/t/click?to=${CROSS_SITE_LANDING}/products/9?ref=blog&clickSource=aflite&clickSessionID=${clickSessionID}-X`,
      },
    ]);
  });

  await test.step('Chromium follows the link through Goalpost and lands on the product page with its query kept', async () => {
    const answer = visitor.page.waitForResponse(redirectAnswer);
    await affiliate.follow('Blue boots');
    expect((await answer).status()).toBe(302);
    expect((await answer).headers()['x-goalpost-click']).toBe('recorded');
    await expect(visitor.page).toHaveURL(landing);
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shop page /products/7');
    await visitor.snippetLoaded();
    expect(await visitor.hasClickCookie()).toBe(true);
    await screenshot(visitor.page, 'click-link-landing');
  });

  await test.step('the click is recorded with that landing page, and the visitor’s cookie attributes a sale', async () => {
    await clicks.goto();
    await clicks.searchFor(clickSessionID);
    await expect(await clicks.cell(clickSessionID, 'Landing page')).toHaveText(landing);
    const sale = await merchantServer.recordSale(uniqueRef('ORDER'), { clickCookie: await visitor.clickCookie() });
    expect(sale).toMatchObject({ attribution: 'cookie', clickSessionID });
  });

  await test.step('a link without a click ID still takes the visitor to the shop, recording nothing', async () => {
    await affiliate.page.goto(AffiliatePage.URL);
    const answer = visitor.page.waitForResponse(redirectAnswer);
    await affiliate.follow('Boots (no click ID)');
    expect((await answer).headers()['x-goalpost-click']).toBe('not recorded: clickSessionID is missing');
    await expect(visitor.page).toHaveURL(`${LANDING_URL}/products/8?colour=red`);
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shop page /products/8');
  });

  await test.step('no cross-site clicks so far: the install guide has nothing to warn about', async () => {
    await install.goto();
    await expect(install.crossSiteNotice).toBeHidden();
  });

  await test.step('a link to the shop under another site’s name: Install and Test tracking say the cookie is lost, and what to do', async () => {
    await affiliate.page.goto(AffiliatePage.URL);
    await affiliate.follow('Boots elsewhere');
    await expect(visitor.page).toHaveURL(`${CROSS_SITE_LANDING}/products/9?ref=blog`);

    await install.goto();
    await expect(install.crossSiteNotice).toBeVisible();
    await expect(install.crossSiteNotice).toContainText(`The last came from ${CROSS_SITE_LANDING}`);
    await expect(install.crossSiteNotice).toContainText('while Goalpost runs on 127.0.0.1');
    await expect(install.crossSiteNotice.getByRole('list', { name: 'Sites seen' })).toContainText('localhost: 1 click');
    await expect(install.crossSiteNotice).toContainText('Host Goalpost under the shop’s own domain, e.g. track.localhost');
    await install.screenshot('install-cross-site');

    await testTracking.goto();
    await expect(testTracking.page.getByRole('complementary', { name: 'Cross-site clicks' })).toBeVisible();

    const health = await (await testTracking.page.request.get(`${API_URL}/health`)).json();
    expect(health.tracking.crossSite).toMatchObject({ seen: true, lastOrigin: CROSS_SITE_LANDING });
  });

  await test.step('once fixed, the merchant clears the warning', async () => {
    await install.goto();
    await install.clearCrossSiteClicks();
    await install.page.reload();
    await install.expectOpen();
    await expect(install.crossSiteNotice).toBeHidden();
  });
});
