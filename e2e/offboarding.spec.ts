import { PASSWORD, apply, approveAndSignIn, confirmEmail, newApplicant } from './applicants';
import { accounts, formMessage, signIn, submitSignIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Offboarding: the Secretariat deactivates an organisation (with a reason); its member, signed in
 * elsewhere, is signed out on their next request and cannot sign in; the organisation's page says it is no
 * longer a member; reactivating lets them back in. The organisation and its member are made here (an
 * application proposing it), so no other spec's account is touched.
 */
test('deactivating an organisation signs its member out on the next request; reactivation restores them', async ({ page, newPage }) => {
  // A long journey: an applicant, an admin (with an authenticator code) and many pages checked with axe.
  test.slow();
  const who = newApplicant('offboarded');
  const organisation = `E2E Leaving Network ${Date.now()}`;
  await apply(page, who, { propose: organisation, sector: t('common.sectors.civil_society'), country: 'Kenya' });
  await confirmEmail(page, who);

  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await approveAndSignIn(admin, page, who);

  await admin.goto('/admin/organisations');
  await admin.getByRole('searchbox', { name: t('admin.organisations.search') }).fill(organisation);
  await admin.getByRole('button', { name: t('common.list.apply') }).click();
  await expect(admin).toHaveURL(/[?&]q=/);
  await expectAccessible(admin);
  await admin.getByRole('link', { name: organisation }).click();
  await expect(admin.getByRole('heading', { level: 1, name: organisation })).toBeVisible();
  await admin.getByText(t('admin.organisation.deactivate', { name: organisation })).click();
  const confirm = admin.getByRole('button', { name: t('admin.organisation.deactivateConfirm') });
  const reason = admin.getByLabel(t('admin.organisation.deactivateReason'));
  // A reason is required.
  await confirm.click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(admin);
  await reason.fill('The organisation has closed.');
  await confirm.click();
  // The page now shows the organisation inactive, with the reason, and offers to reactivate it.
  await expect(admin.getByText('The organisation has closed.')).toBeVisible();
  await expect(admin.getByRole('button', { name: t('admin.organisation.reactivate', { name: organisation }) })).toBeVisible();
  await expectAccessible(admin);

  // The member's very next request finds no session, and signing in is refused.
  // (A full page load: a client-side navigation shows the address it leaves for sign-in for a moment.)
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  await expectAccessible(page);
  await submitSignIn(page, who.email, PASSWORD);
  await expect(formMessage(page, t('auth.signIn.suspended'))).toBeVisible();

  // The organisation's page stays, saying it is no longer a member.
  await admin.getByRole('link', { name: t('admin.organisation.memberPage') }).click();
  await expect(admin.getByRole('heading', { level: 1, name: organisation })).toBeVisible();
  await expect(admin.getByText(t('directory.organisation.formerMember'))).toBeVisible();
  await expectAccessible(admin);

  await admin.goBack();
  await admin.getByRole('button', { name: t('admin.organisation.reactivate', { name: organisation }) }).click();
  await expect(admin.getByText(t('admin.organisation.deactivate', { name: organisation }))).toBeVisible();
  await page.goto('/sign-in');
  await signIn(page, who, PASSWORD);
});
