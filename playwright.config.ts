import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { assertLocalDatabase, E2E_AUTH_SECRET, E2E_OUTBOX_DIR, E2E_PGLITE_DIR, E2E_PORT, E2E_UPLOADS_DIR, E2E_URL } from './e2e/env';

/**
 * End-to-end tests against the production build. `npm run test:e2e` (scripts/e2e.mjs) runs `next build`
 * first; the web server below prepares a fresh database, seeds the demo accounts, then runs `next start`.
 * This file is evaluated before the web server starts, so a non-local DATABASE_URL stops everything here.
 */
assertLocalDatabase(process.env.DATABASE_URL);

/** Playwright cannot download its browsers here: Debian's chromium is used when it is installed. */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';
const executablePath = process.env.E2E_CHROMIUM || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // Journeys change their accounts (suspension, password change): a blind retry would start from a changed state.
  retries: 0,
  workers: Number(process.env.E2E_WORKERS || 2),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: E2E_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${E2E_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(E2E_PORT),
      APP_URL: E2E_URL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      OUTBOX_DIR: E2E_OUTBOX_DIR,
      PGLITE_DIR: E2E_PGLITE_DIR,
      UPLOADS_DIR: E2E_UPLOADS_DIR,
      RATE_LIMIT_SCALE: '50',
      SEED_DEMO: 'never',
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    },
  },
});
