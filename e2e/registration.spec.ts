import type { Page } from '@playwright/test';
import { accounts, actionFor, formMessage, linkIn, signIn, signOut, submitSignIn, uniqueEmail, waitForEmail, type Email } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Journey c: someone applies, confirms their email from the link they were sent, and the Secretariat
 * approves (they can then sign in, and later reset a forgotten password) or rejects (they are told so
 * when they try).
 */

const PASSWORD = 'several unrelated words 2026';

interface Applicant {
  name: string;
  email: string;
}

function newApplicant(label: string): Applicant {
  const email = uniqueEmail(label);
  return { name: `E2E ${label} ${email.split('@')[0]!.split('-').slice(1).join('')}`, email };
}

async function apply(page: Page, who: Applicant, organisation: { existing: string } | { propose: string; sector: string; country: string }) {
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: t('auth.register.title') })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(t('auth.register.name')).fill(who.name);
  await page.getByLabel(t('auth.register.email')).fill(who.email);
  await page.getByLabel(t('auth.register.password'), { exact: true }).fill(PASSWORD);
  await page.getByLabel(t('auth.register.jobTitle')).fill('Online safety analyst');

  if ('existing' in organisation) {
    const search = page.getByRole('combobox', { name: t('auth.register.organisationSearch') });
    await search.fill(organisation.existing);
    const option = page.getByRole('option').filter({ hasText: organisation.existing }).first();
    await expect(option).toBeVisible();
    await expectAccessible(page);
    const chosenName = (await option.locator('span').first().innerText()).trim();
    await option.click();
    await expect(page.getByText(t('auth.register.organisationChosen', { name: chosenName }))).toBeVisible();
  } else {
    await page.getByRole('radio', { name: t('auth.register.organisationNew') }).check();
    await page.getByLabel(t('auth.register.newOrganisationName')).fill(organisation.propose);
    await page.getByLabel(t('auth.register.newOrganisationSector')).selectOption({ label: organisation.sector });
    await page.getByLabel(t('auth.register.newOrganisationCountry')).selectOption({ label: organisation.country });
  }

  await page.getByLabel(t('auth.register.reason')).fill('I coordinate our reporting hotline and want to compare notes with other members.');
  await page.getByRole('checkbox', { name: t('auth.register.acceptGuidelines') }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: t('auth.register.submit') }).click();

  await expect(page.getByRole('heading', { name: t('auth.register.doneTitle') })).toBeVisible();
  await expect(page.getByText(t('auth.register.doneText'))).toBeVisible();
  await expectAccessible(page);
}

/** Opens the link of the confirmation email and confirms; returns that email. */
async function confirmEmail(page: Page, who: Applicant): Promise<Email> {
  const email = await waitForEmail(who.email);
  expect(email.subject).toBe(t('email.verifyEmail.subject'));
  const link = linkIn(email);
  expect(new URL(link).pathname).toBe('/verify-email');

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.verify.title') })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: t('auth.verify.submit') }).click();
  await expect(page.getByRole('heading', { name: t('auth.verify.doneTitle') })).toBeVisible();
  await expectAccessible(page);

  // The link works once.
  await page.goto(link);
  await page.getByRole('button', { name: t('auth.verify.submit') }).click();
  await expect(formMessage(page, t('auth.verify.invalid'))).toBeVisible();
  await expectAccessible(page);
  return email;
}

/** The admin's view of one application on /admin/applications. */
async function openApplication(admin: Page, who: Applicant) {
  await admin.goto('/admin/applications');
  await expect(admin.getByRole('heading', { level: 1, name: t('admin.applications.title') })).toBeVisible();
  const application = admin.getByRole('article', { name: who.name });
  await expect(application).toBeVisible();
  await expect(application.getByText(who.email)).toBeVisible();
  await expectAccessible(admin);
  return application;
}

test('an applicant registers, confirms their email, is approved, and signs in', async ({ page, newPage }) => {
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

  const email = await waitForEmail(who.email, { after: lastEmail });
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
  // The email carries no reason: only a link.
  expect(decision.text).not.toContain('could not confirm');

  await page.goto('/sign-in');
  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.rejected'))).toBeVisible();
  await expectAccessible(page);
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);
});
