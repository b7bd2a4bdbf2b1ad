import { MerchantServer, SALE_GOAL } from '../../support/merchant-server';
import { expect, test } from '../../support/fixtures';
import { LANDING_URL, SANDBOX_API_KEY, SANDBOX_MID, SANDBOX_URL } from '../../support/ports';
import { uniqueRef } from '../../support/references';
import { ADMIN, ADMIN_STORAGE_STATE, saveIngestKey } from '../../support/run-state';

// The second test signs in with the session the first one saved.
test.describe.configure({ mode: 'serial' });

test('first run: create the admin account, connect Aflite, add a goal and send a trace-only test', async ({
  page,
  setupPage,
  shell,
  settings,
  goals,
  testTracking,
  sandbox,
}) => {
  await test.step('a fresh Goalpost asks for its admin account', async () => {
    await sandbox.reset();
    await page.goto('/');
    await expect(page).toHaveURL(/\/setup$/);
    await setupPage.expectOpen();
    await setupPage.screenshot('setup');
    await setupPage.createAdminAccount(ADMIN.email, ADMIN.password);
  });

  await test.step('settings: the sandbox as Aflite, a small retry policy, the shop as allowed origin', async () => {
    // Signed in straight away, on Settings: the next thing to do.
    await expect(page).toHaveURL(/\/settings$/);
    await settings.expectOpen();
    await expect(shell.signedInAs).toHaveText(`Signed in as ${ADMIN.email}`);
    await expect(settings.apiKeyStatus).toHaveText('Aflite API key: not set');
    // Until the account is connected nothing can be delivered, and every page says so.
    await expect(shell.deliveryBanner).toContainText('The Aflite API key and the merchant ID are not set');
    await settings.connectAflite({ baseUrl: SANDBOX_URL, apiKey: SANDBOX_API_KEY, merchantId: SANDBOX_MID });
    await settings.setRetryPolicy({ maxAttempts: 2, firstWaitSeconds: 1, longestWaitSeconds: 2 });
    await settings.allowOrigins([LANDING_URL]);
    await settings.save();
    await expect(settings.apiKeyStatus).toHaveText(`Aflite API key: set, ending in ${SANDBOX_API_KEY.slice(-4)}`);
    await expect(settings.apiKeyInput).toHaveValue('');
    await expect(shell.deliveryBanner).toBeHidden();
  });

  await test.step('after a reload: everything as saved, and the API key only as "set" with its last four', async () => {
    await page.reload();
    await settings.expectOpen();
    await expect(settings.apiKeyStatus).toHaveText(`Aflite API key: set, ending in ${SANDBOX_API_KEY.slice(-4)}`);
    await expect(settings.apiKeyInput).toHaveValue('');
    await expect(settings.merchantId).toHaveValue(SANDBOX_MID);
    await expect(settings.baseUrl).toHaveValue(SANDBOX_URL);
    await expect(settings.maxAttempts).toHaveValue('2');
    await expect(settings.firstWait).toHaveValue('1');
    await expect(settings.longestWait).toHaveValue('2');
    await expect(settings.allowedOrigins).toHaveValue(LANDING_URL);
    await expect(page.locator('body')).not.toContainText(SANDBOX_API_KEY);
    const stored = await page.request.get('/api/admin/settings');
    expect(stored.ok()).toBe(true);
    expect(await stored.text()).not.toContain(SANDBOX_API_KEY);
    await settings.screenshot('settings');
  });

  await test.step('goals: add the Sale goal', async () => {
    await shell.open('Goals');
    await goals.expectOpen();
    await expect(page.getByText('No goals yet')).toBeVisible();
    await goals.addGoal({ name: SALE_GOAL.name, afliteGoalId: SALE_GOAL.afliteGoalId, defaultValue: SALE_GOAL.defaultValue });
    await expect(await goals.cell(SALE_GOAL.name, 'Aflite goal ID')).toHaveText(SALE_GOAL.afliteGoalId);
    await expect(await goals.cell(SALE_GOAL.name, 'Default value')).toHaveText('£10.00');
    await expect(await goals.cell(SALE_GOAL.name, 'From the browser')).toHaveText('Server only');
    await expect(await goals.cell(SALE_GOAL.name, 'Status')).toHaveText('Enabled');
    await goals.screenshot('goals');
  });

  const mref = uniqueRef('TEST');
  const clickSessionID = uniqueRef('TRACECLICK');
  await test.step('test tracking: a trace-only test shows the exact request, key masked, and Aflite’s answer', async () => {
    await shell.open('Test tracking');
    await testTracking.expectOpen();
    await testTracking.sendTraceTest({ goal: `${SALE_GOAL.name} (${SALE_GOAL.afliteGoalId})`, clickSessionID, mref });
    await expect(testTracking.outcome).toHaveText('Outcome: Delivered');
    await expect(testTracking.requestLine).toContainText(`${SANDBOX_URL}/data/register/goal`);
    await expect(testTracking.sentParam('apikey')).toHaveText(`••••${SANDBOX_API_KEY.slice(-4)}`);
    await expect(testTracking.sentParam('mid')).toHaveText(SANDBOX_MID);
    await expect(testTracking.sentParam('goalid')).toHaveText(SALE_GOAL.afliteGoalId);
    await expect(testTracking.sentParam('mref')).toHaveText(mref);
    await expect(testTracking.sentParam('clickSessionID')).toHaveText(clickSessionID);
    await expect(testTracking.sentParam('value')).toHaveText(SALE_GOAL.defaultValue);
    await expect(testTracking.sentParam('traceOnly')).toHaveText('1');
    await expect(testTracking.answerStatus).toHaveText('Status: 200');
    await expect(testTracking.answerBody).toHaveText(`OK trace recorded (not registered) mref=${mref}`);
    await expect(page.locator('body')).not.toContainText(SANDBOX_API_KEY);
    await testTracking.screenshot('test-tracking-result');
  });

  await test.step('Aflite lists it in its Trace Report, not among the goals', async () => {
    const report = await sandbox.report();
    expect(report.traces.map((t) => t.mref)).toContain(mref);
    expect(report.goals.map((g) => g.mref)).not.toContain(mref);
    expect(report.perMref[mref]).toBeUndefined();
  });

  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});

test.describe('signed in as the new admin', () => {
  test.use({ storageState: ADMIN_STORAGE_STATE, permissions: ['clipboard-read', 'clipboard-write'] });

  test('an ingest key for the shop server: shown once, copied with its button, working', async ({ page, ingestKeys }) => {
    const name = 'Shop checkout server';
    let key = '';

    await test.step('create it: the full key is shown once, with a copy button', async () => {
      await ingestKeys.goto();
      await expect(page.getByText('No ingest keys yet')).toBeVisible();
      await ingestKeys.createKey(name);
      await expect(ingestKeys.createdDialog).toContainText('it will not be shown again');
      key = await ingestKeys.createdKey.inputValue();
      expect(key.length).toBeGreaterThanOrEqual(24);
      expect(await ingestKeys.copyCreatedKey()).toBe(key);
      await ingestKeys.screenshot('ingest-key-created');
      await ingestKeys.confirmKeyStored();
    });

    await test.step('afterwards only its start is listed, never the key itself', async () => {
      await expect(ingestKeys.row(name)).toBeVisible();
      const prefix = (await (await ingestKeys.cell(name, 'Key starts with')).innerText()).replace(/…$/, '');
      expect(prefix.length).toBeGreaterThan(3);
      expect(key.startsWith(prefix)).toBe(true);
      await expect(await ingestKeys.cell(name, 'Last used')).toHaveText('Never');
      await expect(await ingestKeys.cell(name, 'Status')).toHaveText('Active');
      await page.reload();
      await expect(ingestKeys.row(name)).toBeVisible();
      await expect(page.locator('body')).not.toContainText(key);
    });

    await test.step('the shop server authenticates with it', async () => {
      const result = await new MerchantServer(key).sendTestConversion({
        goalId: SALE_GOAL.afliteGoalId,
        mref: uniqueRef('KEYCHECK'),
        clickSessionID: uniqueRef('KEYCHECK'),
      });
      expect(result.attempt.statusCode).toBe(200);
      await page.reload();
      await expect(await ingestKeys.cell(name, 'Last used')).not.toHaveText('Never');
      await ingestKeys.screenshot('ingest-keys');
    });

    saveIngestKey(key);
  });
});
