import type { ClicksPage } from '../pages/ClicksPages';
import type { ShopLandingPage } from '../pages/ShopLandingPage';
import { expect, test } from '../support/fixtures';
import { LANDING_URL } from '../support/ports';
import { uniqueRef } from '../support/references';

/**
 * Landings the snippet once missed: the click parameters arriving after it loaded, gone before it ran,
 * escaped or encoded by a link builder, or consent coming on a later page. Each ends on the merchant's
 * Clicks page: the click recorded once, with the address the visitor landed on.
 */

async function expectRecordedOnce(clicks: ClicksPage, clickSessionID: string, landingUrl: string): Promise<void> {
  await clicks.goto();
  await clicks.searchFor(clickSessionID);
  await expect(await clicks.cell(clickSessionID, 'Landing page')).toHaveText(landingUrl);
  await expect(await clicks.cell(clickSessionID, 'Visits')).toHaveText('1');
}

/** A full page load after the steps under test: whatever the previous page posted has left the browser by now. */
async function leaveForAnotherPage(visitor: ShopLandingPage, path: string): Promise<void> {
  await visitor.open(path);
}

test('a single-page app moves to an address with the click after the snippet loaded: captured once, back and forth included', async ({ visitor, clicks }) => {
  const clickSessionID = uniqueRef('SPA');
  const dealUrl = `${LANDING_URL}/spa/products/42?clickSource=aflite&clickSessionID=${clickSessionID}`;

  await test.step('the visitor opens the app, and its router pushes the deal page carrying the click parameters', async () => {
    await visitor.open('/spa/');
    expect(visitor.clickPosts).toEqual([]);
    const posted = visitor.nextClickResponse();
    await visitor.page.evaluate((url) => (window as unknown as { shop: { navigate(url: string): void } }).shop.navigate(url), dealUrl);
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shop page /spa/products/42');
    expect((await posted).status()).toBe(204);
    expect(visitor.clickPosts).toEqual([{ clickSource: 'aflite', clickSessionID, landingUrl: dealUrl }]);
    expect(await visitor.hasClickCookie()).toBe(true);
  });

  await test.step('to the cart and back again (pushState, then popstate onto the same address): nothing more is sent', async () => {
    await visitor.follow('Cart');
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shop page /spa/cart');
    await visitor.page.goBack();
    await expect(visitor.page).toHaveURL(dealUrl);
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shop page /spa/products/42');
    await leaveForAnotherPage(visitor, '/about');
    expect(visitor.clickPosts).toHaveLength(1);
  });

  await expectRecordedOnce(clicks, clickSessionID, dealUrl);
});

test('the page strips the click parameters with replaceState before the async snippet runs: read from the address it loaded', async ({ visitor, clicks }) => {
  const clickSessionID = uniqueRef('CLEAN');
  const landingUrl = `${LANDING_URL}/clean/products/7?clickSource=aflite&clickSessionID=${clickSessionID}`;

  const posted = visitor.nextClickResponse();
  await visitor.open(`/clean/products/7?clickSource=aflite&clickSessionID=${clickSessionID}`);
  await expect(visitor.page).toHaveURL(`${LANDING_URL}/clean/products/7`);
  expect((await posted).status()).toBe(204);
  expect(visitor.clickPosts).toEqual([{ clickSource: 'aflite', clickSessionID, landingUrl }]);

  await expectRecordedOnce(clicks, clickSessionID, landingUrl);
});

test('a link whose ampersands were HTML-escaped (&amp;) still lands the click', async ({ visitor, clicks }) => {
  const clickSessionID = uniqueRef('AMP');
  const landingUrl = `${LANDING_URL}/products/8?clickSource=aflite&amp;clickSessionID=${clickSessionID}`;

  const posted = visitor.nextClickResponse();
  await visitor.open(`/products/8?clickSource=aflite&amp;clickSessionID=${clickSessionID}`);
  expect((await posted).status()).toBe(204);
  expect(visitor.clickPosts).toEqual([{ clickSource: 'aflite', clickSessionID, landingUrl }]);

  await expectRecordedOnce(clicks, clickSessionID, landingUrl);
});

test('a link whose parameter pairs were encoded whole (%3D, %26) still lands the click', async ({ visitor, clicks }) => {
  const clickSessionID = uniqueRef('ENC');
  const landingUrl = `${LANDING_URL}/products/9?clickSource%3Daflite%26clickSessionID%3D${clickSessionID}`;

  const posted = visitor.nextClickResponse();
  await visitor.open(`/products/9?clickSource%3Daflite%26clickSessionID%3D${clickSessionID}`);
  expect((await posted).status()).toBe(204);
  expect(visitor.clickPosts).toEqual([{ clickSource: 'aflite', clickSessionID, landingUrl }]);

  await expectRecordedOnce(clicks, clickSessionID, landingUrl);
});

test('consent given two pages after the landing: nothing sent or set until then, then the click once, as it landed', async ({ visitor, clicks }) => {
  const clickSessionID = uniqueRef('CONSENT');
  const landingUrl = `${LANDING_URL}/consent/products/10?clickSource=aflite&clickSessionID=${clickSessionID}`;
  const referrer = 'https://affiliate.example/review';
  const waiting = { clickSource: 'aflite', clickSessionID, landingUrl, referrer };

  await test.step('the visitor lands from the affiliate and ignores the cookie banner: the click only waits in the tab', async () => {
    await visitor.open(`/consent/products/10?clickSource=aflite&clickSessionID=${clickSessionID}`, { referer: referrer });
    expect(await visitor.pendingClicks()).toEqual([waiting]);
    expect(visitor.clickPosts).toEqual([]);
    expect(await visitor.hasClickCookie()).toBe(false);
  });

  await test.step('on to the basket: still nothing sent', async () => {
    await visitor.follow('Basket');
    await visitor.snippetLoaded();
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shop page /consent/basket');
    expect(await visitor.pendingClicks()).toEqual([waiting]);
    expect(visitor.clickPosts).toEqual([]);
    expect(await visitor.hasClickCookie()).toBe(false);
  });

  await test.step('at checkout the visitor accepts cookies: the click is sent with its landing page and referrer', async () => {
    await visitor.follow('Checkout');
    await visitor.snippetLoaded();
    const posted = visitor.nextClickResponse();
    await visitor.acceptCookies();
    expect((await posted).status()).toBe(204);
    expect(visitor.clickPosts).toEqual([waiting]);
    expect(await visitor.hasClickCookie()).toBe(true);
    expect(await visitor.pendingClicks()).toEqual([]);
  });

  await test.step('accepting again on the next page sends nothing more', async () => {
    await visitor.follow('Basket');
    await visitor.snippetLoaded();
    await visitor.acceptCookies();
    await leaveForAnotherPage(visitor, '/consent/checkout');
    expect(visitor.clickPosts).toHaveLength(1);
  });

  await expectRecordedOnce(clicks, clickSessionID, landingUrl);
});

test('Goalpost answers the click post 503 for a moment: the snippet sends it again, and it lands once', async ({ visitor, clicks }) => {
  const clickSessionID = uniqueRef('RETRY');
  const landingUrl = `${LANDING_URL}/products/10?clickSource=aflite&clickSessionID=${clickSessionID}`;

  await visitor.goalpostUnavailableForNextClick();
  const refused = visitor.nextClickResponse();
  await visitor.open(`/products/10?clickSource=aflite&clickSessionID=${clickSessionID}`);
  expect((await refused).status()).toBe(503);
  expect(await visitor.hasClickCookie()).toBe(false);

  const retried = visitor.nextClickResponse();
  expect((await retried).status()).toBe(204);
  expect(visitor.clickPosts).toEqual([
    { clickSource: 'aflite', clickSessionID, landingUrl },
    { clickSource: 'aflite', clickSessionID, landingUrl },
  ]);
  expect(await visitor.hasClickCookie()).toBe(true);
  expect(await visitor.pendingClicks()).toEqual([]);

  await expectRecordedOnce(clicks, clickSessionID, landingUrl);
});
