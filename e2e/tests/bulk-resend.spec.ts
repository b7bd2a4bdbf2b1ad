import { expect, test } from '../support/fixtures';
import { uniqueRef } from '../support/references';

test('twenty refused sales are re-sent in one go once Aflite is healthy, each arriving exactly once', async ({ page, deliveries, merchantServer, sandbox }) => {
  // A trailing dash, so the prefix search finds this batch and nothing else.
  const batch = `${uniqueRef('BULK')}-`;
  const mrefs = Array.from({ length: 20 }, (_, i) => `${batch}${String(i + 1).padStart(2, '0')}`);

  await test.step('while Aflite refuses everything, the shop records twenty sales', async () => {
    await sandbox.fail({ status: 400 });
    await Promise.all(mrefs.map((mref) => merchantServer.recordSale(mref, { clickSessionID: uniqueRef('E2E') })));
  });

  await test.step('Deliveries, filtered to this batch and status Failed, shows all twenty', async () => {
    await deliveries.goto();
    await deliveries.searchFor(batch);
    await deliveries.filterByStatus('Failed');
    await expect(page).toHaveURL((url) => url.searchParams.get('status') === 'failed' && url.searchParams.get('q') === batch);
    await deliveries.waitForRowCount(20);
    await expect(deliveries.shownCount).toHaveText('Showing 20 deliveries — that is all');
  });

  await test.step('Aflite recovers; "Re-send all matching" states the filters and the count before starting', async () => {
    await sandbox.heal();
    const dialog = await deliveries.startResendAllMatching();
    await expect(dialog.filterSummary.getByRole('listitem')).toHaveText(['Status: Failed', `Matching “${batch}”`]);
    await expect(dialog.matchCount).toHaveText('20 deliveries match.');
    await deliveries.screenshot('resend-all-confirm');

    await dialog.confirm(20);
    await expect(dialog.progress).toBeVisible();
    await dialog.expectFinished(20, 0);
    await deliveries.screenshot('resend-all-finished');
    await dialog.close();
  });

  await test.step('nothing of the batch is left Failed; all twenty are Delivered', async () => {
    await expect(deliveries.noMatches).toBeVisible();
    await deliveries.filterByStatus('Delivered');
    await expect(deliveries.rows).toHaveCount(20);
  });

  await test.step('Aflite holds each of the twenty exactly once, and no duplicate at all', async () => {
    const report = await sandbox.report();
    expect(report.duplicates).toEqual([]);
    for (const mref of mrefs) expect(report.perMref[mref], mref).toBe(1);
  });
});
