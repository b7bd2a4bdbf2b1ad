import { defineConfig } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/run-state';
import { API_PORT, API_URL, LANDING_PORT, LANDING_URL, SANDBOX_API_KEY, SANDBOX_MID, SANDBOX_PORT, SANDBOX_URL } from './support/ports';

/**
 * The real stack: Goalpost (built api + dashboard), the stand-in Aflite and a merchant landing site,
 * driven in Debian's Chromium. One worker: the tests share one Goalpost, as a merchant's team would.
 * The "first run" project creates the admin account, configures Goalpost and makes an ingest key through
 * the dashboard; the merchant tests depend on it and start signed in as that admin.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: API_URL,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'first run', testMatch: /setup\/.*\.setup\.ts$/ },
    {
      name: 'merchant',
      testMatch: /\.spec\.ts$/,
      dependencies: ['first run'],
      use: { storageState: ADMIN_STORAGE_STATE },
    },
  ],
  webServer: [
    {
      command: 'node ../apps/sandbox/dist/main.js',
      url: `${SANDBOX_URL}/_sandbox/report`,
      env: { SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_API_KEY, SANDBOX_MID },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'node support/start-api.mjs',
      url: `${API_URL}/health`,
      env: { E2E_API_PORT: String(API_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'node support/landing-server.mjs',
      url: `${LANDING_URL}/`,
      env: { E2E_LANDING_PORT: String(LANDING_PORT), E2E_API_PORT: String(API_PORT) },
      reuseExistingServer: false,
    },
  ],
});
