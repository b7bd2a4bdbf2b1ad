import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/fixtures';
import { uniqueRef } from '../support/references';

test('filters and search narrow the deliveries, live in the address, survive a reload, and Back undoes them', async ({ page, deliveries, merchantServer }) => {
  const prefix = `${uniqueRef('FILTER')}-`;
  const attributed = `${prefix}A`;
  const unattributed = `${prefix}B`;

  await test.step('the shop records a sale from an affiliate click and one without any click', async () => {
    await merchantServer.recordSale(attributed, { clickSessionID: uniqueRef('E2E') });
    const lost = await merchantServer.recordSale(unattributed, null);
    expect(lost.status).toBe('unattributed');
  });

  await test.step('searching by the order reference prefix finds exactly those two', async () => {
    await deliveries.goto();
    await deliveries.searchFor(prefix);
    await expect(page).toHaveURL((url) => url.pathname === '/deliveries' && url.searchParams.get('q') === prefix);
    await expect(deliveries.rows).toHaveCount(2);
    await expect(deliveries.row(attributed)).toBeVisible();
    await expect(deliveries.row(unattributed)).toBeVisible();
  });

  await test.step('status Unattributed narrows it to the sale without a click', async () => {
    await deliveries.filterByStatus('Unattributed');
    await expect(page).toHaveURL((url) => url.searchParams.get('status') === 'unattributed' && url.searchParams.get('q') === prefix);
    await expect(deliveries.rows).toHaveCount(1);
    await expect(await deliveries.status(unattributed)).toHaveText('Unattributed');
    await expect(await deliveries.cell(unattributed, 'Click ID')).toHaveText('none');
    await deliveries.screenshot('deliveries-filtered');
  });

  await test.step('a reload keeps the filter and the search', async () => {
    await page.reload();
    await deliveries.expectOpen();
    await expect(deliveries.statusFilter).toHaveValue('unattributed');
    await expect(deliveries.search).toHaveValue(prefix);
    await expect(deliveries.rows).toHaveCount(1);
  });

  await test.step('Back restores the previous filter: the search alone', async () => {
    await page.goBack();
    await expect(page).toHaveURL((url) => url.searchParams.get('status') === null && url.searchParams.get('q') === prefix);
    await expect(deliveries.statusFilter).toHaveValue('');
    await expect(deliveries.search).toHaveValue(prefix);
    await expect(deliveries.rows).toHaveCount(2);
  });

  await test.step('the CSV export holds what the filters show', async () => {
    const download = await deliveries.exportCsv();
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(attributed);
    expect(csv).toContain(unattributed);
  });

  await test.step('"Test only" matches none of them; clearing the filters shows everything again', async () => {
    await deliveries.filterByKind('Test only');
    await expect(deliveries.noMatches).toBeVisible();
    await deliveries.screenshot('deliveries-no-match');
    await deliveries.clearFilters();
    await expect(page).toHaveURL((url) => url.pathname === '/deliveries' && url.search === '');
    await expect(deliveries.search).toHaveValue('');
    await expect(deliveries.row(attributed)).toBeVisible();
    await expect(deliveries.row(unattributed)).toBeVisible();
  });
});
