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

test('the audit page says the trail verifies and exports what its filters show as CSV, itself recorded', async ({ page }) => {
  await signIn(page, accounts.admin);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: t('admin.audit.title') })).toBeVisible();
  await expect(page.locator('#audit-chain')).toContainText('The audit trail verifies');
  await page.getByLabel(t('admin.audit.action')).selectOption('auth.sign_in');
  await page.getByRole('button', { name: t('common.list.apply') }).click();
  await expect(page).toHaveURL(/action=auth\.sign_in/);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('admin.audit.export') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile((await download.path())!, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toContain(t('admin.audit.csv.action'));
  expect(lines.length).toBeGreaterThan(1);
  // Every row is a sign-in: the filter holds for the whole export.
  for (const line of lines.slice(1)) expect(line).toContain('auth.sign_in');
  // The export itself is in the log.
  await page.goto('/admin/audit?action=audit.exported');
  await expect(page.getByRole('table')).toContainText('audit.exported');
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
