import type { Page } from '@playwright/test';
import { PASSWORD, apply, confirmEmail, newApplicant, openApplication, type Applicant } from './applicants';
import { accounts, actionFor, formMessage, linkIn, signIn, waitForEmail } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Focal points' people (decision 018): a focal point endorses an application from their organisation,
 * which reaches the Secretariat marked endorsed; invites a colleague, who registers from the link with
 * the organisation already chosen and joins; then removes that colleague, who is signed out at once.
 * The demo lets admins decide without waiting (seed/index.ts), so the admin approves right after.
 */

/** From the focal point's own profile to their organisation's people page; returns the organisation's name. */
async function openPeoplePage(page: Page): Promise<string> {
  await page.goto(`/directory/people?q=${encodeURIComponent(accounts.focalPoint.name)}`);
  await expect(page.getByRole('link', { name: accounts.focalPoint.name }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: accounts.focalPoint.name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: accounts.focalPoint.name })).toBeVisible();
  await expectAccessible(page);
  await page.locator('main a[href^="/organisations/"]').first().click();
  await expect(page).toHaveURL(/\/organisations\/[^/]+$/);
  await expect(page.getByRole('link', { name: t('people.section.link') })).toBeVisible();
  await expectAccessible(page);
  const organisation = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.getByRole('link', { name: t('people.section.link') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('people.title', { name: organisation }) })).toBeVisible();
  await expectAccessible(page);
  return organisation;
}

/** Registers from an invitation link: the organisation is chosen and the address filled in. */
async function registerFromInvitation(page: Page, who: Applicant, organisation: string) {
  const invitation = await waitForEmail(who.email);
  expect(invitation.subject).toBe(t('email.invitation.subject'));
  const link = linkIn(invitation);
  expect(new URL(link).pathname).toBe('/register');
  await page.goto(link);
  await expect(page.getByText(t('people.invitation.welcome', { organisation }))).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel(t('auth.register.email'))).toHaveValue(who.email);
  await page.getByLabel(t('auth.register.name')).fill(who.name);
  await page.getByLabel(t('auth.register.password'), { exact: true }).fill(PASSWORD);
  await page.getByLabel(t('auth.register.jobTitle')).fill('Programme officer');
  await page.getByLabel(t('auth.register.reason')).fill('My focal point invited me to share our helpline data work.');
  await page.getByRole('checkbox', { name: t('auth.register.acceptGuidelines') }).check();
  await page.getByRole('button', { name: t('auth.register.submit') }).click();
  await expect(page.getByRole('heading', { name: t('auth.register.doneTitle') })).toBeVisible();
}

test('an application endorsed by a focal point reaches the admin marked endorsed; an invited colleague joins and is removed', async ({
  page,
  newPage,
}) => {
  // A long journey: a focal point and an admin (each with an authenticator code), two applicants, many pages checked with axe.
  test.slow();
  const focal = await newPage();
  await signIn(focal, accounts.focalPoint);
  const organisation = await openPeoplePage(focal);
  const peoplePage = focal.url();

  // An application from the organisation: the focal point endorses it.
  const applicant = newApplicant('endorsed');
  const applied = new Date();
  await apply(page, applicant, { existing: organisation });
  await confirmEmail(page, applicant);
  // The focal point's address gets other journeys' emails too: the request is looked for, not the newest email.
  const request = await waitForEmail(accounts.focalPoint.email, { after: applied, subject: t('email.applicationToEndorse.subject') });
  expect(new URL(linkIn(request)).pathname).toBe(new URL(peoplePage).pathname);

  // An invited colleague.
  const colleague = newApplicant('invited');
  await focal.getByLabel(t('people.invite.email')).fill(colleague.email);
  await focal.getByRole('button', { name: t('people.invite.send') }).click();
  await expect(focal.getByText(t('people.invite.sent', { email: colleague.email }))).toBeVisible();
  const invited = await newPage();
  await registerFromInvitation(invited, colleague, organisation);
  await confirmEmail(invited, colleague);

  await focal.goto(peoplePage);
  const application = focal.getByRole('article', { name: applicant.name });
  await expect(application).toBeVisible();
  await expect(focal.getByRole('article', { name: colleague.name }).getByText(t('people.applications.invited'), { exact: true })).toBeVisible();
  await expectAccessible(focal);
  await application.getByRole('button', { name: actionFor(t('people.applications.endorse'), applicant.name) }).click();
  await expect(focal.getByText(t('people.applications.endorsed'))).toBeVisible();

  // The Secretariat sees both marked, and approves.
  const admin = await newPage();
  await signIn(admin, accounts.admin);
  const endorsed = await openApplication(admin, applicant);
  await expect(endorsed.getByText(t('people.admin.endorsedBy', { name: accounts.focalPoint.name }))).toBeVisible();
  await expect(endorsed.getByText(t('people.admin.endorsedBadge'), { exact: true })).toBeVisible();
  await endorsed.getByRole('button', { name: actionFor(t('admin.applications.approve'), applicant.name) }).click();
  await expect(admin.getByText(t('admin.applications.approved'))).toBeVisible();
  const invitedApplication = await openApplication(admin, colleague);
  await expect(invitedApplication.getByText(t('people.admin.invitedBadge'), { exact: true })).toBeVisible();
  await invitedApplication.getByRole('button', { name: actionFor(t('admin.applications.approve'), colleague.name) }).click();
  await expect(admin.getByText(t('admin.applications.approved'))).toBeVisible();

  // The invited colleague joins.
  await invited.goto('/sign-in');
  await signIn(invited, colleague, PASSWORD);

  // The focal point removes them: they are signed out on their next request.
  await focal.goto(peoplePage);
  await expect(focal.getByRole('link', { name: colleague.name })).toBeVisible();
  await focal.getByText(actionFor(t('people.members.remove'), colleague.name)).click();
  await focal.getByRole('button', { name: actionFor(t('people.members.removeConfirm'), colleague.name) }).click();
  // The list is refreshed: they are no longer among the members.
  await expect(focal.getByRole('link', { name: colleague.name })).toHaveCount(0);
  await expectAccessible(focal);
  await invited.goto('/home');
  await expect(invited).toHaveURL(/\/sign-in/);
});

test('a focal point uploads a logo for their organisation; its page shows the logo and the storage used', async ({ page }) => {
  const { default: sharp } = await import('sharp');
  const png = await sharp({ create: { width: 96, height: 96, channels: 3, background: '#1d4ed8' } })
    .png()
    .toBuffer();
  await signIn(page, accounts.focalPoint);
  await openPeoplePage(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/organisations\/[^/]+$/);
  // Only the organisation's own focal points and admins see how much of its storage is used.
  await expect(page.getByRole('heading', { name: t('directory.storage.title') })).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('link', { name: t('directory.organisation.edit') }).click();
  await expect(page.getByRole('heading', { name: t('directory.editOrganisation.logoTitle') })).toBeVisible();
  await expectAccessible(page);
  // Not an image: refused with a sentence, nothing stored.
  await page
    .getByLabel(t('directory.editOrganisation.logoField'))
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a logo') });
  await page.getByRole('button', { name: t('directory.editOrganisation.logoSubmit') }).click();
  await expect(page.getByText(t('directory.logo.wrongType'))).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(t('directory.editOrganisation.logoField')).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: t('directory.editOrganisation.logoSubmit') }).click();
  await expect(formMessage(page, t('directory.editOrganisation.logoSaved'))).toBeVisible();
  await page.getByRole('link', { name: t('directory.editOrganisation.back') }).click();
  const logo = page.locator('main img[src^="/api/files/"]').first();
  await expect(logo).toBeVisible();
  // The browser loaded it: a real image, re-encoded by the server (waited for: visible is not yet loaded).
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await expectAccessible(page);
});
