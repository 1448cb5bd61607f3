import { PASSWORD, apply, newApplicant } from './applicants';
import { formMessage, linkIn, submitSignIn, waitForEmail } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * A lost or expired confirmation link is not a dead end: from the sign-in page the applicant reaches the
 * confirmation page, asks for a new link, and confirms with it; the first link no longer works.
 */
test('an applicant who lost the confirmation link gets a new one and confirms with it', async ({ page }) => {
  const who = newApplicant('resend');
  await apply(page, who, { existing: 'Government of' });
  const first = await waitForEmail(who.email);

  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.unverified'))).toBeVisible();
  await page.getByRole('link', { name: t('auth.signIn.newLinkAction') }).click();
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(page.getByRole('heading', { level: 2, name: t('auth.verify.resendTitle') })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(t('auth.verify.resendEmail')).fill(who.email);
  await page.getByRole('button', { name: t('auth.verify.resend') }).click();
  await expect(formMessage(page, t('auth.verify.resent'))).toBeVisible();
  await expectAccessible(page);

  const second = await waitForEmail(who.email, { after: first });
  expect(second.subject).toBe(t('email.verifyEmail.subject'));

  // The first link was replaced.
  await page.goto(linkIn(first));
  await page.getByRole('button', { name: t('auth.verify.submit') }).click();
  await expect(formMessage(page, t('auth.verify.invalid'))).toBeVisible();

  await page.goto(linkIn(second));
  await page.getByRole('button', { name: t('auth.verify.submit') }).click();
  await expect(page.getByRole('heading', { name: t('auth.verify.doneTitle') })).toBeVisible();
  await expectAccessible(page);

  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.pending'))).toBeVisible();
});
