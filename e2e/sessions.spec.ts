import type { Page } from '@playwright/test';
import { accounts, DEMO_PASSWORD, formMessage, signIn, submitSignIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Journey e: a member sees where they are signed in, ends another session, and changing the password
 * signs out every other session. This spec owns the company demo account (its password changes).
 */
const member = accounts.company;
const NEW_PASSWORD = 'a-new-password-for-the-e2e-run';

async function openSessions(page: Page) {
  await page.goto('/settings/security');
  await expect(page.getByRole('heading', { level: 1, name: t('settings.securityTitle') })).toBeVisible();
  return page.getByRole('region', { name: t('settings.sessionsTitle') }).getByRole('listitem');
}

async function expectSignedOut(page: Page) {
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  await expectAccessible(page);
}

test.describe.configure({ mode: 'serial' });

test('ending another session signs that browser out', async ({ page, newPage }) => {
  const laptop = page;
  const phone = await newPage();
  await signIn(laptop, member);
  await signIn(phone, member);

  const sessions = await openSessions(laptop);
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: t('settings.thisDevice') })).toHaveCount(1);
  await expectAccessible(laptop);

  const end = laptop.getByRole('button', { name: /^End the session on .+, last active / });
  await expect(end).toHaveCount(1);
  await end.click();
  await expect(sessions).toHaveCount(1);
  await expectAccessible(laptop);

  await expectSignedOut(phone);
  // The laptop's own session carries on.
  await laptop.goto('/home');
  await expect(laptop).toHaveURL('/home');
});

test('“sign out all other sessions” ends every other session', async ({ page, newPage }) => {
  const [phone, tablet] = [await newPage(), await newPage()];
  await signIn(page, member);
  await signIn(phone, member);
  await signIn(tablet, member);

  // At least these three (a session of the previous test may still be open: closing a browser ends no session).
  const sessions = await openSessions(page);
  expect(await sessions.count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: t('settings.endOthers') }).click();
  await expect(sessions).toHaveCount(1);
  await expectAccessible(page);

  await expectSignedOut(phone);
  await expectSignedOut(tablet);
});

test('changing the password signs out the other sessions', async ({ page, newPage }) => {
  const phone = await newPage();
  await signIn(page, member);
  await signIn(phone, member);

  await openSessions(page);
  const form = page.getByRole('region', { name: t('settings.passwordTitle') });

  // A wrong current password changes nothing.
  await form.getByLabel(t('settings.currentPassword')).fill('not-the-password-at-all');
  await form.getByLabel(t('settings.newPassword'), { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel(t('settings.confirmPassword')).fill(NEW_PASSWORD);
  await form.getByRole('button', { name: t('settings.changePassword') }).click();
  await expect(form.getByText(t('errors.wrongPassword')).first()).toBeVisible();
  await expect(form.getByLabel(t('settings.currentPassword'))).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await phone.goto('/home');
  await expect(phone).toHaveURL('/home');

  await form.getByLabel(t('settings.currentPassword')).fill(DEMO_PASSWORD);
  await form.getByLabel(t('settings.newPassword'), { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel(t('settings.confirmPassword')).fill(NEW_PASSWORD);
  await form.getByRole('button', { name: t('settings.changePassword') }).click();
  await expect(formMessage(page, t('settings.passwordChanged'))).toBeVisible();
  await expectAccessible(page);

  await expectSignedOut(phone);
  // This session carries on, and only the new password works from now on.
  await page.goto('/home');
  await expect(page).toHaveURL('/home');

  await submitSignIn(phone, member.email, DEMO_PASSWORD);
  await expect(formMessage(phone, t('auth.signIn.invalid'))).toBeVisible();
  await phone.reload();
  await signIn(phone, member, NEW_PASSWORD);
});

test('ending sessions is confirmed on the page', async ({ page, newPage }) => {
  const phone = await newPage();
  await signIn(page, member, NEW_PASSWORD);
  await signIn(phone, member, NEW_PASSWORD);
  const sessions = await openSessions(page);
  await page
    .getByRole('button', { name: /^End the session on / })
    .first()
    .click();
  await expect(formMessage(page, t('settings.ended'))).toBeVisible({ timeout: 5_000 });
  expect(await sessions.count()).toBeGreaterThanOrEqual(1);
});
