import { readZip } from '../testing/zip';
import { apply, approveAndSignIn, confirmEmail, newApplicant } from './applicants';
import { accounts, formMessage, signIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * A member's own data (decision 020): a new member posts, asks for a copy of their data, waits for the
 * job (the e2e server runs jobs in the background), downloads the zip and finds their post in it; then
 * deletes their account, and another member sees the post as written by "Former member", with no link.
 * The member is made here (an application approved by the admin), so no other spec's account is touched.
 */
test('export my data and open the zip; delete my account and see my old post as "Former member"', async ({ page, newPage }) => {
  test.slow();
  const who = newApplicant('leaving');
  await apply(page, who, { existing: 'Government of' });
  await confirmEmail(page, who);
  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await approveAndSignIn(admin, page, who);

  // Preferences: the time-zone list is filled in by the browser (the page carries only the current zone).
  await page.goto('/settings/preferences');
  const zone = page.getByLabel(t('settings.timeZone'));
  await expect(zone.locator('option[value="America/Sao_Paulo"]')).toHaveCount(1);
  expect(await zone.locator('option').count()).toBeGreaterThan(300);
  await zone.selectOption('America/Sao_Paulo');
  await page.getByRole('button', { name: t('settings.save') }).click();
  await expect(formMessage(page, t('settings.preferencesSaved'))).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(t('settings.timeZone'))).toHaveValue('America/Sao_Paulo');
  await expectAccessible(page);

  // A post to find again.
  const title = `Leaving notes ${Date.now()}`;
  const body = `Words that outlive their author ${Date.now()}`;
  await page.goto('/spaces');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'General discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'General discussion' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: t('discussions.space.newThread') }).click();
  await expect(page.getByLabel(t('discussions.editor.title'))).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(t('discussions.editor.title')).fill(title);
  await page.getByRole('textbox', { name: t('discussions.editor.body') }).fill(body);
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  const threadUrl = new URL(page.url()).pathname;

  // Export: asked for, built by the job, downloaded and opened.
  await page.goto('/settings/data');
  await expect(page.getByRole('heading', { level: 1, name: t('privacy.title') })).toBeVisible();
  await expect(page.getByText(t('privacy.export.none'))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: t('privacy.export.request') }).click();
  // The page comes back with the export's status (queued, building, then ready).
  const status = page.locator('[data-export-status]');
  await expect(async () => {
    await page.goto('/settings/data');
    await expect(status).toHaveAttribute('data-export-status', 'ready', { timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [2000] });
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('privacy.export.download') }).click()]);
  expect(download.suggestedFilename()).toMatch(/^protectors-portal-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  const zip = await readZip(Buffer.concat(chunks));
  expect(JSON.parse(zip.get('profile.json')!.toString('utf8'))).toMatchObject({ email: who.email, name: who.name });
  const posts = JSON.parse(zip.get('posts.json')!.toString('utf8')) as { body: string }[];
  expect(posts.map((p) => p.body)).toContain(body);

  // Delete: the typed email must match, then the account goes and the next page is the sign-in page.
  const confirm = page.getByLabel(t('privacy.delete.confirmLabel'));
  await confirm.fill('someone.else@example.org');
  await page.getByRole('button', { name: t('privacy.delete.submit') }).click();
  await expect(page.getByText(t('privacy.delete.confirmMismatch'))).toBeVisible();
  await confirm.fill(who.email);
  await page.getByRole('button', { name: t('privacy.delete.submit') }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=accountDeleted/);
  await expect(page.getByText(t('auth.signIn.accountDeleted'))).toBeVisible();
  await expectAccessible(page);

  // Another member sees the post as written by "Former member", with no link to a profile.
  await admin.goto(threadUrl);
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const post = admin.locator('article#post-1');
  await expect(post).toContainText(t('common.formerMember'));
  await expect(post).not.toContainText(who.name);
  await expect(admin.getByText(who.name)).toHaveCount(0);
  await expect(post.locator('header a[href^="/people/"]')).toHaveCount(0);
  await expectAccessible(admin);
});
