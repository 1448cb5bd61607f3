import { createHash } from 'node:crypto';
import { minimalPdf } from '../testing/uploads';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, formMessage, signIn } from './helpers';
import { t } from './messages';

/**
 * The resource library end to end: a government member shares a PDF with the government sector only;
 * a member of another government organisation finds it by a word that is only inside the PDF (its text
 * is extracted by a background job) and downloads it; a civil society member gets 404 for the page and
 * the file. Accounts are only signed in to, never changed.
 */
const justice = accounts.justice;

test('a PDF shared with one sector: found by its text and downloaded there, 404 elsewhere', async ({ page, newPage }) => {
  const word = `kestrelwing${Date.now().toString(36)}`;
  const title = `Sector notes ${word.slice(-5)}`;
  const pdf = minimalPdf(`Working notes on ${word} for the government reference group`);

  await signIn(page, accounts.government);
  await page
    .getByRole('navigation', { name: t('nav.main') })
    .getByRole('link', { name: t('nav.resources') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('resources.title') })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: t('resources.contribute') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('resources.form.newTitle') })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByLabel(t('resources.form.file'), { exact: true })
    .setInputFiles({ name: 'sector-notes.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText(/^Uploaded sector-notes\.pdf/)).toBeVisible();
  await page.getByLabel(t('resources.form.titleField')).fill(title);
  await page.getByLabel(t('resources.form.description')).fill('Notes for **governments** only.');
  await page.getByRole('radio', { name: t('resources.visibility.sectors') }).check();
  await page.getByRole('checkbox', { name: t('common.sectors.government') }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: t('resources.form.submit') }).click();

  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(t('resources.visibilityBadge.sectors', { sectors: t('common.sectors.government') }))).toBeVisible();
  await expectAccessible(page);
  const resourceUrl = new URL(page.url()).pathname;
  const fileHref = await page.getByRole('link', { name: /^Download sector-notes\.pdf/ }).getAttribute('href');
  expect(fileHref).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);

  // Another government organisation's member finds it by a word inside the PDF, then downloads it.
  const colleague = await newPage();
  await signIn(colleague, justice);
  await expect(async () => {
    await colleague.goto(`/resources?q=${word}`);
    await expect(colleague.getByRole('link', { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await expect(colleague.locator('mark', { hasText: word })).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByRole('link', { name: title }).click();
  await expect(colleague.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(colleague);
  const [download] = await Promise.all([
    colleague.waitForEvent('download'),
    colleague.getByRole('link', { name: /^Download sector-notes\.pdf/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const { readFile } = await import('node:fs/promises');
  expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);

  // The contributing organisation's focal points and admins see that download in the trail.
  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await admin.goto(resourceUrl);
  await expect(admin.getByRole('heading', { name: t('resources.detail.trail') })).toBeVisible();
  await expect(admin.getByRole('cell', { name: new RegExp(justice.name) })).toBeVisible();
  await expectAccessible(admin);

  // A member of another sector: the page and the file do not exist.
  const outsider = await newPage();
  await signIn(outsider, accounts.civil);
  const response = await outsider.goto(resourceUrl);
  expect(response?.status()).toBe(404);
  await expectAccessible(outsider);
  expect((await outsider.request.get(fileHref!)).status()).toBe(404);
  await outsider.goto(`/resources?q=${word}`);
  await expect(outsider.getByText(t('resources.list.emptyFiltered'))).toBeVisible();
  await expectAccessible(outsider);
});

test('an admin blocks a hash; uploading that file is refused with a neutral message and nothing to attach', async ({ page, newPage }) => {
  const blocked = minimalPdf(`Blocked sample ${Date.now()}`);
  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await admin.goto('/admin/blocklist');
  await expect(admin.getByRole('heading', { level: 1, name: t('blocklist.title') })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel(t('blocklist.hash')).fill(createHash('sha256').update(blocked).digest('hex'));
  await admin.getByRole('button', { name: t('blocklist.add') }).click();
  await expect(formMessage(admin, t('blocklist.added'))).toBeVisible();
  await expectAccessible(admin);

  await signIn(page, justice);
  await page.goto('/resources/new');
  await expectAccessible(page);
  await page
    .getByLabel(t('resources.form.file'), { exact: true })
    .setInputFiles({ name: 'sample.pdf', mimeType: 'application/pdf', buffer: blocked });
  await expect(page.getByRole('alert').filter({ hasText: t('resources.upload.refused.refused') })).toBeVisible();
  await expectAccessible(page);
  // A file named .pdf that is really HTML is refused with a clear reason.
  await page
    .getByLabel(t('resources.form.file'), { exact: true })
    .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') });
  await expect(page.getByRole('alert').filter({ hasText: t('resources.upload.refused.typeMismatch') })).toBeVisible();
  await page.getByLabel(t('resources.form.titleField')).fill('Nothing attached');
  await page.getByRole('button', { name: t('resources.form.submit') }).click();
  await expect(page.getByText(t('validation.uploadFirst'))).toBeVisible();
  await expect(page).toHaveURL(/\/resources\/new$/);
  await expectAccessible(page);
});

test('a refused link address keeps the link, languages and visibility chosen; the corrected address is shared', async ({ page }) => {
  const title = `Partner guidance ${Date.now().toString(36)}`;
  await signIn(page, accounts.government);
  await page.goto('/resources/new');
  await expect(page.getByRole('heading', { level: 1, name: t('resources.form.newTitle') })).toBeVisible();
  const link = page.getByRole('radio', { name: t('resources.form.kindLink') });
  const ownOrganisation = page.getByRole('radio', { name: t('resources.visibility.organisation') });
  await link.check();
  await page.getByLabel(t('resources.form.url')).fill('ftp://files.example.org/guidance.pdf');
  await page.getByLabel(t('resources.form.titleField')).fill(title);
  await ownOrganisation.check();
  const languages = page.getByRole('group', { name: t('resources.form.languages') });
  await languages.getByRole('checkbox', { name: 'English' }).check();
  await languages.getByRole('checkbox', { name: 'French' }).check();
  await page.getByRole('button', { name: t('resources.form.submit') }).click();

  await expect(formMessage(page, t('errors.checkFields'))).toBeVisible();
  await expect(languages.getByRole('checkbox', { name: 'English' })).toBeChecked();
  await expect(languages.getByRole('checkbox', { name: 'French' })).toBeChecked();
  await expect(page.getByLabel(t('resources.form.url'))).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(t('validation.invalidUrl'))).toBeVisible();
  await expect(link).toBeChecked();
  await expect(page.getByRole('radio', { name: t('resources.form.kindFile') })).not.toBeChecked();
  await expect(ownOrganisation).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel(t('resources.form.url')).fill('https://www.example.org/guidance');
  await page.getByRole('button', { name: t('resources.form.submit') }).click();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('a[href="https://www.example.org/guidance"]')).toBeVisible();
  await expectAccessible(page);

  // The list's organisation filter is a type-ahead: type part of the name, choose it with the keyboard.
  const organisation = (await page.locator('main a[href^="/organisations/"]').first().textContent())!.trim();
  await page.goto('/resources');
  const search = page.getByRole('combobox', { name: t('resources.organisationFilter.search'), exact: true });
  await search.fill(organisation.slice(0, 8));
  await expect(page.getByRole('option', { name: organisation })).toBeVisible();
  await search.press('ArrowDown');
  await page.getByRole('option', { name: organisation }).click();
  await expect(page.getByRole('status').filter({ hasText: organisation })).toBeVisible();
  await page.getByRole('button', { name: t('resources.list.apply') }).click();
  await expect(page).toHaveURL(/organisation=[0-9a-f-]{36}/);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: organisation })).toBeVisible();
  await expectAccessible(page);
});
