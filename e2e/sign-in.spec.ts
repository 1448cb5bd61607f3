import { accounts, DEMO_PASSWORD, formMessage, signIn, signOut, submitSignIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/** Journey b: signing in and out, and what sign-in says to people who cannot come in. */

test('a member signs in, sees their home page, and signs out', async ({ page }) => {
  const member = accounts.government;
  await signIn(page, member);

  // Member pages are private: never cached, never indexed.
  const response = await page.request.get('/home');
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(response.headers()['x-robots-tag']).toContain('noindex');

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'pp.session');
  expect(session, 'the session cookie').toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');

  await signOut(page, member.name);

  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);

  // The old cookie is worth nothing after signing out: the session row was revoked.
  await page.context().addCookies([session!]);
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password and an unknown email get the same answer', async ({ page }) => {
  await page.goto('/sign-in');
  await submitSignIn(page, accounts.government.email, 'not-the-password-at-all');
  const invalid = formMessage(page, t('auth.signIn.invalid'));
  await expect(invalid).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);
  const known = (await invalid.innerText()).trim();

  await page.reload();
  await submitSignIn(page, 'nobody-here@unknown.example', DEMO_PASSWORD);
  await expect(invalid).toBeVisible();
  expect((await invalid.innerText()).trim()).toBe(known);
  await expect(page.getByLabel(t('auth.signIn.email'))).toHaveValue('nobody-here@unknown.example');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an applicant awaiting approval is told so, and gets no session', async ({ page }) => {
  await page.goto('/sign-in');
  await submitSignIn(page, accounts.applicant.email, DEMO_PASSWORD);
  await expect(formMessage(page, t('auth.signIn.pending'))).toBeVisible();
  await expectAccessible(page);
  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);

  // With a wrong password the applicant's state stays secret.
  await submitSignIn(page, accounts.applicant.email, 'not-the-password-at-all');
  await expect(formMessage(page, t('auth.signIn.invalid'))).toBeVisible();
});
