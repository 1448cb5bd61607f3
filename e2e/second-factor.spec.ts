import { totpCode } from '../lib/auth/totp';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, passSecondFactor, signIn, signOut, submitSignIn } from './helpers';
import { t } from './messages';

// (Plural messages are matched in English words: e2e/messages.ts fills simple arguments only.)

test('an admin signs in with the password and a code from the authenticator app, and sees the factor in the security settings', async ({ page }) => {
  await submitSignIn(page, accounts.admin.email);
  // The password alone opens nothing.
  await expect(page).toHaveURL(/\/sign-in\/second-factor/);
  await passSecondFactor(page, accounts.admin.email);
  await expect(page).toHaveURL(/\/home$/);
  await expectAccessible(page);
  await page.goto('/settings/security');
  await expect(page.getByRole('heading', { level: 2, name: t('security.factors.title') })).toBeVisible();
  await expect(page.getByText(t('security.factors.textRequired'))).toBeVisible();
  await expect(page.getByText('Demo authenticator', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a moderator without a factor is sent to enrol, reaches nothing before, and each recovery code works once', async ({ page }) => {
  // Four sign-ins, and a code per 30-second step.
  test.slow();
  const who = accounts.newModerator;
  await submitSignIn(page, who.email);
  await expect(page).toHaveURL(/\/settings\/security\/enrol/);
  await expect(page.getByRole('heading', { level: 1, name: t('security.enrol.title') })).toBeVisible();
  await expect(page.getByText(t('security.enrol.required'))).toBeVisible();
  await expectAccessible(page);

  await test.step('the console and member pages send it back to the enrolment', async () => {
    for (const path of ['/home', '/settings/security', '/admin/moderation']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/settings\/security\/enrol/);
      await expect(page.getByRole('heading', { level: 1, name: t('security.enrol.title') })).toBeVisible();
    }
  });

  const secret = (await page.getByTestId('totp-key').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const codes: string[] = [];

  await test.step('a wrong code is refused; the right one enrols and shows ten recovery codes once', async () => {
    await page.getByLabel(t('security.enrol.code')).fill('000000');
    await page.getByRole('button', { name: t('security.enrol.submit') }).click();
    await expect(page.getByText(t('security.enrol.wrongCode'))).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(t('security.enrol.code')).fill(totpCode(secret));
    await page.getByRole('button', { name: t('security.enrol.submit') }).click();
    await expect(page.getByText(t('security.enrol.added'))).toBeVisible();
    codes.push(...(await page.getByTestId('recovery-codes').locator('li').allInnerTexts()));
    expect(codes).toHaveLength(10);
    await expectAccessible(page);
    // On to the page it last asked for.
    await page.getByRole('link', { name: t('security.enrol.continueSaved') }).click();
    await expect(page).toHaveURL(/\/admin\/moderation$/);
    await expectAccessible(page);
  });

  await test.step('a recovery code signs in once', async () => {
    await signOut(page, who.name);
    await submitSignIn(page, who.email);
    await expect(page).toHaveURL(/\/sign-in\/second-factor/);
    await page.getByLabel(t('security.signIn.code'), { exact: true }).fill(codes[0]!);
    await page.getByRole('button', { name: t('security.signIn.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/home$/);
    await signOut(page, who.name);
    await submitSignIn(page, who.email);
    await page.getByLabel(t('security.signIn.code'), { exact: true }).fill(codes[0]!);
    await page.getByRole('button', { name: t('security.signIn.submit'), exact: true }).click();
    await expect(page.getByText(t('security.signIn.wrongCode'))).toBeVisible();
    await expectAccessible(page);
    await passSecondFactor(page, who.email, { secret });
    await expect(page).toHaveURL(/\/home$/);
    await expectAccessible(page);
  });

  await test.step('the security page counts the codes left and the factor cannot be removed (the role requires one)', async () => {
    await page.goto('/settings/security');
    await expect(page.getByText('9 unused recovery codes left.')).toBeVisible();
    await page.getByRole('button', { name: t('security.factors.removeLabel', { name: t('security.enrol.nameDefault') }) }).click();
    await expect(page.getByText(t('security.factors.lastRequired'))).toBeVisible();
    await expectAccessible(page);
  });
});

test('an admin resets the second factor of someone who lost it; they enrol again at their next sign-in', async ({ page, newPage }) => {
  const who = accounts.newModerator;
  await signIn(page, accounts.admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(who.email)}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: who.name }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: t('security.admin.title') })).toBeVisible();
  await expectAccessible(page);
  const reset = page.getByRole('button', { name: t('security.admin.reset', { name: who.name }) });
  // After the enrolment above (one worker runs this file's tests in order).
  await expect(page.getByText('One second factor.')).toBeVisible();
  await reset.click();
  // The page shows the outcome (the button goes with the last factor, and its message with it).
  await expect(page.getByText('No second factor.')).toBeVisible();
  await expect(reset).toHaveCount(0);
  await expectAccessible(page);
  const member = await newPage();
  await submitSignIn(member, who.email);
  await expect(member).toHaveURL(/\/settings\/security\/enrol/);
});
