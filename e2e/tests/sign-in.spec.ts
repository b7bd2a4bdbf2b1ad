import { expect, test } from '../support/fixtures';
import { ADMIN } from '../support/run-state';

// Each test starts as a browser that has never signed in.
test.use({ storageState: { cookies: [], origins: [] } });

test('a signed-out visit to Deliveries asks to sign in, comes back to Deliveries, and signing out ends it', async ({ page, signInPage, deliveries, shell }) => {
  await test.step('opening /deliveries signed out leads to the sign-in page', async () => {
    await page.goto('/deliveries');
    await signInPage.expectAskedToSignInFor('/deliveries');
    await expect(shell.navigation).toBeHidden();
    await signInPage.screenshot('sign-in');
  });

  await test.step('after signing in the admin is back on Deliveries', async () => {
    await signInPage.signIn(ADMIN.email, ADMIN.password);
    await deliveries.expectOpen();
    await expect(page).toHaveURL((url) => url.pathname === '/deliveries' && url.search === '');
    await expect(shell.signedInAs).toHaveText(`Signed in as ${ADMIN.email}`);
  });

  await test.step('signing out from the menu ends the session', async () => {
    await shell.signOut();
    await signInPage.expectOpen();
    await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
    expect((await page.request.get('/api/admin/deliveries')).status()).toBe(401);
    await page.goto('/deliveries');
    await signInPage.expectAskedToSignInFor('/deliveries');
  });
});

test('a wrong password is refused on the sign-in page', async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn(ADMIN.email, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right');
  await expect(signInPage.heading).toBeVisible();
  await signInPage.screenshot('sign-in-refused');
});
