import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './e2e/browser';
import { assertLocalDatabase, E2E_AUTH_SECRET, E2E_OUTBOX_DIR, E2E_PGLITE_DIR, E2E_PORT, E2E_UPLOADS_DIR, E2E_URL } from './e2e/env';

/**
 * End-to-end tests against the production build. `npm run test:e2e` (scripts/e2e.mjs) runs `next build`
 * first; the web server below prepares a fresh database, seeds the demo accounts, then runs the portal's server
 * (scripts/server.mjs, as `npm start`).
 * This file is evaluated before the web server starts, so a non-local DATABASE_URL stops everything here.
 */
assertLocalDatabase(process.env.DATABASE_URL);

/** Playwright cannot download its browsers here: E2E_CHROMIUM, else the npm one, else the system's (e2e/browser.ts). */
const browser = await chromiumExecutable();
if (!process.env.TEST_WORKER_INDEX) console.info(`[e2e] Chromium (${browser.source}): ${browser.path}`);
const executablePath = browser.path;

/** The browser every project uses. */
const chromium = {
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
};

/** Specs that change the whole portal: they run after every other spec has finished (see `projects`). */
const PORTAL_WIDE = /guidelines\.spec\.ts$/;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // Journeys change their accounts (suspension, password change), so a retry starts from a changed state.
  // Locally there is none: a failure is looked at. On CI's shared two cores a step can outlast its timeout
  // under load (one journey in ~70 failed so, once, and nothing landed): one retry, and .ci/run lists
  // every test that needed it ("flaky"), so a real fault still shows.
  retries: process.env.CI ? 1 : 0,
  // Four locally, on two cores too: journeys spend much of their time waiting (the server, emails, an
  // authenticator code's next 30-second step), and four took the suite from ~20 to under 18 min on a busy
  // machine. CI (.ci/run) asks for two: on a slower machine of the same kind four browsers running axe
  // at once made every check take 12–19 s and journeys ran out of time (decision 001).
  workers: Number(process.env.E2E_WORKERS || 4),
  // Journeys sign staff in with an authenticator code, which works once per 30-second step: a journey
  // whose admin signed in moments before waits for the next step (e2e/helpers.ts passSecondFactor).
  // Guard rails against a hang, not speed checks: generous, for CI's shared two cores.
  timeout: 300_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: E2E_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    // A trace records the page as it goes (DOM snapshots at each step, a screencast): on two cores that was
    // a third of the suite's time (the same four specs: 197 → 128 s, the browser's CPU 231 → 137 s). A
    // test that fails is retried on CI with a trace, kept when the retry fails too; locally, ask for one:
    // `npm run test:e2e -- --no-build --trace retain-on-failure e2e/x.spec.ts`.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      // Journeys that change the whole portal (a new version of the guidelines stops every member at
      // /guidelines/accept) run alone, after all the others: the `portal-wide` project.
      testIgnore: PORTAL_WIDE,
      teardown: 'portal-wide',
      use: chromium,
    },
    { name: 'portal-wide', testMatch: PORTAL_WIDE, use: chromium },
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
      // Notification emails go at once (e2e/notifications.spec.ts reads them); the delay is tested in Vitest.
      NOTIFICATION_EMAIL_DELAY_SECONDS: '0',
      SEED_DEMO: 'never',
      // Production's start refusals, opted out of on purpose: the test server faces the browser directly
      // and writes its emails to OUTBOX_DIR, where the specs read them.
      ALLOW_DIRECT_EXPOSURE: '1',
      MAIL_TRANSPORT: 'file',
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    },
  },
});
