import { DeliveryDetailPage } from '../pages/DeliveryDetailPage';
import { expect, test } from '../support/fixtures';
import { uniqueRef } from '../support/references';

test('tracing sales: a click still waiting for its goal, a delivered sale, and an unattributed one explained', async ({
  page,
  visitor,
  tracePage,
  merchantServer,
}) => {
  const clickSessionID = uniqueRef('E2E');
  const sold = uniqueRef('ORDER');
  const lost = uniqueRef('ORDER');

  await test.step('a visitor arrives from an affiliate; tracing the click says no goal has arrived for it yet', async () => {
    await visitor.arriveFromAffiliate('/summer-sale', clickSessionID);
    await tracePage.goto();
    await tracePage.trace(clickSessionID);
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === clickSessionID);
    await expect(tracePage.explanation).toContainText('Goalpost recorded this click');
    await expect(tracePage.explanation).toContainText('no goal has arrived for it');
    await expect(tracePage.step('Click from Aflite')).toContainText(clickSessionID);
  });

  await test.step('the shop records the sale: the trace tells the story up to “Delivered”', async () => {
    await merchantServer.recordSale(sold, { clickSessionID });
    await tracePage.trace(sold);
    // The trace is a snapshot: look again until the worker has delivered it.
    await expect(async () => {
      await page.reload();
      await expect(tracePage.outcome).toContainText('Delivered to Aflite at', { timeout: 2_000 });
    }).toPass({ timeout: 30_000, intervals: [250, 500, 1_000] });
    await expect(tracePage.step('Click from Aflite')).toContainText(clickSessionID);
    await expect(tracePage.step(new RegExp(`^Conversion ${sold}`))).toContainText('Delivered');
    await expect(tracePage.step(/^Attempt 1/)).toContainText('sent to Aflite, answer 200');
    await expect(tracePage.outcome.getByRole('heading')).toHaveText('Outcome Delivered');
    await tracePage.screenshot('trace-delivered');
  });

  await test.step('a sale recorded without any click is explained, not delivered', async () => {
    const unattributed = await merchantServer.recordSale(lost, null);
    expect(unattributed.status).toBe('unattributed');
    await tracePage.trace(lost);
    await expect(tracePage.step('Click from Aflite')).toContainText('No Aflite click was found for this sale.');
    await expect(tracePage.step(new RegExp(`^Conversion ${lost}`))).toContainText('Unattributed');
    await expect(tracePage.outcome.getByRole('heading')).toHaveText('Outcome Needs a look');
    await expect(tracePage.outcome).toContainText(/Not sent: .*(clickSessionID|no Aflite click)/);
    await tracePage.screenshot('trace-unattributed');

    await tracePage
      .step(new RegExp(`^Conversion ${lost}`))
      .getByRole('link', { name: lost })
      .click();
    const detail = new DeliveryDetailPage(page, lost);
    await detail.expectOpen();
    await detail.expectStatus('Unattributed');
    await detail.expectAttempts(0);
    await expect(detail.noAttemptsNote).toHaveText('Never sent: there was no Aflite click to attribute it to.');
    await expect(detail.conversionDetail('Attribution')).toHaveText('No click found');
    await detail.screenshot('delivery-detail-unattributed');
  });

  await test.step('an unknown reference says nothing reached Goalpost', async () => {
    const unknown = uniqueRef('NOSUCH');
    await tracePage.goto();
    await tracePage.trace(unknown);
    await expect(tracePage.explanation).toContainText(`Nothing matches "${unknown}"`);
  });
});
