import type { ConversionResponse } from '@goalpost/contracts';
import { DeliveryDetailPage } from '../pages/DeliveryDetailPage';
import { expect, test } from '../support/fixtures';
import { SALE_GOAL } from '../support/merchant-server';
import { LANDING_URL, SANDBOX_API_KEY, SANDBOX_MID, SANDBOX_URL } from '../support/ports';
import { uniqueRef } from '../support/references';
import { screenshot } from '../support/screens';

test('a visitor from an affiliate buys twice: the click is captured and both sales reach Aflite once', async ({
  page,
  visitor,
  testTracking,
  clicks,
  deliveries,
  merchantServer,
  sandbox,
}) => {
  const clickSessionID = uniqueRef('E2E');
  const saleByClickId = uniqueRef('ORDER');
  const saleByCookie = uniqueRef('ORDER');
  let cookieSale: ConversionResponse | undefined;

  await test.step('the merchant watches for clicks on Test tracking', async () => {
    await testTracking.goto();
    await testTracking.startWatchingForClicks();
  });

  await test.step('a visitor follows an affiliate’s deep link to a product page of the shop', async () => {
    await visitor.arriveFromAffiliate('/products/42', clickSessionID);
    await screenshot(visitor.page, 'shop-landing');
  });

  await test.step('the click shows up on Test tracking by itself, and in Clicks', async () => {
    await testTracking.expectClickSeen(clickSessionID);
    await testTracking.screenshot('test-tracking-watching');
    await clicks.goto();
    await clicks.searchFor(clickSessionID);
    await expect(await clicks.cell(clickSessionID, 'Landing page')).toHaveText(
      `${LANDING_URL}/products/42?clickSource=aflite&clickSessionID=${clickSessionID}`,
    );
    await expect(await clicks.cell(clickSessionID, 'Visits')).toHaveText('1');
    await clicks.screenshot('clicks');
  });

  await test.step('the shop’s server records two sales: one by clickSessionID, one by the visitor’s cookie', async () => {
    const byClickId = await merchantServer.recordSale(saleByClickId, { clickSessionID });
    expect(byClickId).toMatchObject({ attribution: 'explicit', clickSessionID, test: false, duplicate: false });
    cookieSale = await merchantServer.recordSale(saleByCookie, { clickCookie: await visitor.clickCookie() });
    expect(cookieSale).toMatchObject({ attribution: 'cookie', clickSessionID, test: false, duplicate: false });
  });

  await test.step('Deliveries shows both sales for that click as Delivered', async () => {
    await deliveries.goto();
    await deliveries.searchFor(clickSessionID);
    await deliveries.waitForStatus(saleByClickId, 'Delivered');
    await deliveries.waitForStatus(saleByCookie, 'Delivered');
    await expect(deliveries.rows).toHaveCount(2);
    await expect(await deliveries.cell(saleByClickId, 'Value')).toHaveText('£24.99');
    await expect(await deliveries.cell(saleByClickId, 'Live or test')).toHaveText('Live');
    await deliveries.screenshot('deliveries');
  });

  await test.step('the delivery shows its one automatic attempt: status 200 and Aflite’s own answer', async () => {
    await deliveries.open(saleByClickId);
    const detail = new DeliveryDetailPage(page, saleByClickId);
    await detail.expectOpen();
    await detail.expectStatus('Delivered');
    await detail.expectAttempts(1);
    const attempt = detail.attempt(1);
    await attempt.expand();
    await expect(attempt.header).toHaveText(/^Attempt 1: Register goal\s*Outcome: Delivered$/);
    await expect(attempt.trigger).toHaveText('Automatic');
    await expect(attempt.requestLine).toHaveText(`POST ${SANDBOX_URL}/data/register/goal`);
    await expect(attempt.afliteStatus).toHaveText('200');
    await expect(attempt.responseBody).toHaveText(`OK goal registered mref=${saleByClickId}`);
    await expect(detail.conversionDetail('Attribution')).toHaveText('Click ID sent with the goal');
    await expect(detail.conversionDetail('Landing page')).toContainText(`${LANDING_URL}/products/42`);
    await expect(page.locator('body')).not.toContainText(SANDBOX_API_KEY);
    await detail.screenshot('delivery-detail');
  });

  await test.step('the sale sent with the cookie is credited to the same click', async () => {
    const detail = new DeliveryDetailPage(page, saleByCookie, cookieSale?.id);
    await detail.goto();
    await expect(detail.conversionDetail('Attribution')).toHaveText("From the visitor's Goalpost cookie");
    await expect(detail.conversionDetail('Click ID (clickSessionID)')).toHaveText(clickSessionID);
    await detail.conversion.getByRole('link', { name: clickSessionID }).click();
    const click = await clicks.openedDetail(clickSessionID);
    await expect(click.detail('Captured by')).toHaveText('Tracking snippet');
    await expect(click.conversions.getByRole('link', { name: saleByClickId })).toBeVisible();
    await expect(click.conversions.getByRole('link', { name: saleByCookie })).toBeVisible();
    await click.screenshot('click-detail');
  });

  await test.step('Aflite registered each sale exactly once, for that click', async () => {
    const report = await sandbox.report();
    for (const mref of [saleByClickId, saleByCookie]) {
      expect(report.perMref[mref]).toBe(1);
      expect(report.goals.find((goal) => goal.mref === mref)).toMatchObject({
        clickSessionId: clickSessionID,
        goalId: SALE_GOAL.afliteGoalId,
        merchantId: SANDBOX_MID,
        value: '24.99',
      });
    }
  });
});
