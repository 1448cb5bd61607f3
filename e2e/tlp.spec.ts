import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { minimalPdf } from '../testing/uploads';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn, submitSignIn } from './helpers';
import { t } from './messages';

/**
 * TLP markings end to end (decision 030): a RED thread is seen by the person its author names and by
 * nobody else, search included; an AMBER PDF downloads with the reader's name, organisation and the time
 * on its pages; a CLEAR report is on /publications for a visitor who is not signed in. Accounts are only
 * signed in to, never changed.
 */

test('a RED thread: its named reader sees it; a member not named gets 404 and finds nothing in search', async ({ page, newPage }) => {
  const word = `tlpred${Date.now().toString(36)}`;
  const title = `Red coordination ${word.slice(-6)}`;
  await signIn(page, accounts.government);
  await page.goto('/spaces/general-discussion/new');
  await page.getByLabel(t('discussions.editor.title')).fill(title);
  await page.getByRole('textbox', { name: t('discussions.editor.body') }).fill(`Details about ${word} for named people only.`);
  await page.getByRole('radio', { name: /^TLP:RED/ }).check();
  const people = page.getByRole('combobox', { name: t('common.tlp.people') });
  // The named reader is looked up by name: not justice, whom directory.spec.ts unlists (the unlisted cannot be found).
  await people.fill('Awa');
  await page.getByRole('option', { name: new RegExp(accounts.french.name) }).click();
  await expect(page.getByRole('list', { name: t('common.tlp.peopleChosen') }).getByText(accounts.french.name)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('header').getByText('TLP:RED', { exact: true })).toBeVisible();
  await expectAccessible(page);
  const threadUrl = new URL(page.url()).pathname;

  const named = await newPage();
  // Awa reads the portal in French (signIn waits for the English welcome).
  await submitSignIn(named, accounts.french.email);
  await expect(named).toHaveURL(/\/home$/);
  await named.goto(threadUrl);
  await expect(named.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(named);

  const outsider = await newPage();
  await signIn(outsider, accounts.civil);
  expect((await outsider.goto(threadUrl))?.status()).toBe(404);
  await outsider.goto(`/search?q=${word}`);
  await expect(outsider.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(outsider.getByRole('link', { name: title })).toHaveCount(0);
  await expectAccessible(outsider);
  await outsider.goto('/spaces/general-discussion');
  await expect(outsider.getByRole('heading', { level: 1, name: 'General discussion' })).toBeVisible();
  await expect(outsider.getByRole('link', { name: title })).toHaveCount(0);
  await expectAccessible(outsider);
});

test('an AMBER PDF downloads with the reader’s name, organisation and the time on every page', async ({ page, newPage }) => {
  const title = `Amber brief ${Date.now().toString(36)}`;
  const reader = await newPage();
  await signIn(reader, accounts.justice);
  await reader.goto('/settings/profile');
  await expectAccessible(reader);
  const readerOrganisation = (
    await reader
      .locator('dt', { hasText: t('profile.organisation') })
      .locator('xpath=following-sibling::dd[1]')
      .innerText()
  ).trim();

  await signIn(page, accounts.government);
  await page.goto('/resources/new');
  await page
    .getByLabel(t('resources.form.file'), { exact: true })
    .setInputFiles({ name: 'amber-brief.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Amber brief for two governments') });
  await expect(page.getByText(/^Uploaded amber-brief\.pdf/)).toBeVisible();
  await page.getByLabel(t('resources.form.titleField')).fill(title);
  await page.getByRole('radio', { name: /^TLP:AMBER Members/ }).check();
  await page.getByRole('combobox', { name: t('common.tlp.organisations') }).fill(readerOrganisation.slice(0, 20));
  await page.getByRole('option').filter({ hasText: readerOrganisation }).first().click();
  await expect(page.getByRole('list', { name: t('common.tlp.organisationsChosen') }).getByText(readerOrganisation)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: t('resources.form.submit') }).click();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  await expect(page.getByText('TLP:AMBER', { exact: true }).first()).toBeVisible();
  const resourceUrl = new URL(page.url()).pathname;

  await reader.goto(resourceUrl);
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(reader);
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: /^Download amber-brief\.pdf/ }).click()]);
  const bytes = new Uint8Array(await readFile((await download.path())!));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
  expect(text.length).toBeGreaterThan(0);
  for (const pageText of text) {
    expect(pageText).toContain('TLP:AMBER');
    expect(pageText).toContain(`${accounts.justice.name} (${readerOrganisation})`);
    expect(pageText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  }
});

test('a CLEAR report is on /publications for a visitor who is not signed in, by words and language', async ({ page }) => {
  await page.goto('/publications');
  await expect(page.getByRole('heading', { level: 1, name: t('resources.publications.title') })).toBeVisible();
  await expectAccessible(page);
  const main = page.getByRole('main');
  await main.getByLabel(t('resources.publications.search'), { exact: true }).fill('terminology');
  await main.getByLabel(t('resources.publications.language'), { exact: true }).selectOption('ar');
  await page.getByRole('button', { name: t('resources.publications.apply') }).click();
  await expect(page).toHaveURL(/language=ar/);
  const report = page.getByRole('link', { name: 'Terminology guidelines: a one-page reminder' });
  await expect(report).toBeVisible();
  // Members-only resources are not there.
  await expect(page.getByRole('link', { name: 'Hotline referral pathways: a practical guide' })).toHaveCount(0);
  await report.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terminology guidelines: a one-page reminder' })).toBeVisible();
  await expectAccessible(page);
  const href = await page.getByRole('link', { name: /^Download the document/ }).getAttribute('href');
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
});
