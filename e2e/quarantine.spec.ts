import { createHash } from 'node:crypto';
import { minimalPdf } from '../testing/uploads';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, formMessage, signIn } from './helpers';
import { t } from './messages';

/**
 * The block list's quarantine end to end (decision 024): an admin chooses to keep quarantined files
 * encrypted and imports a CSV hash list (each skipped line reported with its reason); a member's upload
 * of a listed file is refused; the admin is told in the portal, follows the notification to the
 * member's admin page, where the account is flagged, and marks the incident reviewed.
 */
test('a CSV import reports its skipped lines; a listed upload is refused, the admin alerted, the uploader flagged and reviewed', async ({
  page,
  newPage,
}) => {
  const listed = minimalPdf(`Quarantine sample ${Date.now()}`);
  const sha = createHash('sha256').update(listed).digest('hex');
  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await admin.goto('/admin/blocklist');
  await expect(admin.getByRole('heading', { level: 2, name: t('blocklist.quarantine.title') })).toBeVisible();
  await admin.getByLabel(t('blocklist.quarantine.label')).selectOption('keep');
  await admin.getByRole('button', { name: t('blocklist.quarantine.save'), exact: true }).click();
  await expect(formMessage(admin, t('blocklist.quarantine.saved'))).toBeVisible();

  await admin
    .getByLabel(t('blocklist.hashes'), { exact: true })
    .fill(`source,sha256\nhotline,${sha}\nhotline,not-a-hash\nhotline,${'a'.repeat(40)}\n`);
  await admin.getByRole('button', { name: t('blocklist.import') }).click();
  const report = admin.getByRole('status').filter({ hasText: t('blocklist.skipped.line', { line: 3, reason: t('blocklist.skipped.notHash') }) });
  await expect(report).toBeVisible();
  await expect(report).toContainText(t('blocklist.skipped.line', { line: 4, reason: t('blocklist.skipped.sha1') }));
  await expectAccessible(admin);

  await signIn(page, accounts.civil);
  await page.goto('/resources/new');
  await page.getByLabel(t('resources.form.file'), { exact: true }).setInputFiles({ name: 'listed.pdf', mimeType: 'application/pdf', buffer: listed });
  await expect(page.getByRole('alert').filter({ hasText: t('resources.upload.refused.refused') })).toBeVisible();

  await admin.goto('/notifications');
  const alert = admin
    .getByRole('link', { name: t('discussions.notifications.file_quarantined', { actor: accounts.civil.name }).replace(/<\/?b>/g, '') })
    .first();
  await expect(alert).toBeVisible();
  await expectAccessible(admin);
  await alert.click();
  await expect(admin.getByRole('heading', { level: 1, name: accounts.civil.name })).toBeVisible();
  const flag = admin.getByRole('link', { name: t('admin.user.incidents.badge') });
  await expect(flag).toBeVisible();
  const incidents = admin.getByRole('region', { name: t('admin.user.incidents.title') });
  await expect(incidents).toContainText(t('admin.user.incidents.kept'));
  await expect(incidents).toContainText(sha);
  await expectAccessible(admin);
  await incidents.getByRole('button', { name: t('admin.user.incidents.review') }).click();
  // The button goes with the last open incident; the section's status line says so instead.
  await expect(flag).toHaveCount(0);
  await expect(incidents).toContainText(t('admin.user.incidents.allReviewed'));

  // Back to the default, for the specs that follow.
  await admin.goto('/admin/blocklist');
  await admin.getByLabel(t('blocklist.quarantine.label')).selectOption('discard');
  await admin.getByRole('button', { name: t('blocklist.quarantine.save'), exact: true }).click();
  await expect(formMessage(admin, t('blocklist.quarantine.saved'))).toBeVisible();
});
