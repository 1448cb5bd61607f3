import { accounts, signIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Operations seen from outside: the Secretariat's list of emails that could not be sent, request ids on
 * every page answer, and the health endpoints (the fault tests, faults/, break things for real).
 */
test('the Secretariat finds the emails that could not be sent', async ({ page }) => {
  await signIn(page, accounts.admin);
  await page.goto('/admin');
  await expectAccessible(page);
  await page
    .getByRole('navigation', { name: t('admin.nav.label') })
    .getByRole('link', { name: t('admin.nav.outbox') })
    .click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole('heading', { level: 1, name: t('admin.outbox.title') })).toBeVisible();
  // The test server writes emails to files: none fails.
  await expect(page.getByText(t('admin.outbox.emptyFailed'))).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole('navigation', { name: t('admin.outbox.states') })
    .getByRole('link', { name: /^Waiting/ })
    .click();
  await expect(page).toHaveURL(/state=pending/);
  await expect(page.getByRole('link', { name: /^Waiting/ })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);
});

test('every page answer carries a request id; health, readiness and metrics answer as documented', async ({ request }) => {
  const page = await request.get('/guidelines');
  expect(page.status()).toBe(200);
  expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const other = await request.get('/guidelines');
  expect(other.headers()['x-request-id']).not.toBe(page.headers()['x-request-id']);

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, migrations: true, workers: true } });
  expect(ready.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  // No METRICS_TOKEN on the test server: the metrics do not exist.
  expect((await request.get('/api/metrics')).status()).toBe(404);
});
