import { accounts, formMessage, signIn, submitSignIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Journey d: an admin suspends a member who is signed in elsewhere; the member's very next request finds
 * the session gone. Reactivating lets them back in. This spec owns the intergovernmental demo account.
 */
const member = accounts.igo;

test('suspending a member ends their live session at once', async ({ page, newPage }) => {
  await signIn(page, member);

  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await admin.goto('/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: t('admin.users.title') })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel(t('admin.users.search')).fill(member.email);
  await admin.getByRole('button', { name: t('common.list.apply') }).click();
  await expect(admin).toHaveURL(/[?&]q=/);
  const row = admin.getByRole('row').filter({ hasText: member.name });
  await expect(row).toHaveCount(1);
  await expectAccessible(admin);
  await row.getByRole('link', { name: member.name }).click();

  await expect(admin.getByRole('heading', { level: 1, name: member.name })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole('button', { name: t('admin.user.suspend', { name: member.name }) }).click();
  await expect(formMessage(admin, t('admin.user.suspended'))).toBeVisible();
  await expect(admin.getByRole('button', { name: t('admin.user.reactivate', { name: member.name }) })).toBeVisible();
  await expectAccessible(admin);

  // The member's next request lands on sign-in. (A full page load: a client-side navigation shows the
  // address it leaves for sign-in for a moment, which the page watcher would count as a page visited.)
  await page.goto('/settings/security');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);

  // A suspended account cannot sign in, and is told why.
  await submitSignIn(page, member.email);
  await expect(formMessage(page, t('auth.signIn.suspended'))).toBeVisible();

  // Reactivated, they can sign in again.
  await admin.getByRole('button', { name: t('admin.user.reactivate', { name: member.name }) }).click();
  await expect(admin.getByRole('button', { name: t('admin.user.suspend', { name: member.name }) })).toBeVisible();
  await page.goto('/sign-in');
  await signIn(page, member);
});
