import { DeliveryDetailPage } from '../pages/DeliveryDetailPage';
import { expect, test } from '../support/fixtures';
import { uniqueRef } from '../support/references';
import { screenshot } from '../support/screens';

/** How the list writes when a sale was recorded: the weekday and date, then the time and zone (the browser's: London here). */
const DAY_AND_ZONE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d (GMT|BST)$/;
const BATCH = 54;
/** Aflite asks for this long before the retry: long enough to see the delivery waiting for it. */
const RETRY_AFTER_SECONDS = 15;

test('a batch of sales: found by a lower-case prefix with its count, a waiting retry labelled, its attempts newest first and closed', async ({
  page,
  deliveries,
  merchantServer,
  sandbox,
}) => {
  test.setTimeout(120_000);
  // Mixed case on purpose: the merchant types it in lower case.
  const prefix = `${uniqueRef('Scale')}-`;
  const retried = `${prefix}RETRY`;

  await test.step(`the shop records ${BATCH} sales, and Aflite receives them all`, async () => {
    const batch = Array.from({ length: BATCH }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    for (let start = 0; start < BATCH; start += 9) {
      await Promise.all(batch.slice(start, start + 9).map((mref) => merchantServer.recordSale(mref, { clickSessionID: uniqueRef('E2E') })));
    }
    // Before Aflite turns busy: the one request it refuses must be the next sale's.
    await expect
      .poll(
        async () => {
          const { perMref } = await sandbox.report();
          return batch.filter((mref) => (perMref[mref] ?? 0) > 0).length;
        },
        { timeout: 30_000 },
      )
      .toBe(BATCH);
  });

  await test.step('Aflite is busy for one request and asks to be tried again later; one more sale is recorded', async () => {
    await sandbox.fail({ status: 503, retryAfter: RETRY_AFTER_SECONDS, count: 1, paths: ['register'] });
    await merchantServer.recordSale(retried, { clickSessionID: uniqueRef('E2E') });
  });

  await test.step('searching by the prefix in lower case finds all of them, with the count of every page', async () => {
    await deliveries.goto();
    await deliveries.searchFor(prefix.toLowerCase());
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === prefix.toLowerCase());
    await expect(deliveries.total).toHaveText(`${BATCH + 1} deliveries match`);
    await expect(deliveries.rows).toHaveCount(50);
    await expect(deliveries.shownCount).toHaveText('Showing 50 deliveries');
    await expect(await deliveries.cell(retried, 'Created')).toHaveText(DAY_AND_ZONE);
  });

  await test.step('the sale Aflite was busy for waits for its retry, labelled with the time it goes', async () => {
    await expect(async () => {
      await page.reload();
      await expect(await deliveries.holdNote(retried)).toHaveText(/^Waiting to retry at (Mon|Tue|Wed|Thu|Fri|Sat|Sun), .* (GMT|BST)$/, { timeout: 2_000 });
    }).toPass({ timeout: 10_000, intervals: [250, 500] });
    await expect(await deliveries.status(retried)).toContainText('Pending');
    await deliveries.screenshot('history-at-scale-list');
    await screenshot(page, 'history-at-scale-list-window', { fullPage: false });
  });

  const detail = new DeliveryDetailPage(page, retried);
  await test.step('its detail says so too, then follows it to Delivered', async () => {
    await deliveries.open(retried);
    await detail.expectOpen();
    await expect(detail.holdBanner).toContainText(/Waiting to retry at .* (GMT|BST)/);
    await screenshot(page, 'history-at-scale-detail-waiting', { fullPage: false });
    await expect(detail.conversionDetail('Recorded')).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), .*:\d\d:\d\d (GMT|BST)$/);
    await expect(async () => {
      await page.reload();
      await detail.expectStatus('Delivered');
    }).toPass({ timeout: (RETRY_AFTER_SECONDS + 15) * 1_000, intervals: [1_000] });
    await expect(detail.holdBanner).toHaveCount(0);
  });

  await test.step('the attempts are listed newest first, each closed to one line', async () => {
    await detail.expectAttempts(2);
    await expect(detail.attempts).toHaveCount(2);
    const [newest, oldest] = [detail.attempt(2), detail.attempt(1)];
    await expect(detail.attempts.first()).toHaveAccessibleName(/^Attempt 2:/);
    await expect(newest.header).toHaveText(/^Attempt 2: Register goal\s*Outcome: Delivered$/);
    await expect(newest.facts).toHaveText(/^HTTP 200 · (Mon|Tue|Wed|Thu|Fri|Sat|Sun), .*:\d\d:\d\d (GMT|BST)$/);
    await expect(oldest.header).toHaveText(/^Attempt 1: Register goal\s*Outcome: Will retry$/);
    await expect(oldest.facts).toHaveText(/^HTTP 503 · /);
    expect([await newest.isOpen(), await oldest.isOpen()]).toEqual([false, false]);
    await expect(newest.requestLine).toBeHidden();
    await detail.screenshot('history-at-scale-detail-closed');
  });

  await test.step('the keyboard opens the newest on the request and Aflite’s answer; a click opens the first', async () => {
    const [newest, oldest] = [detail.attempt(2), detail.attempt(1)];
    await newest.summary.focus();
    await page.keyboard.press('Enter');
    await expect(newest.responseBody).toHaveText(`OK goal registered mref=${retried}`);
    await expect(newest.afliteStatus).toHaveText('200');
    await oldest.expand();
    await expect(oldest.afliteStatus).toHaveText('503');
    await detail.screenshot('history-at-scale-detail');
  });
});
