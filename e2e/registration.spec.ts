import type { Page } from '@playwright/test';
import { PASSWORD, apply, confirmEmail, newApplicant, openApplication, type Applicant } from './applicants';
import { accounts, actionFor, formMessage, linkIn, signIn, signOut, submitSignIn, waitForEmail, type Email } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Journey c: someone applies, confirms their email from the link they were sent, and the Secretariat
 * approves (they can then sign in, and later reset a forgotten password) or rejects (they are told so
 * when they try).
 */

test('an applicant registers, confirms their email, is approved, and signs in', async ({ page, newPage }) => {
  // A long journey: an applicant, an admin (with an authenticator code) and many pages checked with axe.
  test.slow();
  const who = newApplicant('approved');
  await apply(page, who, { existing: 'Government of' });
  const verification = await confirmEmail(page, who);

  // Until the Secretariat decides, signing in explains the wait.
  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.pending'))).toBeVisible();

  const admin = await newPage();
  await signIn(admin, accounts.admin);
  const application = await openApplication(admin, who);
  await application.getByRole('button', { name: actionFor(t('admin.applications.approve'), who.name) }).click();
  await expect(admin.getByText(t('admin.applications.approved'))).toBeVisible();
  await expectAccessible(admin);

  const approval = await waitForEmail(who.email, { after: verification });
  expect(approval.subject).toBe(t('email.applicationApproved.subject'));
  expect(new URL(linkIn(approval)).pathname).toBe('/sign-in');

  await page.goto('/sign-in');
  await signIn(page, who, PASSWORD);
  await signOut(page, who.name);

  await test.step('the new member forgets their password and resets it from the emailed link', async () => {
    await resetForgottenPassword(page, newPage, who, approval);
  });
});

/**
 * Forgotten password: the same answer for known and unknown addresses, a single-use link by email, and a
 * reset that ends every session. Done with the newly approved member: the demo accounts belong to other specs.
 */
async function resetForgottenPassword(page: Page, newPage: () => Promise<Page>, who: Applicant, lastEmail: Email) {
  const newPassword = `${PASSWORD} reset`;
  // Signed in elsewhere: the reset ends that session too.
  const laptop = await newPage();
  await signIn(laptop, who, PASSWORD);
  // A browser never used with the account: its owner is told, with a way to end that session.
  const notice = await waitForEmail(who.email, { after: lastEmail });
  expect(notice.subject).toBe(t('email.noticeNewSignIn.subject'));
  expect(new URL(linkIn(notice)).pathname).toBe('/settings/security');

  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: t('auth.forgot.title') })).toBeVisible();
  await expectAccessible(page);

  // An unknown address gets the same answer (and no email).
  await page.getByLabel(t('auth.forgot.email')).fill('nobody-here@unknown.example');
  await page.getByRole('button', { name: t('auth.forgot.submit') }).click();
  await expect(formMessage(page, t('auth.forgot.done'))).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await page.getByLabel(t('auth.forgot.email')).fill(who.email);
  await page.getByRole('button', { name: t('auth.forgot.submit') }).click();
  await expect(formMessage(page, t('auth.forgot.done'))).toBeVisible();

  const email = await waitForEmail(who.email, { after: notice });
  expect(email.subject).toBe(t('email.resetPassword.subject'));
  const link = linkIn(email);
  expect(new URL(link).pathname).toBe('/reset-password');

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.reset.title') })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(t('auth.reset.password'), { exact: true }).fill(newPassword);
  await page.getByLabel(t('auth.reset.confirmPassword')).fill(newPassword);
  await page.getByRole('button', { name: t('auth.reset.submit') }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=passwordReset$/);
  await expect(page.getByText(t('auth.signIn.passwordReset'))).toBeVisible();
  await expectAccessible(page);

  // The member is told their password changed.
  expect((await waitForEmail(who.email, { after: email })).subject).toBe(t('email.noticePasswordChanged.subject'));

  // The other session has ended; the old password no longer works, the new one does.
  await laptop.goto('/home');
  await expect(laptop).toHaveURL(/\/sign-in/);
  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.invalid'))).toBeVisible();
  await signIn(page, who, newPassword);

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByLabel(t('auth.reset.password'), { exact: true }).fill(`${newPassword} again`);
  await page.getByLabel(t('auth.reset.confirmPassword')).fill(`${newPassword} again`);
  await page.getByRole('button', { name: t('auth.reset.submit') }).click();
  await expect(formMessage(page, t('auth.reset.invalid'))).toBeVisible();
  await expectAccessible(page);
}

test('an application the Secretariat rejects cannot sign in', async ({ page, newPage }) => {
  const who = newApplicant('rejected');
  await apply(page, who, { propose: `E2E Proposed Foundation ${Date.now()}`, sector: t('common.sectors.civil_society'), country: 'Kenya' });
  const verification = await confirmEmail(page, who);

  const admin = await newPage();
  await signIn(admin, accounts.admin);
  const application = await openApplication(admin, who);
  await expect(application.getByText(t('admin.applications.newOrganisation'))).toBeVisible();

  await application.getByText(t('admin.applications.reject')).click();
  // A reason is required.
  const confirm = application.getByRole('button', { name: actionFor(t('admin.applications.rejectConfirm'), who.name) });
  const reason = application.getByLabel(t('admin.applications.reason'));
  await confirm.click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(admin);
  await reason.fill('We could not confirm that the organisation works on child protection.');
  await expectAccessible(admin);
  await confirm.click();
  await expect(admin.getByText(t('admin.applications.rejected'))).toBeVisible();
  await expectAccessible(admin);

  const decision = await waitForEmail(who.email, { after: verification });
  expect(decision.subject).toBe(t('email.applicationRejected.subject'));
  // The applicant reads the reason in the email and on the sign-in page (only with their password).
  const reasonText = 'We could not confirm that the organisation works on child protection.';
  expect(decision.text).toContain(reasonText);

  await page.goto('/sign-in');
  await submitSignIn(page, who.email, `${PASSWORD} wrong`);
  await expect(formMessage(page, t('auth.signIn.invalid'))).toBeVisible();
  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.rejectedWithReason', { reason: reasonText }))).toBeVisible();
  await expectAccessible(page);
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);
});
