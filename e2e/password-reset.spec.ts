import { accounts, formMessage, linkIn, signIn, submitSignIn, waitForEmail } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Forgotten password: the same answer for known and unknown addresses, a single-use link by email, and
 * a reset that ends every session. This spec owns the moderator demo account (its password changes).
 */
const member = accounts.moderator;
const NEW_PASSWORD = 'reset-by-email-in-the-e2e-run';

test('a member resets a forgotten password from the emailed link', async ({ page, newPage }) => {
  // Signed in elsewhere: the reset ends that session too.
  const laptop = await newPage();
  await signIn(laptop, member);

  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: t('auth.forgot.title') })).toBeVisible();
  await expectAccessible(page);

  // An unknown address gets the same answer, and no email.
  await page.getByLabel(t('auth.forgot.email')).fill('nobody-here@unknown.example');
  await page.getByRole('button', { name: t('auth.forgot.submit') }).click();
  await expect(formMessage(page, t('auth.forgot.done'))).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await page.getByLabel(t('auth.forgot.email')).fill(member.email);
  await page.getByRole('button', { name: t('auth.forgot.submit') }).click();
  await expect(formMessage(page, t('auth.forgot.done'))).toBeVisible();

  const email = await waitForEmail(member.email);
  expect(email.subject).toBe(t('email.resetPassword.subject'));
  const link = linkIn(email);
  expect(new URL(link).pathname).toBe('/reset-password');

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.reset.title') })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(t('auth.reset.password'), { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel(t('auth.reset.confirmPassword')).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: t('auth.reset.submit') }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=passwordReset$/);
  await expect(page.getByText(t('auth.signIn.passwordReset'))).toBeVisible();
  await expectAccessible(page);

  // The other session has ended; the old password no longer works, the new one does.
  await laptop.goto('/home');
  await expect(laptop).toHaveURL(/\/sign-in/);
  await submitSignIn(page, member.email, 'protect-children-2026');
  await expect(formMessage(page, t('auth.signIn.invalid'))).toBeVisible();
  await signIn(page, member, NEW_PASSWORD);

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByLabel(t('auth.reset.password'), { exact: true }).fill(`${NEW_PASSWORD}-again`);
  await page.getByLabel(t('auth.reset.confirmPassword')).fill(`${NEW_PASSWORD}-again`);
  await page.getByRole('button', { name: t('auth.reset.submit') }).click();
  await expect(formMessage(page, t('auth.reset.invalid'))).toBeVisible();
  await expectAccessible(page);
});
