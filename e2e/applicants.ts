import type { Page } from '@playwright/test';
import { actionFor, formMessage, linkIn, signIn, uniqueEmail, waitForEmail, type Email } from './helpers';
import { expect, expectAccessible } from './fixtures';
import { t } from './messages';

/** Applying to join, confirming the email, and the admin's view of the application: shared by the journeys that need a new member. */

export const PASSWORD = 'several unrelated words 2026';

export interface Applicant {
  name: string;
  email: string;
}

export function newApplicant(label: string): Applicant {
  const email = uniqueEmail(label);
  return { name: `E2E ${label} ${email.split('@')[0]!.split('-').slice(1).join('')}`, email };
}

export async function apply(page: Page, who: Applicant, organisation: { existing: string } | { propose: string; sector: string; country: string }) {
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
export async function confirmEmail(page: Page, who: Applicant): Promise<Email> {
  // Looked for by its subject: an invited applicant's invitation is already there, and the confirmation
  // is written a moment after the registration's answer.
  const email = await waitForEmail(who.email, { subject: t('email.verifyEmail.subject') });
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
export async function openApplication(admin: Page, who: Applicant) {
  await admin.goto('/admin/applications');
  await expect(admin.getByRole('heading', { level: 1, name: t('admin.applications.title') })).toBeVisible();
  const application = admin.getByRole('article', { name: who.name });
  await expect(application).toBeVisible();
  await expect(application.getByText(who.email)).toBeVisible();
  await expectAccessible(admin);
  return application;
}

/** The admin (signed in on `admin`) approves the application; the applicant then signs in on `page`. */
export async function approveAndSignIn(admin: Page, page: Page, who: Applicant): Promise<void> {
  const application = await openApplication(admin, who);
  await application.getByRole('button', { name: actionFor(t('admin.applications.approve'), who.name) }).click();
  await expect(admin.getByText(t('admin.applications.approved'))).toBeVisible();
  await page.goto('/sign-in');
  await signIn(page, who, PASSWORD);
}
