import { DeliveryDetailPage } from '../pages/DeliveryDetailPage';
import { expect, test } from '../support/fixtures';
import { uniqueRef } from '../support/references';

test('Aflite refuses a sale; once it is healthy the merchant re-sends it by hand and it arrives exactly once', async ({
  page,
  deliveries,
  merchantServer,
  sandbox,
}) => {
  const mref = uniqueRef('REFUSED');

  await test.step('Aflite refuses every goal with a 400', async () => {
    await sandbox.fail({ status: 400 });
  });

  await test.step('the shop’s server records a sale, and Deliveries shows it Failed', async () => {
    await merchantServer.recordSale(mref, { clickSessionID: uniqueRef('E2E') });
    await deliveries.goto();
    await deliveries.searchFor(mref);
    await deliveries.waitForStatus(mref, 'Failed');
    await expect(await deliveries.status(mref)).toContainText('400');
    await deliveries.screenshot('deliveries-failed');
  });

  const detail = new DeliveryDetailPage(page, mref);
  await test.step('the detail shows Aflite’s refusal', async () => {
    await deliveries.open(mref);
    await detail.expectOpen();
    await detail.expectStatus('Failed');
    const refused = detail.attempt(1);
    await refused.expand();
    await expect(refused.header).toHaveText(/Outcome: Failed$/);
    await expect(refused.trigger).toHaveText('Automatic');
    await expect(refused.afliteStatus).toHaveText('400');
    await expect(refused.responseBody).toHaveText('ERROR: injected 400');
    await detail.screenshot('delivery-detail-failed');
  });

  await test.step('Aflite is healthy again; the merchant re-sends it and the page follows it to Delivered', async () => {
    await sandbox.heal();
    await detail.resend();
    await expect(page.getByText('Queued: waiting for Aflite’s answer…').or(detail.titleBar.getByText('Delivered'))).toBeVisible();
    await detail.expectStatus('Delivered');
    // Asked Aflite first whether it already held the mref, then sent it: never a blind second send.
    await detail.expectAttempts(3);
    const check = detail.attempt(2);
    await check.expand();
    await expect(check.header).toHaveText(/^Attempt 2: Check Aflite already has it\s*Outcome: Not at Aflite$/);
    await expect(check.trigger).toHaveText('Re-sent by hand');
    const resent = detail.attempt(3);
    await resent.expand();
    await expect(resent.header).toHaveText(/Register goal\s*Outcome: Delivered$/);
    await expect(resent.trigger).toHaveText('Re-sent by hand');
    await expect(resent.afliteStatus).toHaveText('200');
    await expect(resent.responseBody).toHaveText(`OK goal registered mref=${mref}`);
    await expect(detail.resendButton).toBeHidden();
    await detail.screenshot('delivery-detail-resent');
  });

  await test.step('Aflite holds that mref exactly once', async () => {
    expect(await sandbox.timesRegistered(mref)).toBe(1);
    expect((await sandbox.report()).duplicates).not.toContain(mref);
  });
});
