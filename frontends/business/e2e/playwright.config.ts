import { defineConfig } from '@playwright/test';

/**
 * Debian's Chromium by path (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1), against the app
 * and fleet that run.ts started (E2E_WEB_URL and the signed-in person's E2E_* variables).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../../../test-results/business-web',
  reporter: [['list'], ['json']],
  use: {
    baseURL: process.env.E2E_WEB_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
