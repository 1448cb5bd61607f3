import { accounts, actionFor, linkIn, signIn, uniqueEmail, waitForEmail } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t, tIn } from './messages';

/**
 * The Arabic journey: a visitor whose browser asks for Arabic gets the portal right to left, applies,
 * confirms from an Arabic email, is approved by an English-speaking admin (the approval reaches them in
 * Arabic), and starts a thread, written in Arabic by default. Then they change their language in their
 * preferences, and back.
 */

const PASSWORD = 'several unrelated words 2026';
const ar = (key: Parameters<typeof tIn>[1], values?: Record<string, string | number>) => tIn('ar', key, values);

test('register → approve → post, in Arabic and right to left', async ({ newPage }) => {
  // A whole journey through three accounts, two of them signing in with an authenticator code.
  test.slow();
  // A browser that asks for Arabic (Accept-Language: ar-JO).
  const page = await newPage({ locale: 'ar-JO', timezoneId: 'Asia/Amman' });
  const email = uniqueEmail('arabic');
  const name = `سلمى العمري ${email.slice(7, 13)}`;

  await test.step('Accept-Language: ar → the landing page in Arabic, right to left', async () => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: tIn('ar', 'common.appName') })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step('applies in Arabic', async () => {
    await page
      .getByRole('navigation', { name: ar('nav.main') })
      .getByRole('link', { name: ar('nav.register') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: ar('auth.register.title') })).toBeVisible();
    await page.getByLabel(ar('auth.register.name')).fill(name);
    await page.getByLabel(ar('auth.register.email')).fill(email);
    await page.getByLabel(ar('auth.register.password'), { exact: true }).fill(PASSWORD);
    await page.getByLabel(ar('auth.register.jobTitle')).fill('محللة في خط الإبلاغ');
    await page.getByRole('combobox', { name: ar('auth.register.organisationSearch') }).fill('Jordan');
    const option = page.getByRole('option').filter({ hasText: 'Government of Jordan' }).first();
    await option.click();
    await expect(page.getByText(ar('auth.register.organisationChosen', { name: 'Government of Jordan' }))).toBeVisible();
    await page.getByLabel(ar('auth.register.reason')).fill('أنسّق عمل خط الإبلاغ الوطني وأرغب في تبادل الخبرات مع الأعضاء.');
    await page.getByRole('checkbox', { name: ar('auth.register.acceptGuidelines') }).check();
    await expectAccessible(page);
    await page.getByRole('button', { name: ar('auth.register.submit') }).click();
    await expect(page.getByRole('heading', { name: ar('auth.register.doneTitle') })).toBeVisible();
    await expectAccessible(page);
  });

  const confirmation = await test.step('confirms from an email written in Arabic', async () => {
    const mail = await waitForEmail(email);
    expect(mail.subject).toBe(ar('email.verifyEmail.subject'));
    expect(mail.html).toContain('dir="rtl"');
    await page.goto(linkIn(mail));
    await page.getByRole('button', { name: ar('auth.verify.submit') }).click();
    await expect(page.getByRole('heading', { name: ar('auth.verify.doneTitle') })).toBeVisible();
    await expectAccessible(page);
    return mail;
  });

  await test.step('an English-speaking admin approves; the applicant hears of it in Arabic', async () => {
    const admin = await newPage();
    await signIn(admin, accounts.admin);
    await admin.goto('/admin/applications');
    await expect(admin.locator('html')).toHaveAttribute('dir', 'ltr');
    const application = admin.getByRole('article', { name });
    await expect(application).toBeVisible();
    await expectAccessible(admin);
    await application.getByRole('button', { name: actionFor(t('admin.applications.approve'), name) }).click();
    await expect(admin.getByText(t('admin.applications.approved'))).toBeVisible();
    await expectAccessible(admin);
    const approval = await waitForEmail(email, { after: confirmation });
    expect(approval.subject).toBe(ar('email.applicationApproved.subject'));
  });

  await test.step('signs in and starts a thread, in Arabic by default', async () => {
    await page.goto('/sign-in');
    await page.getByLabel(ar('auth.signIn.email')).fill(email);
    await page.getByLabel(ar('auth.signIn.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: ar('auth.signIn.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole('heading', { level: 1, name: ar('home.welcome', { name }) })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectAccessible(page);

    await page.goto('/spaces/general-discussion');
    await expectAccessible(page);
    await page.getByRole('link', { name: ar('discussions.space.newThread') }).click();
    await expect(page.getByLabel(ar('discussions.editor.language'))).toHaveValue('ar');
    await page.getByLabel(ar('discussions.editor.title'), { exact: true }).fill('تجربة خط الإبلاغ في التعامل مع البلاغات العاجلة');
    await page
      .getByRole('textbox', { name: ar('discussions.editor.body') })
      .fill('نشارك هنا ما تعلّمناه عن ترتيب أولويات البلاغات العاجلة، ونرحب بتجاربكم.');
    await expectAccessible(page);
    await page.getByRole('button', { name: ar('discussions.editor.post') }).click();
    await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
    const title = page.getByRole('heading', { level: 1, name: 'تجربة خط الإبلاغ في التعامل مع البلاغات العاجلة' });
    await expect(title).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectAccessible(page);
  });

  await test.step('changes their language in the preferences, and back', async () => {
    await page.goto('/settings/preferences');
    await page.getByLabel(ar('settings.language')).selectOption('fr');
    await page.getByRole('button', { name: ar('settings.save') }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: tIn('fr', 'settings.preferencesTitle') })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(tIn('fr', 'settings.language')).selectOption('ar');
    await page.getByRole('button', { name: tIn('fr', 'settings.save') }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectAccessible(page);
  });
});
