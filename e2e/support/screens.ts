import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Inside the output directory, which Playwright empties at the start of every run. */
const SCREENS_DIR = join(__dirname, '..', 'test-results', 'screens');

/**
 * A picture of what the merchant sees, kept for reviewing the dashboard's layout: the full page by default,
 * or only the window (sticky bars and fixed dialogs are drawn where they really sit).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}
