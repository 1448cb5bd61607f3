import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { accounts, formMessage, signIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

// English country names, to find the code of the demo government's country (its name came from this library).
countries.registerLocale(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('i18n-iso-countries/langs/en.json'), 'utf8')));

/**
 * Journey: the directory. A member filters organisations by sector and country, opens one, opens a
 * person, then edits their own profile and hides themselves; another member no longer finds them.
 * Uses the second government demo account: it ends up unlisted, so no other journey may look it up
 * (resources.spec.ts only signs it in to find and download a file).
 */
test('a member finds an organisation and a person, then hides themselves from the directory', async ({ page, newPage }) => {
  const member = accounts.justice;
  await signIn(page, member);
  // The home page says "<organisation> · <sector>"; the demo government is "Government of <country>".
  const line = (await page
    .getByText(` · ${t('common.sectors.government')}`)
    .first()
    .textContent())!;
  const organisation = line.split(' · ')[0]!.trim();
  const country = organisation.replace(/^Government of /, '');

  // The directory, grouped by sector with counts.
  await page
    .getByRole('navigation', { name: t('nav.main') })
    .getByRole('link', { name: t('nav.directory') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('directory.title') })).toBeVisible();
  for (const heading of ['government', 'private_sector', 'civil_society', 'intergovernmental'] as const) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${t(`directory.headings.${heading}`)}`) })).toBeVisible();
  }
  await expectAccessible(page);

  // Filter by sector and country: the filters live in the URL.
  const filters = page.getByRole('search', { name: t('directory.filters.label') });
  await filters.getByLabel(t('directory.filters.sector')).selectOption({ label: t('common.sectors.government') });
  // The browser names the countries (Intl.DisplayNames); the demo names them with i18n-iso-countries: match on the code.
  await filters.getByLabel(t('directory.filters.country')).selectOption(countries.getAlpha2Code(country, 'en')!);
  await filters.getByRole('button', { name: t('common.list.apply') }).click();
  await expect(page).toHaveURL(/[?&]sector=government/);
  await expect(page).toHaveURL(/[?&]country=[A-Z]{2}/);
  const results = page.getByRole('region', { name: new RegExp(`^${t('directory.headings.government')}`) }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  await expectAccessible(page);

  // Open the organisation, then a person listed there (the member themself).
  await results.getByRole('link', { name: organisation, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: organisation })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('region', { name: t('directory.organisation.members') })
    .getByRole('link', { name: member.name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: member.name })).toBeVisible();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const profileUrl = new URL(page.url()).pathname;
  await expectAccessible(page);

  // Edit the profile: a bio with a script in it (stored inert), and not listed any more.
  await page.getByRole('link', { name: t('directory.person.editOwn') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('profile.title') })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(t('profile.pronouns')).fill('she/her');
  await page
    .getByLabel(t('profile.bio'), { exact: true })
    .fill('I draft **online safety** law. <script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">');
  await page.getByRole('checkbox', { name: 'Policy and legislation' }).check();
  await page.getByRole('checkbox', { name: t('profile.listed') }).uncheck();
  await page.getByRole('button', { name: t('profile.save') }).click();
  await expect(formMessage(page, t('profile.saved'))).toBeVisible();
  await expectAccessible(page);

  await page.goto(profileUrl);
  await expect(page.getByText(t('directory.person.unlistedNotice'))).toBeVisible();
  await expect(page.getByRole('region', { name: t('directory.person.about') }).locator('strong')).toHaveText('online safety');
  await expect(page.locator('main script, main img')).toHaveCount(0);
  await expect(page).not.toHaveTitle('pwned');
  await expectAccessible(page);

  // Another member no longer finds them: not in search, not on the organisation's page, profile is 404.
  const other = await newPage();
  await signIn(other, accounts.civil);
  await other.goto(`/directory/people?q=${encodeURIComponent(member.name)}`);
  await expect(other.getByRole('heading', { level: 1, name: t('directory.people.title') })).toBeVisible();
  await expect(other.getByRole('main').getByRole('link', { name: member.name, exact: true })).toHaveCount(0);
  await expectAccessible(other);
  const notFound = await other.goto(profileUrl);
  expect(notFound?.status()).toBe(404);
  await expectAccessible(other);
  await other.goto('/directory');
  await other
    .getByRole('search', { name: t('directory.filters.label') })
    .getByLabel(t('directory.filters.search'))
    .fill(organisation.replace('Government', 'Govenment'));
  await other.getByRole('button', { name: t('common.list.apply') }).click();
  await other.getByRole('link', { name: organisation, exact: true }).click();
  await expect(other.getByRole('heading', { level: 1, name: organisation })).toBeVisible();
  await expect(other.getByRole('main').getByRole('link', { name: member.name, exact: true })).toHaveCount(0);
  await expectAccessible(other);
});
