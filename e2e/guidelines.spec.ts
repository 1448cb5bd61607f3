import { accounts, signIn, submitSignIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * A new version of the community guidelines (decision 019): the Secretariat publishes it on
 * /admin/guidelines (with a preview and a change summary); a member who signs in afterwards reaches
 * nothing — /home included — before accepting it. It stops every member of the portal, so this spec
 * runs alone after all the others (the `portal-wide` project in playwright.config.ts).
 */
test('a new guidelines version blocks member pages until it is accepted', async ({ page, newPage }) => {
  test.slow();
  const rule = `Share case studies only with the consent of the organisation that wrote them (${Date.now()}).`;
  const summary = 'A new rule on case studies.';

  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await admin.goto('/admin/guidelines');
  await expect(admin.getByRole('heading', { level: 1, name: t('guidelines.admin.title') })).toBeVisible();
  await expectAccessible(admin);
  const text = admin.getByLabel(t('guidelines.admin.markdown'));
  await text.fill(`${await text.inputValue()}\n\n5. **Case studies.** ${rule}`);
  await admin.getByRole('button', { name: t('guidelines.admin.preview') }).click();
  await expect(admin.getByRole('region', { name: t('guidelines.admin.previewLabel') }).getByText(rule)).toBeVisible();
  await expectAccessible(admin);
  // A change summary is required.
  await admin.getByRole('button', { name: t('guidelines.admin.publish') }).click();
  await expect(admin.getByLabel(t('guidelines.admin.changeSummary'))).toHaveAttribute('aria-invalid', 'true');
  await admin.getByLabel(t('guidelines.admin.changeSummary')).fill(summary);
  await admin.getByRole('button', { name: t('guidelines.admin.publish') }).click();
  await expect(admin.getByText(t('guidelines.admin.published', { version: 2 }))).toBeVisible();
  await expect(admin.getByRole('listitem').filter({ hasText: summary })).toBeVisible();
  await expectAccessible(admin);

  // A member signing in is stopped at the new version, whatever page they ask for.
  await submitSignIn(page, accounts.civil.email);
  await expect(page).toHaveURL(/\/guidelines\/accept\?next=%2Fhome$/);
  await expect(page.getByRole('heading', { level: 1, name: t('guidelines.accept.title') })).toBeVisible();
  await expect(page.getByText(summary)).toBeVisible();
  await expect(page.getByText(rule)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/resources');
  await expect(page).toHaveURL(/\/guidelines\/accept\?next=%2Fresources$/);
  await expectAccessible(page);

  await page.getByRole('button', { name: t('guidelines.accept.submit') }).click();
  await expect(page).toHaveURL(/\/resources$/);
  await expectAccessible(page);
  await page.goto('/home');
  await expect(page.getByRole('heading', { level: 1, name: t('home.welcome', { name: accounts.civil.name }) })).toBeVisible();
  await expectAccessible(page);

  // The public page shows the version in force.
  await page.goto('/guidelines');
  await expect(page.getByText(rule)).toBeVisible();
  await expectAccessible(page);
});
